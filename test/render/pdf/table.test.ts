import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/document/types.js";
import { layoutDocument, textArea } from "../../../src/render/pdf/index.js";
import { sampleTree } from "../../fixtures/sample-tree.js";
import { filler, p, text, tree } from "./fixtures/trees.js";
import { texts } from "./helpers.js";

describe("PDF layout: tables", () => {
  it("should size columns by their content and right-align amounts", () => {
    const all = texts(layoutDocument(sampleTree()));
    const amounts = all.filter((t) => / kr$/.test(t.text.replace(/\u00a0/g, " ")));
    expect(amounts).toHaveLength(7);
    const rightEdges = new Set(amounts.map((t) => (t.x + t.width).toFixed(2)));
    expect(rightEdges.size).toBe(1);
    const header = all.find((t) => t.text === "Kostnad (kronor)");
    expect((header?.x as number) + (header?.width as number)).toBeCloseTo(
      (amounts[0]?.x as number) + (amounts[0]?.width as number),
      2,
    );
    // The description column takes the spare room; the amount column just fits its widest text.
    const description = all.find((t) => t.text === "Beskrivning av resurs");
    expect((header?.x as number) - (description?.x as number)).toBeGreaterThan(textArea.width / 2);
  });

  it("should set the total row and the header row in bold", () => {
    const all = texts(layoutDocument(sampleTree()));
    expect(all.find((t) => t.text === "Summa")?.face).toBe("bold");
    expect(all.find((t) => t.text === "830\u00a0000 kr")?.face).toBe("bold");
    expect(all.find((t) => t.text === "Beskrivning av resurs")?.face).toBe("bold");
    expect(all.find((t) => t.text === "Personal")?.face).toBe("regular");
  });

  it("should keep a short table whole on one page", () => {
    const budget = sampleTree().children.find((b) => b.type === "table") as Block;
    let moved = 0;
    for (let n = 18; n < 32; n++) {
      const layout = layoutDocument(tree([...filler(n), budget]));
      const all = texts(layout);
      const table = all.filter((t) =>
        /^(Beskrivning|Personal|Konsulter|Övrigt|Summa)/.test(t.text),
      );
      expect(table).toHaveLength(5);
      expect(new Set(table.map((t) => t.page)).size).toBe(1);
      if (table[0]?.page === 1) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("should continue a table longer than a page with its header row repeated", () => {
    const rows = Array.from({ length: 90 }, (_, i) => [
      [text(`Post ${i + 1}`)],
      [text(`${i + 1}\u00a0000 kr`)],
    ]);
    const layout = layoutDocument(
      tree([
        p("Inledning."),
        {
          type: "table",
          align: ["left", "right"],
          header: [[text("Beskrivning av resurs")], [text("Kostnad (kronor)")]],
          rows,
          total: [[text("Summa")], [text("4\u00a0095\u00a0000 kr")]],
        },
      ]),
    );
    const all = texts(layout);
    const rowPages = [...new Set(all.filter((t) => t.text.startsWith("Post ")).map((t) => t.page))];
    expect(rowPages.length).toBeGreaterThanOrEqual(3);
    for (const [k, pageIndex] of rowPages.entries()) {
      const onPage = all.filter((t) => t.page === pageIndex);
      const header = onPage.filter((t) => t.text === "Beskrivning av resurs");
      expect(header[0]?.role).toBe(k === 0 ? "body" : "repeat");
      const firstRow = onPage.find((t) => t.text.startsWith("Post "));
      expect(header).toHaveLength(1);
      expect(header[0]?.y).toBeLessThan(firstRow?.y as number);
    }
    // Every row once, in order; at least two rows on each page, the total with the last two.
    const posts = all.filter((t) => t.text.startsWith("Post "));
    expect(posts.map((t) => t.text)).toEqual(rows.map((_, i) => `Post ${i + 1}`));
    for (const pageIndex of rowPages) {
      expect(posts.filter((t) => t.page === pageIndex).length).toBeGreaterThanOrEqual(2);
    }
    const total = all.find((t) => t.text === "Summa");
    expect(all.find((t) => t.text === "Post 89")?.page).toBe(total?.page);
  });
});

import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/document/types.js";
import { layoutDocument, textArea } from "../../../src/render/pdf/index.js";
import { reader, style, table } from "../../../src/render/pdf/style.js";
import { p, sampleTree, text, treeOf } from "../../helpers/trees.js";
import { filler, words } from "./fixtures/trees.js";
import { outOfPlace, texts } from "./helpers.js";

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
    // An amount table is as wide as its content: the amount column starts two paddings (under
    // 0.7 em, a word space for poppler) after the widest description, and ends at its amounts.
    const [top, bottom] = [header?.y as number, all.find((t) => t.text === "Summa")?.y as number];
    const descriptions = all.filter(
      (t) => t.page === header?.page && t.x < (header?.x as number) && t.y >= top && t.y <= bottom,
    );
    expect(descriptions).toHaveLength(8);
    const widest = Math.max(...descriptions.map((t) => t.x + t.width));
    const gap = (header?.x as number) - widest;
    expect(gap).toBeCloseTo(2 * table.compact.padX, 6);
    expect(gap / style.table.size).toBeLessThan(reader.wordGap);
    // The table's right edge (its rightmost vertical rule) is one padding after the amounts.
    const columnRules = layoutDocument(sampleTree()).pages.flatMap((pg) =>
      pg.boxes.flatMap((b) => (b.kind === "rule" && b.x1 === b.x2 ? [b.x1] : [])),
    );
    const right = Math.max(...columnRules);
    const amountEnd = (amounts[0]?.x as number) + (amounts[0]?.width as number);
    expect(right - amountEnd).toBeCloseTo(table.compact.padX, 6);
    expect(right).toBeLessThan(textArea.right - 100);
  });

  it("should set an amount table's rows under 1.5 lines apart, one block for poppler", () => {
    const all = texts(layoutDocument(sampleTree()));
    const head = all.find((t) => t.text === "Beskrivning av resurs");
    const [top, bottom] = [head?.y as number, all.find((t) => t.text === "Summa")?.y as number];
    const baselines = [
      ...new Set(
        all.filter((t) => t.page === head?.page && t.y >= top && t.y <= bottom).map((t) => t.y),
      ),
    ];
    expect(baselines).toHaveLength(8);
    baselines.slice(1).forEach((y, i) => {
      expect((y - (baselines[i] as number)) / style.table.size).toBeLessThan(reader.lineGap);
    });
  });

  it("should wrap a long description and set its amount on the description's last line", () => {
    const long = words("Verksamhetsstöd från Brottsoffermyndigheten", 8);
    const layout = layoutDocument(
      treeOf([
        {
          type: "table",
          align: ["left", "right"],
          header: [[text("Beskrivning av resurs")], [text("Kostnad (kronor)")]],
          rows: [
            [[text(long)], [text("15\u00a0000 kr")]],
            [[text("Medlemsavgifter")], [text("1\u00a0500 kr")]],
          ],
        },
      ]),
    );
    const all = texts(layout);
    const description = all.filter((t) => t.text.includes("Brottsoffermyndigheten"));
    expect(description.length).toBeGreaterThanOrEqual(3);
    const amount = all.filter((t) => t.text === "15\u00a0000 kr");
    expect(amount).toHaveLength(1);
    expect(amount[0]?.y).toBe(description.at(-1)?.y);
    expect(outOfPlace(layout)).toEqual([]);
  });

  it("should spread a table of text columns over the measure, every cell apart for poppler", () => {
    const layout = layoutDocument(
      treeOf([
        {
          type: "table",
          align: ["left", "left", "left"],
          header: [[text("Datum")], [text("Beslut")], [text("Ändring")]],
          rows: [
            [
              [text("2025-03-25")],
              [text("Socialnämnden")],
              [text(words("Bilagan upprättas.", 12))],
            ],
            [[text("2025-09-01")], [text("Styrgruppen")], [text("Kontaktperson byts.")]],
          ],
        },
      ]),
    );
    const all = texts(layout);
    const rules = layout.pages[0]?.boxes.filter((b) => b.kind === "rule" && b.x1 === b.x2) ?? [];
    const xs = [...new Set(rules.map((b) => (b.kind === "rule" ? b.x1 : 0)))].sort((a, b) => a - b);
    expect(xs[0]).toBeCloseTo(textArea.left, 6);
    expect(xs.at(-1)).toBeCloseTo(textArea.right, 6);
    // Rows more than 1.5 lines apart, columns more than 1 em apart.
    const dates = all.filter((t) => /^2025-/.test(t.text));
    const header = all.find((t) => t.text === "Datum");
    expect(((dates[0]?.y as number) - (header?.y as number)) / style.table.size).toBeGreaterThan(
      reader.lineGap,
    );
    for (const column of [1, 2]) {
      const ends = all.filter((t) => t.x < (xs[column] as number) && t.y >= (header?.y as number));
      const starts = all.filter(
        (t) => t.x > (xs[column] as number) && t.y >= (header?.y as number),
      );
      const gap = Math.min(...starts.map((t) => t.x)) - Math.max(...ends.map((t) => t.x + t.width));
      expect(gap / style.table.size).toBeGreaterThan(1);
    }
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
      const layout = layoutDocument(treeOf([...filler(n), budget]));
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
    const rows = Array.from({ length: 150 }, (_, i) => [
      [text(`Post ${i + 1}`)],
      [text(`${i + 1}\u00a0000 kr`)],
    ]);
    const layout = layoutDocument(
      treeOf([
        p("Inledning."),
        {
          type: "table",
          align: ["left", "right"],
          header: [[text("Beskrivning av resurs")], [text("Kostnad (kronor)")]],
          rows,
          total: [[text("Summa")], [text("11\u00a0325\u00a0000 kr")]],
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
    expect(all.find((t) => t.text === "Post 149")?.page).toBe(total?.page);
  });
});

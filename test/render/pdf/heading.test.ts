import { describe, expect, it } from "vitest";
import { layoutDocument, textArea } from "../../../src/render/pdf/index.js";
import { sampleTree } from "../../fixtures/sample-tree.js";
import { filler, h, longTree, p, tree, words } from "./fixtures/trees.js";
import { lines, layoutOptions as options, texts } from "./helpers.js";

describe("PDF layout: headings", () => {
  it("should write a heading as its number and its text", () => {
    const heading = lines(layoutDocument(sampleTree())).find((l) => l.text.includes("Stöd"));
    expect(heading?.text).toBe("1.1Stöd");
  });

  it("should move a heading at the bottom of a page to the next page with its paragraph", () => {
    let moved = 0;
    for (let n = 20; n < 34; n++) {
      const layout = layoutDocument(
        tree([...filler(n), h(1, "9", "Rubrik nära sidans slut"), p(words("brödtext", 60))]),
      );
      const all = texts(layout);
      const heading = all.find((t) => t.text === "Rubrik nära sidans slut");
      const body = all.filter((t) => t.text.startsWith("brödtext"));
      expect(heading).toBeDefined();
      // At least two lines of the paragraph follow the heading on its page.
      expect(body.filter((t) => t.page === heading?.page).length).toBeGreaterThanOrEqual(2);
      const lastFiller = all.filter((t) => t.text.startsWith("Fyllnad")).at(-1);
      if (heading && lastFiller && heading.page > lastFiller.page) {
        // The heading alone would have fitted under the last filler line.
        const room = textArea.bottom - lastFiller.y;
        if (room > 45) moved++;
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("should leave no heading as the last text of a page in the long tree", () => {
    const layout = layoutDocument(longTree(), options);
    const all = texts(layout).filter((t) => t.role === "body");
    for (const entry of layout.outline) {
      const after = all.filter((t) => t.page === entry.page && t.y > entry.y + 30);
      expect(after.length, entry.title).toBeGreaterThan(0);
    }
  });

  it("should make one bookmark per numbered heading, nested by depth, pointing at its page", () => {
    const layout = layoutDocument(sampleTree());
    expect(layout.outline.map((o) => [o.title, o.depth, o.page])).toEqual([
      ["1 Åtagande", 1, 0],
      ["1.1 Stöd", 2, 0],
      ["2 Socialförvaltningens ersättning under 12 månader", 1, 0],
      ["3 Underskrift", 1, 1],
    ]);
    const long = layoutDocument(longTree());
    expect(long.outline.map((o) => o.page)).toEqual(
      [...long.outline.map((o) => o.page)].sort((a, b) => a - b),
    );
  });
});

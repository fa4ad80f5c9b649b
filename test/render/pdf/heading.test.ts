import { describe, expect, it } from "vitest";
import { layoutDocument, textArea } from "../../../src/render/pdf/index.js";
import { reader } from "../../../src/render/pdf/style.js";
import { h, p, sampleTree, treeOf } from "../../helpers/trees.js";
import { filler, longTree, words } from "./fixtures/trees.js";
import { lines, layoutOptions as options, texts } from "./helpers.js";

describe("PDF layout: headings", () => {
  it("should write a heading as its number and its text", () => {
    const heading = lines(layoutDocument(sampleTree())).find((l) => l.text.includes("Stöd"));
    expect(heading?.text).toBe("1.1Stöd");
  });

  it("should set a heading's text an en space after its own number, wrapped lines under the text", () => {
    // Numbers of different widths: each heading measures its own (a gap sized for the widest
    // number of the document leaves "2.1" so far from its text that poppler reads two columns).
    const long = words("Uppföljningsrubrik", 8);
    const layout = layoutDocument(
      treeOf([h(2, "2.1", "Parter"), p("Text."), h(2, "12.10", long), h(3, "2.1.1", "Styrgrupp")]),
    );
    const all = texts(layout);
    const cases = [
      ["2.1", "Parter"],
      ["12.10", "Uppföljningsrubrik"],
      ["2.1.1", "Styrgrupp"],
    ] as const;
    for (const [number, start] of cases) {
      const n = all.find((t) => t.text === number);
      const title = all.find((t) => t.text.startsWith(start) && t.y === n?.y);
      expect(n, number).toBeDefined();
      expect(title, number).toBeDefined();
      const gap = (title?.x as number) - (n?.x as number) - (n?.width as number);
      expect(gap / (n?.size as number), number).toBeCloseTo(0.5, 6);
      expect(gap / (n?.size as number)).toBeLessThan(reader.wordGap);
    }
    // The long heading wraps; its second line starts under the first line's text.
    const lines = all.filter((t) => t.text.includes("Uppföljningsrubrik"));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lines.map((t) => t.x)).size).toBe(1);
    expect(new Set(lines.map((t) => t.y)).size).toBe(lines.length);
  });

  it("should move a heading at the bottom of a page to the next page with its paragraph", () => {
    let moved = 0;
    for (let n = 20; n < 34; n++) {
      const layout = layoutDocument(
        treeOf([...filler(n), h(1, "9", "Rubrik nära sidans slut"), p(words("brödtext", 60))]),
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
    // Each bookmark points at the page and the top of its heading's number.
    const all = texts(long);
    for (const entry of long.outline) {
      const number = entry.title.split(" ")[0];
      const box = all.find((t) => t.text === number && t.page === entry.page && t.y > entry.y);
      expect(box, entry.title).toBeDefined();
      expect((box?.y as number) - entry.y, entry.title).toBeLessThan(20);
    }
    expect(new Set(long.outline.map((o) => o.page)).size).toBeGreaterThanOrEqual(5);
  });
});

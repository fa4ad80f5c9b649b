import { describe, expect, it } from "vitest";
import { layoutDocument } from "../../../src/render/pdf/index.js";
import { p, sampleTree, text, treeOf } from "../../helpers/trees.js";
import { filler, words } from "./fixtures/trees.js";
import { lines, texts } from "./helpers.js";

describe("PDF layout: line breaking", () => {
  it("should never break a line at a no-break space", () => {
    // Move the amount along the line one word at a time, so every break position is tried.
    for (let n = 0; n < 16; n++) {
      const layout = layoutDocument(
        treeOf([
          p(`${words("ersättning", n)} totalt 650\u00a0000\u00a0kr per år och ${words("ord", 20)}`),
        ]),
      );
      const withAmount = lines(layout).filter((l) => /650|000|kr/.test(l.text));
      expect(withAmount.map((l) => l.text.includes("650\u00a0000\u00a0kr"))).toEqual(
        withAmount.map(() => true),
      );
    }
  });

  it("should set strong text bold and emphasised text italic on the line they belong to", () => {
    const all = texts(layoutDocument(sampleTree()));
    const bold = all.find((t) => t.text.includes("Därefter"));
    const italic = all.find((t) => t.text.includes("automatiskt"));
    expect(bold?.face).toBe("bold");
    expect(italic?.face).toBe("italic");
    expect(italic?.y).toBe(bold?.y);
    expect(all.find((t) => t.text.startsWith("Partnerskapet"))?.face).toBe("regular");
  });
});
describe("PDF layout: paragraphs across pages", () => {
  it("should keep at least two lines of a paragraph at the bottom and the top of a page", () => {
    let split = 0;
    for (let n = 22; n < 34; n++) {
      const layout = layoutDocument(treeOf([...filler(n), p(words("stycke", 70))]));
      const paragraph = texts(layout).filter((t) => t.text.startsWith("stycke"));
      const pages = new Map<number, number>();
      for (const t of paragraph) pages.set(t.page, (pages.get(t.page) ?? 0) + 1);
      for (const count of pages.values()) expect(count).toBeGreaterThanOrEqual(2);
      if (pages.size > 1) split++;
    }
    expect(split).toBeGreaterThan(0);
  });
});

describe("PDF layout: redline marks", () => {
  it("should mark inserted and deleted text, inline and for whole blocks", () => {
    const t = treeOf([
      p(
        "Ersättningen är ",
        { type: "change", kind: "del", children: [text("800 000 kr")] },
        " ",
        {
          type: "change",
          kind: "ins",
          children: [text("830 000 kr")],
        },
        ".",
      ),
      { ...p("Ett borttaget stycke."), change: "del" },
    ]);
    const all = texts(layoutDocument(t));
    expect(all.find((b) => b.text.includes("800"))?.change).toBe("del");
    expect(all.find((b) => b.text.includes("830"))?.change).toBe("ins");
    expect(all.find((b) => b.text.startsWith("Ersättningen"))?.change).toBeUndefined();
    expect(all.find((b) => b.text.startsWith("Ett borttaget"))?.change).toBe("del");
  });
});

describe("PDF layout: characters", () => {
  it("should measure decomposed letters (a + combining ring) as the composed letter", () => {
    const width = (s: string) =>
      texts(layoutDocument(treeOf([p(s)]))).find((t) => t.text === s)?.width as number;
    expect(width("Ma\u030anad")).toBeCloseTo(width("Månad"), 6);
    expect(width("Månad")).toBeGreaterThan(width("Mnad"));
  });
});

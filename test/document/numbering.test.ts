import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/document/build.js";
import { build, headings, input, tree } from "./input.js";

describe("section numbering", () => {
  it("should number sections 1, 1.1, 1.1.1 in document order", () => {
    expect(headings("## A\n\n### B\n\n#### C\n\n### D\n\n## E\n\n### F")).toEqual([
      "1 A",
      "1.1 B",
      "1.1.1 C",
      "1.2 D",
      "2 E",
      "2.1 F",
    ]);
  });

  it("should never leave gaps when a heading skips a level", () => {
    expect(headings("## A\n\n#### B\n\n#### C")).toEqual(["1 A", "1.1 B", "1.2 C"]);
  });

  it("should stop at three levels", () => {
    expect(headings("## A\n\n### B\n\n#### C\n\n##### D\n\n###### E")).toEqual([
      "1 A",
      "1.1 B",
      "1.1.1 C",
      "1.1.2 D",
      "1.1.3 E",
    ]);
  });

  it("should set the depth of each heading", () => {
    const depths = tree("## A\n\n### B\n\n#### C").children.flatMap((b) =>
      b.type === "heading" ? [b.depth] : [],
    );
    expect(depths).toEqual([1, 2, 3]);
  });

  it("should restart in every document", () => {
    const md = "## A\n\n### B\n\n## C";
    expect(headings(md)).toEqual(["1 A", "1.1 B", "2 C"]);
    const again = buildDocument(input(md, "bilaga")).tree.children;
    expect(again[0]?.type === "heading" && again[0].number).toBe("1");
  });

  it("should move the {#id} of a heading into its id", () => {
    const [heading] = tree("## Styrgrupp {#styrgrupp}").children;
    expect(heading).toEqual({
      type: "heading",
      depth: 1,
      number: "1",
      id: "styrgrupp",
      children: [{ type: "text", value: "Styrgrupp" }],
    });
  });

  it("should keep an escaped {#…} as heading text", () => {
    expect(headings("## Rubrik \\{#x\\}")).toEqual(["1 Rubrik {#x}"]);
  });

  it("should drop the title block, which the tree carries in meta", () => {
    const doc = input("# Titel\n\n*Undertitel*\n\n## A\n\nText.");
    const { children } = buildDocument({
      ...doc,
      meta: { ...doc.meta, subtitle: "Undertitel" },
    }).tree;
    expect(children.map((b) => b.type)).toEqual(["heading", "paragraph"]);
  });

  it("should keep a paragraph in italics after the title when the document has no subtitle", () => {
    // The text of a section without a heading (utan_rubrik) may open the document.
    const children = tree("# Titel\n\n*Inledning*\n\n## A").children;
    expect(children.map((b) => b.type)).toEqual(["paragraph", "heading"]);
  });

  it("should number a later # heading as a section", () => {
    expect(headings("# Titel\n\n## A\n\n# B")).toEqual(["1 A", "2 B"]);
  });

  it("should not number headings inside lists", () => {
    const result = build("## A\n\n- ## inte en sektion\n\n## B");
    expect(headings("## A\n\n- ## inte en sektion\n\n## B")).toEqual(["1 A", "2 B"]);
    expect(result.diagnostics).toEqual([]);
  });
});

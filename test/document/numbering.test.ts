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

describe("unnumbered sections", () => {
  it("should give an unnumbered heading no number and not count it", () => {
    const md = "## A\n\n### B\n\n## Bilagor {#bilagor .onumrerad}\n\n## Signering";
    expect(headings(md)).toEqual(["1 A", "1.1 B", " Bilagor", "2 Signering"]);
  });

  it("should take the class without an id too, and keep the heading's level and id", () => {
    const [a, b] = tree(
      "## Allmänna krav {.onumrerad}\n\n## Bilagor {#bilagor .onumrerad}",
    ).children;
    expect(a).toEqual({
      type: "heading",
      depth: 1,
      number: "",
      children: [{ type: "text", value: "Allmänna krav" }],
    });
    expect(b).toMatchObject({ depth: 1, number: "", id: "bilagor" });
  });

  it("should leave every heading under an unnumbered one unnumbered", () => {
    const md = "## A\n\n## B {.onumrerad}\n\n### C\n\n#### D\n\n## E\n\n### F";
    expect(headings(md)).toEqual(["1 A", " B", " C", " D", "2 E", "2.1 F"]);
  });

  it("should number the subsections around an unnumbered subsection without a gap", () => {
    const md = "## A\n\n### B\n\n### Not {.onumrerad}\n\n### C";
    expect(headings(md)).toEqual(["1 A", "1.1 B", " Not", "1.2 C"]);
  });

  it("should number from 1 after an unnumbered opening", () => {
    const md = "Inledande text.\n\n## Allmänna krav {#allmanna-krav .onumrerad}\n\n## Syfte";
    expect(headings(md)).toEqual([" Allmänna krav", "1 Syfte"]);
    expect(tree(md).children[0]?.type).toBe("paragraph");
  });

  it("should keep an escaped or unknown class as heading text", () => {
    expect(headings("## Rubrik \\{.onumrerad}")).toEqual(["1 Rubrik {.onumrerad}"]);
    expect(headings("## Rubrik {.annan}")).toEqual(["1 Rubrik {.annan}"]);
  });
});

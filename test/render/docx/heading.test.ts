import { describe, expect, it } from "vitest";
import type { HeadingNode } from "../../../src/document/types.js";
import { h, p, sampleTree, treeWith } from "../../helpers/trees.js";
import { all, child, paragraphWithText, render, style, styleOf, val } from "./helpers.js";
import { labelledParagraphs } from "./word-numbering.js";

/** The label Word shows on each heading paragraph, from document, styles and numbering XML. */
const headingLabels = async (tree = sampleTree()) =>
  (await labelledParagraphs(tree))
    .map(({ style, label, text }) => ({ style, label, text }))
    .filter((x) => x.style?.startsWith("Heading"));

const numbers = (blocks: readonly { type: string }[]) =>
  blocks.filter((b): b is HeadingNode => b.type === "heading").map((b) => b.number);

describe("heading", () => {
  it("should give each heading the built-in style of its depth", async () => {
    const doc = (await render(sampleTree())).xml("word/document.xml");
    expect(styleOf(paragraphWithText(doc, "Åtagande"))).toBe("Heading1");
    expect(styleOf(paragraphWithText(doc, "Stöd"))).toBe("Heading2");
  });

  it("should leave the number to Word's numbering, not write it as text", async () => {
    const doc = (await render(sampleTree())).xml("word/document.xml");
    const heading = paragraphWithText(doc, "Åtagande");
    expect(child(heading, "w:pPr") && child(child(heading, "w:pPr") as Element, "w:numPr")).toBe(
      undefined,
    );
  });

  it("should show in Word exactly the tree's numbers for the sample tree", async () => {
    const labels = await headingLabels();
    expect(labels.map((x) => x.label)).toEqual(numbers(sampleTree().children));
    expect(labels.map((x) => x.label)).toEqual(["1", "1.1", "2", "3"]);
  });

  it("should show in Word the tree's numbers for every depth sequence of three levels", async () => {
    const tree = treeWith([
      h(1, "1", "A"),
      h(2, "1.1", "B"),
      h(3, "1.1.1", "C"),
      h(3, "1.1.2", "D"),
      h(2, "1.2", "E"),
      h(1, "2", "F"),
      h(3, "2.0.1", "G"),
      h(2, "2.1", "H"),
      h(3, "2.1.1", "I"),
      h(1, "3", "J"),
      h(1, "4", "K"),
    ]);
    // Word's sequence from the depths alone, computed here independently of the renderer.
    const counters = [0, 0, 0];
    const fromDepths = tree.children.map((b) => {
      const depth = (b as HeadingNode).depth;
      counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
      counters.fill(0, depth);
      return counters.slice(0, depth).join(".");
    });
    expect(fromDepths).toEqual(numbers(tree.children));
    expect((await headingLabels(tree)).map((x) => x.label)).toEqual(fromDepths);
  });

  it("should link the heading styles and the levels of one multilevel list", async () => {
    const parts = await render(sampleTree());
    const styles = parts.xml("word/styles.xml");
    const numbering = parts.xml("word/numbering.xml");
    const numIds = [1, 2, 3].map((level) => {
      const numPr = all(style(styles, `Heading${level}`), "w:numPr")[0] as Element;
      expect(val(numPr, "w:ilvl")).toBe(String(level - 1));
      return val(numPr, "w:numId");
    });
    expect(new Set(numIds).size).toBe(1);
    const num = all(numbering, "w:num").find((n) => n.getAttribute("w:numId") === numIds[0]);
    const abstractId = val(num as Element, "w:abstractNumId");
    const abstract = all(numbering, "w:abstractNum").find(
      (a) => a.getAttribute("w:abstractNumId") === abstractId,
    ) as Element;
    const levels = all(abstract, "w:lvl").slice(0, 3);
    expect(levels.map((l) => val(l, "w:lvlText"))).toEqual(["%1", "%1.%2", "%1.%2.%3"]);
    expect(levels.map((l) => val(l, "w:pStyle"))).toEqual(["Heading1", "Heading2", "Heading3"]);
    expect(levels.map((l) => val(l, "w:numFmt"))).toEqual(["decimal", "decimal", "decimal"]);
  });

  it("should put every w:abstractNum before the first w:num", async () => {
    const numbering = (await render(sampleTree())).xml("word/numbering.xml");
    const names = Array.from(numbering.documentElement.childNodes as unknown as ArrayLike<Node>)
      .map((n) => n.nodeName)
      .filter((n) => n === "w:abstractNum" || n === "w:num");
    expect(names.lastIndexOf("w:abstractNum")).toBeLessThan(names.indexOf("w:num"));
  });

  it("should write the numbers as text when Word's numbering would show others", async () => {
    const tree = treeWith([h(1, "1", "Åtagande"), p("Text."), h(1, "3", "Ersättning")]);
    const labels = await headingLabels(tree);
    expect(labels.map((x) => x.label)).toEqual(["", ""]);
    expect(labels.map((x) => x.text)).toEqual(["1\tÅtagande", "3\tErsättning"]);
  });
});

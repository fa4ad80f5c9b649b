import { describe, expect, it } from "vitest";
import { documentText } from "../../../src/document/text.js";
import type { Block } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { changed, del, ins, p, text, treeOf } from "../../helpers/trees.js";
import { markdownText } from "./helpers.js";

const redline = (): Block[] => [
  {
    type: "paragraph",
    children: [text("Partnerskapet gäller till "), del("2024"), ins("2027"), text(".")],
  },
  changed(p("Ett borttaget stycke."), "del"),
  changed(p("Ett tillagt stycke."), "ins"),
  { type: "list", ordered: false, items: [[p("Kvar")], [changed(p("Struken punkt"), "del")]] },
];

describe("redline changes", () => {
  it("should write inserted words as plain text and leave deleted words out", () => {
    expect(renderMarkdown(treeOf(redline()))).toContain("\nPartnerskapet gäller till 2027.\n");
  });

  it("should leave out blocks a redline deletes and keep those it inserts", () => {
    const md = renderMarkdown(treeOf(redline()));
    expect(md).not.toContain("borttaget");
    expect(md).toContain("\nEtt tillagt stycke.\n");
  });

  it("should leave out a list item whose blocks are all deleted", () => {
    expect(renderMarkdown(treeOf(redline()))).toMatch(/\n- Kvar\n$/);
  });

  it("should read back as documentText reads the tree", () => {
    const tree = treeOf(redline());
    expect(markdownText(renderMarkdown(tree))).toBe(documentText(tree));
  });
});

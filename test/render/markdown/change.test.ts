import { describe, expect, it } from "vitest";
import { documentText } from "../../../src/document/text.js";
import type { Block, Inline } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { markdownText, treeOf } from "./helpers.js";

const text = (value: string): Inline => ({ type: "text", value });
const p = (value: string, change?: "ins" | "del"): Block => ({
  type: "paragraph",
  children: [text(value)],
  ...(change ? { change } : {}),
});
const redline = (): Block[] => [
  {
    type: "paragraph",
    children: [
      text("Partnerskapet gäller till "),
      { type: "change", kind: "del", children: [text("2024")] },
      { type: "change", kind: "ins", children: [text("2027")] },
      text("."),
    ],
  },
  p("Ett borttaget stycke.", "del"),
  p("Ett tillagt stycke.", "ins"),
  { type: "list", ordered: false, items: [[p("Kvar")], [p("Struken punkt", "del")]] },
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

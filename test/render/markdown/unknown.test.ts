import { describe, expect, it } from "vitest";
import type { Block, Inline } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { treeOf } from "../../helpers/trees.js";

/** A node of a kind this renderer does not know (as from a newer document stage). */
const strange = <T>(node: object) => node as unknown as T;

describe("unknown node kinds", () => {
  it("should write an unknown block's inline children as a paragraph", () => {
    const block = strange<Block>({
      type: "aside",
      children: [{ type: "text", value: "Notering" }],
    });
    expect(renderMarkdown(treeOf([block]))).toBe("# Överenskommelse\n\nNotering\n");
  });

  it("should write nothing for an unknown block without children", () => {
    expect(renderMarkdown(treeOf([strange<Block>({ type: "pagebreak" })]))).toBe(
      "# Överenskommelse\n",
    );
  });

  it("should write an unknown inline's value, or else its children", () => {
    const children = [
      strange<Inline>({ type: "code", value: "x*y" }),
      { type: "text", value: " och " } as Inline,
      strange<Inline>({ type: "link", children: [{ type: "text", value: "länk" }] }),
    ];
    expect(renderMarkdown(treeOf([{ type: "paragraph", children }]))).toContain(
      "\nx\\*y och länk\n",
    );
  });
});

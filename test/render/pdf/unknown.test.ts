import { describe, expect, it } from "vitest";
import type { Block, Inline } from "../../../src/document/types.js";
import { layoutDocument } from "../../../src/render/pdf/index.js";
import { treeOf } from "../../helpers/trees.js";
import { lines, texts } from "./helpers.js";

/** A node of a kind this renderer does not know (as from a newer document stage). */
const strange = <T>(node: object) => node as unknown as T;

/** The body text of a document of `children` (title, running header and footer left out). */
const body = (children: Block[]) => {
  const layout = layoutDocument(treeOf(children));
  const page = { boxes: texts(layout).filter((t) => t.role === "body" && t.tag?.type !== "H1") };
  return lines({ ...layout, pages: [page] });
};

describe("unknown node kinds", () => {
  it("should set an unknown block's inline children as a paragraph, tagged P", () => {
    const block = strange<Block>({
      type: "aside",
      children: [{ type: "text", value: "Notering" }],
    });
    expect(body([block]).map((l) => l.text)).toEqual(["Notering"]);
    const layout = layoutDocument(treeOf([block]));
    const box = texts(layout).find((t) => t.text === "Notering");
    expect(box?.tag?.type).toBe("P");
  });

  it("should set nothing for an unknown block without children", () => {
    expect(body([strange<Block>({ type: "pagebreak" })])).toEqual([]);
  });

  it("should set an unknown inline's value, or else its children", () => {
    const children = [
      strange<Inline>({ type: "code", value: "x*y" }),
      { type: "text", value: " och " } as Inline,
      strange<Inline>({ type: "link", children: [{ type: "text", value: "länk" }] }),
    ];
    expect(body([{ type: "paragraph", children }]).map((l) => l.text)).toEqual(["x*y och länk"]);
  });
});

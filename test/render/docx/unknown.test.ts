import { describe, expect, it } from "vitest";
import type { Block, Inline } from "../../../src/document/types.js";
import { p, text as t, treeWith } from "../../helpers/trees.js";
import { all, render, textOf } from "./helpers.js";

/** Nodes of kinds the tree types do not have yet, as a newer document stage might send. */
const unknownBlock = (node: object) => node as unknown as Block;
const unknownInline = (node: object) => node as unknown as Inline;

async function texts(children: Block[]) {
  const doc = (await render(treeWith(children))).xml("word/document.xml");
  return all(doc, "w:p").map(textOf).slice(2); // after title and subtitle
}

describe("unknown node kinds", () => {
  it("should render an unknown block's inline children as a paragraph", async () => {
    const quote = unknownBlock({ type: "blockquote", children: [t("Citat.")] });
    expect(await texts([quote, p("Efter.")])).toEqual(["Citat.", "Efter."]);
  });

  it("should skip an unknown block without children and render the rest", async () => {
    expect(await texts([unknownBlock({ type: "thematicBreak" }), p("Efter.")])).toEqual(["Efter."]);
  });

  it("should render an unknown inline's value as text", async () => {
    const code = unknownInline({ type: "inlineCode", value: "x = 1" });
    expect(await texts([p("Kod: ", code)])).toEqual(["Kod: x = 1"]);
  });

  it("should render an unknown inline's children", async () => {
    const link = unknownInline({ type: "link", url: "https://example.org", children: [t("länk")] });
    expect(await texts([p("En ", link, ".")])).toEqual(["En länk."]);
  });

  it("should skip an unknown inline with neither value nor children", async () => {
    expect(await texts([p("a", unknownInline({ type: "image" }), "b")])).toEqual(["ab"]);
  });
});

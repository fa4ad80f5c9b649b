import type { List } from "mdast";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { ol, p, treeOf, ul } from "../../helpers/trees.js";
import { bodyOf } from "./helpers.js";

describe("list", () => {
  it("should write a bullet list with - markers, tight", () => {
    const md = renderMarkdown(treeOf([ul([p("Stödsamtal")], [p("Medföljning")])]));
    expect(md).toContain("\n- Stödsamtal\n- Medföljning\n");
  });

  it("should write a numbered list counting from 1", () => {
    const md = renderMarkdown(treeOf([ol([p("Bilaga 1")], [p("Bilaga 2")])]));
    expect(md).toContain("\n1. Bilaga 1\n2. Bilaga 2\n");
  });

  it("should nest a list inside an item so it reads back nested", () => {
    const md = renderMarkdown(
      treeOf([ul([p("Medföljning"), ol([p("Inom tre dagar.")])], [p("Övrigt")])]),
    );
    expect(md).toContain("- Medföljning\n  1. Inom tre dagar.\n- Övrigt\n");
    const [outer] = bodyOf(md) as List[];
    expect(outer?.children).toHaveLength(2);
    const inner = outer?.children[0]?.children[1];
    expect(inner?.type === "list" && inner.ordered).toBe(true);
  });

  it("should keep two lists in a row apart", () => {
    const md = renderMarkdown(treeOf([ul([p("A")]), ul([p("B")])]));
    expect(bodyOf(md).map((n) => n.type)).toEqual(["list", "list"]);
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { h, treeOf } from "../../helpers/trees.js";
import { bodyOf } from "./helpers.js";

describe("heading", () => {
  it("should write the final number before the heading text", () => {
    const md = renderMarkdown(treeOf([h(2, "2.4", "Partnerskapets syfte och mål", "syfte")]));
    expect(md).toContain("\n### 2.4 Partnerskapets syfte och mål\n");
  });

  it("should put depth 1, 2 and 3 one level below the title (##, ###, ####)", () => {
    const md = renderMarkdown(
      treeOf([
        h(1, "2", "Parter", "syfte"),
        h(2, "2.1", "Utgångspunkt", "syfte"),
        h(3, "2.1.1", "Mål", "syfte"),
      ]),
    );
    expect(bodyOf(md).map((n) => (n.type === "heading" ? n.depth : n.type))).toEqual([2, 3, 4]);
    expect(md).toContain("\n## 2 Parter\n\n### 2.1 Utgångspunkt\n\n#### 2.1.1 Mål\n");
  });

  it("should not write the section id", () => {
    expect(renderMarkdown(treeOf([h(1, "1", "Syfte", "syfte")]))).not.toContain("{#");
  });

  it("should keep bold and italic inside a heading", () => {
    const node = h(1, "3", "Ekonomi ", "syfte");
    node.children.push({ type: "emphasis", children: [{ type: "text", value: "och" }] });
    expect(renderMarkdown(treeOf([node]))).toContain("## 3 Ekonomi *och*\n");
  });
});

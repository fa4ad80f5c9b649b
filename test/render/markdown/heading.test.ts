import { describe, expect, it } from "vitest";
import type { HeadingNode } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { bodyOf, treeOf } from "./helpers.js";

const heading = (depth: 1 | 2 | 3, number: string, text: string): HeadingNode => ({
  type: "heading",
  depth,
  number,
  id: "syfte",
  children: [{ type: "text", value: text }],
});

describe("heading", () => {
  it("should write the final number before the heading text", () => {
    const md = renderMarkdown(treeOf([heading(2, "2.4", "Partnerskapets syfte och mål")]));
    expect(md).toContain("\n### 2.4 Partnerskapets syfte och mål\n");
  });

  it("should put depth 1, 2 and 3 one level below the title (##, ###, ####)", () => {
    const md = renderMarkdown(
      treeOf([
        heading(1, "2", "Parter"),
        heading(2, "2.1", "Utgångspunkt"),
        heading(3, "2.1.1", "Mål"),
      ]),
    );
    expect(bodyOf(md).map((n) => (n.type === "heading" ? n.depth : n.type))).toEqual([2, 3, 4]);
    expect(md).toContain("\n## 2 Parter\n\n### 2.1 Utgångspunkt\n\n#### 2.1.1 Mål\n");
  });

  it("should not write the section id", () => {
    expect(renderMarkdown(treeOf([heading(1, "1", "Syfte")]))).not.toContain("{#");
  });

  it("should keep bold and italic inside a heading", () => {
    const node = heading(1, "3", "Ekonomi ");
    node.children.push({ type: "emphasis", children: [{ type: "text", value: "och" }] });
    expect(renderMarkdown(treeOf([node]))).toContain("## 3 Ekonomi *och*\n");
  });
});

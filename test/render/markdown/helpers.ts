import type { Nodes, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm);

/** The Markdown read back by remark with GFM: what a Markdown viewer sees. */
export const parse = (markdown: string): Root => parser.parse(markdown);

/** Plain text of parsed inline content (line breaks as "\n"). */
export function inlineText(node: Nodes): string {
  if (node.type === "break") return "\n";
  if ("value" in node) return node.value;
  return "children" in node ? node.children.map(inlineText).join("") : "";
}

/**
 * Plain text of parsed blocks, in the shape `documentText` gives a tree: blocks and list items on
 * their own lines, table cells joined by tabs.
 */
export function blockText(node: RootContent): string {
  switch (node.type) {
    case "list":
      return node.children.map((item) => item.children.map(blockText).join("\n")).join("\n");
    case "table":
      return node.children.map((row) => row.children.map(inlineText).join("\t")).join("\n");
    default:
      return inlineText(node);
  }
}

/** The text of rendered Markdown as a reader sees it, block by block. */
export const markdownText = (markdown: string): string =>
  parse(markdown).children.map(blockText).join("\n");

/** The parsed blocks after the title (`# …`). */
export const bodyOf = (markdown: string): RootContent[] => parse(markdown).children.slice(1);

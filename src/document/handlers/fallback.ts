/**
 * Handlers for constructs a contract does not use, and the defaults for node kinds without a
 * handler. The rule is: never throw, keep the text. A block-level node with phrasing children
 * becomes a paragraph; with block children, its blocks; with a `value` (code, HTML, math), a
 * paragraph of that text with its line breaks; a node with neither (thematic break,
 * link definition) produces nothing, having no text to keep. An unknown inline node keeps
 * its text content.
 */
import type { Nodes } from "mdast";
import type { State } from "../state.js";
import type { Block, Inline } from "../types.js";
import { trimInlines } from "./paragraph.js";
import type { BlockHandler } from "./types.js";

/** Text with line breaks as break nodes. */
export function textLines(value: string): Inline[] {
  return value
    .split("\n")
    .flatMap((line, i): Inline[] => [
      ...(i > 0 ? [{ type: "break" } as const] : []),
      ...(line ? [{ type: "text", value: line } as const] : []),
    ]);
}

const PHRASING = new Set([
  "text",
  "emphasis",
  "strong",
  "delete",
  "inlineCode",
  "break",
  "link",
  "linkReference",
  "image",
  "imageReference",
  "html",
  "textDirective",
  "footnoteReference",
]);

/** The text content of any node. */
export function textContent(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("alt" in node && typeof node.alt === "string") return node.alt;
  if ("children" in node) return (node.children as Nodes[]).map(textContent).join("");
  return "";
}

export function defaultBlock(state: State, node: Nodes): Block[] {
  if ("children" in node) {
    const children = node.children as Nodes[];
    if (children.every((c) => PHRASING.has(c.type))) {
      const inlines = trimInlines(state.inlines(children));
      return inlines.length > 0 ? [{ type: "paragraph", children: inlines }] : [];
    }
    return state.blocks(children);
  }
  if ("value" in node && typeof node.value === "string" && node.value.trim() !== "") {
    return [{ type: "paragraph", children: textLines(node.value) }];
  }
  return [];
}

export function defaultInline(_state: State, node: Nodes): Inline[] {
  const value = textContent(node);
  return value ? [{ type: "text", value }] : [];
}

/** Block quotes keep their content as ordinary blocks. */
export const blockquote: BlockHandler<"blockquote"> = (state, node) => state.blocks(node.children);

/** The changes of a redline as a flat list of inserted and deleted texts, in reading order. */
import { blockText, inlineText } from "../../document/text.js";
import type { Block, ChangeKind, Inline } from "../../document/types.js";

export interface TextChange {
  kind: ChangeKind;
  text: string;
}

const visibleText = (nodes: readonly Inline[]): string =>
  nodes
    .map((n) =>
      n.type === "text"
        ? n.value
        : n.type === "break"
          ? "\n"
          : n.type === "change"
            ? visibleText(n.children)
            : visibleText(n.children),
    )
    .join("");

function inlineChanges(nodes: readonly Inline[], out: TextChange[]): void {
  for (const node of nodes) {
    if (node.type === "change") out.push({ kind: node.kind, text: visibleText(node.children) });
    else if (node.type === "strong" || node.type === "emphasis") inlineChanges(node.children, out);
  }
}

/** Text of a block including deleted words (blockText leaves them out). */
function wholeText(block: Block): string {
  switch (block.type) {
    case "heading":
      return `${block.number} ${visibleText(block.children)}`;
    case "paragraph":
      return visibleText(block.children);
    case "list":
      return block.items.map((item) => item.map(wholeText).join("\n")).join("\n");
    case "table":
      return [block.header, ...block.rows, ...(block.total ? [block.total] : [])]
        .map((row) => row.map(visibleText).join("\t"))
        .join("\n");
    case "signatures":
      return blockText(block);
  }
}

export function blockChanges(blocks: readonly Block[], out: TextChange[] = []): TextChange[] {
  for (const block of blocks) {
    if (block.change) {
      out.push({ kind: block.change, text: wholeText(block) });
      continue;
    }
    switch (block.type) {
      case "heading":
      case "paragraph":
        inlineChanges(block.children, out);
        break;
      case "list":
        for (const item of block.items) blockChanges(item, out);
        break;
      case "table":
        for (const row of [block.header, ...block.rows, ...(block.total ? [block.total] : [])]) {
          for (const cell of row) inlineChanges(cell, out);
        }
        break;
      case "signatures":
        break;
    }
  }
  return out;
}

/** Whether a block carries any change mark. */
export const hasChanges = (block: Block): boolean => blockChanges([block]).length > 0;

export { inlineText, visibleText };

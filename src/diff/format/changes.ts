/** The changes of a redline as a flat list of inserted and deleted texts, in reading order. */
import { blockTextWithDeleted, inlineTextWithDeleted } from "../../document/text.js";
import type { Block, ChangeKind, Inline, TableNode } from "../../document/types.js";

export interface TextChange {
  kind: ChangeKind;
  text: string;
}

function inlineChanges(nodes: readonly Inline[], out: TextChange[]): void {
  for (const node of nodes) {
    if (node.type === "change")
      out.push({ kind: node.kind, text: inlineTextWithDeleted(node.children) });
    else if (node.type === "strong" || node.type === "emphasis") inlineChanges(node.children, out);
  }
}

export function blockChanges(blocks: readonly Block[], out: TextChange[] = []): TextChange[] {
  for (const block of blocks) {
    if (block.change) {
      out.push({ kind: block.change, text: blockTextWithDeleted(block) });
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
        tableChanges(block, out);
        break;
      case "signatures":
        break;
    }
  }
  return out;
}

/** A table's changes: words in cells, and whole rows inserted or deleted. */
function tableChanges(block: TableNode, out: TextChange[]): void {
  const rowText = (row: Inline[][]) => row.map(inlineTextWithDeleted).join("\t");
  for (const cell of block.header) inlineChanges(cell, out);
  for (const [k, row] of block.rows.entries()) {
    const change = block.rowChanges?.[k];
    if (change) out.push({ kind: change, text: rowText(row) });
    else for (const cell of row) inlineChanges(cell, out);
  }
  for (const cell of block.total ?? []) inlineChanges(cell, out);
}

/** Whether a block carries any change mark. */
export const hasChanges = (block: Block): boolean => blockChanges([block]).length > 0;

/** Whether inline content (a paragraph's, a table cell's) carries any change mark. */
export const inlineHasChanges = (nodes: Inline[]): boolean =>
  hasChanges({ type: "paragraph", children: nodes });

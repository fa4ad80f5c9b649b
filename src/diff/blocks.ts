/**
 * Redline of a sequence of blocks (the body of one section, or one list item): blocks are aligned
 * by their text, and each pair of aligned blocks is compared by a handler for its kind.
 */

import { blockText, inlineText, normalizeWhitespace } from "../document/text.js";
import type {
  Block,
  ChangeKind,
  ListNode,
  ParagraphNode,
  SignaturesNode,
  TableNode,
} from "../document/types.js";
import { type AlignOp, alignSequence } from "./align.js";
import { diffInline } from "./inline.js";
import { dice, SIMILAR } from "./similarity.js";

/** What a comparison needs to know and what it found out. */
export interface DiffState {
  /** Old section number → new section number, for sections whose number changed. */
  renumbered: ReadonlyMap<string, string>;
  /** Set when a change beyond section numbers was found. */
  substantive: boolean;
}

/** Marks a whole block as inserted or deleted. */
export const mark = <B extends Block>(block: B, kind: ChangeKind): B => ({
  ...block,
  change: kind,
});

const fingerprint = (block: Block): string =>
  `${block.type}${block.type === "list" ? (block.ordered ? "1" : "0") : ""}:${normalizeWhitespace(
    block.type === "signatures" ? JSON.stringify(block.blocks) : blockText(block),
  )}`;

/**
 * How alike two blocks are. Paragraphs pair when their words are similar; lists, tables and
 * signature pages of the same shape always pair (their items, rows and blocks are then compared
 * one by one), leaning towards the more similar.
 */
function similarity(a: Block, b: Block): number {
  if (a.type !== b.type) return 0;
  switch (a.type) {
    case "paragraph":
    case "heading":
      return dice(blockText(a), blockText(b));
    case "list":
      return (b as ListNode).ordered === a.ordered ? 0.5 + dice(blockText(a), blockText(b)) / 2 : 0;
    case "table":
      return (b as TableNode).align.length === a.align.length
        ? 0.5 + dice(blockText(a), blockText(b)) / 2
        : 0;
    case "signatures":
      return 0.5;
  }
}

/** Redlines a sequence of blocks: unchanged, changed (compared in detail), deleted and inserted. */
export function diffBlocks(
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
  state: DiffState,
): Block[] {
  const ops = alignSequence([...oldBlocks], [...newBlocks], {
    key: fingerprint,
    similarity,
    threshold: SIMILAR,
  });
  return ops.flatMap((op) => applyOp(op, state));
}

function applyOp(op: AlignOp<Block>, state: DiffState): Block[] {
  switch (op.op) {
    case "equal":
      return [op.new];
    case "delete":
      state.substantive = true;
      return [mark(op.old, "del")];
    case "insert":
      state.substantive = true;
      return [mark(op.new, "ins")];
    case "change":
      return diffBlock(op.old, op.new, state);
  }
}

/** Compares two blocks of the same kind with the handler for that kind. */
export function diffBlock(oldBlock: Block, newBlock: Block, state: DiffState): Block[] {
  switch (newBlock.type) {
    case "paragraph":
      return [paragraph(oldBlock as ParagraphNode, newBlock, state)];
    case "list":
      return list(oldBlock as ListNode, newBlock, state);
    case "table":
      return table(oldBlock as TableNode, newBlock, state);
    case "signatures":
      return signatures(oldBlock as SignaturesNode, newBlock, state);
    case "heading": {
      const result = diffInline(
        (oldBlock as typeof newBlock).children,
        newBlock.children,
        state.renumbered,
      );
      if (result.substantive) state.substantive = true;
      return [{ ...newBlock, children: result.children }];
    }
  }
}

function paragraph(
  oldBlock: ParagraphNode,
  newBlock: ParagraphNode,
  state: DiffState,
): ParagraphNode {
  const result = diffInline(oldBlock.children, newBlock.children, state.renumbered);
  if (result.substantive) state.substantive = true;
  return { ...newBlock, children: result.children };
}

/** Lists are compared item by item; an item is a sequence of blocks, compared recursively. */
function list(oldBlock: ListNode, newBlock: ListNode, state: DiffState): Block[] {
  const itemText = (item: Block[]) => item.map(blockText).join("\n");
  const ops = alignSequence(oldBlock.items, newBlock.items, {
    key: (item) => normalizeWhitespace(itemText(item)),
    similarity: (a, b) => dice(itemText(a), itemText(b)),
    threshold: SIMILAR,
  });
  const items = ops.map((op) => listItem(op, state));
  return [{ ...newBlock, items }];
}

function listItem(op: AlignOp<Block[]>, state: DiffState): Block[] {
  switch (op.op) {
    case "equal":
      return op.new;
    case "delete":
      state.substantive = true;
      return op.old.map((b) => mark(b, "del"));
    case "insert":
      state.substantive = true;
      return op.new.map((b) => mark(b, "ins"));
    case "change":
      return diffBlocks(op.old, op.new, state);
  }
}

/**
 * Tables are compared row by row, rows matched by their first cell (a budget row by its post):
 * a row in both versions is redlined word by word, a row only in the old version is marked
 * deleted and one only in the new version inserted (`rowChanges`). A table whose columns changed
 * is deleted and the new one inserted.
 */
function table(oldBlock: TableNode, newBlock: TableNode, state: DiffState): Block[] {
  if (oldBlock.align.length !== newBlock.align.length) {
    state.substantive = true;
    return [mark(oldBlock, "del"), mark(newBlock, "ins")];
  }
  const row = (oldRow: Inline2D, newRow: Inline2D): Inline2D =>
    newRow.map((cell, c) => {
      const result = diffInline(oldRow[c] ?? [], cell, state.renumbered);
      if (result.substantive) state.substantive = true;
      return result.children;
    });
  const { rows, rowChanges } = tableRows(oldBlock.rows, newBlock.rows, row, state);
  const total = tableTotal(oldBlock.total, newBlock.total, row, state);
  return [
    {
      ...newBlock,
      header: row(oldBlock.header, newBlock.header),
      rows,
      ...(total ? { total } : {}),
      ...(rowChanges.some((c) => c !== null) ? { rowChanges } : {}),
    },
  ];
}

type RowDiff = (oldRow: Inline2D, newRow: Inline2D) => Inline2D;

/** Body rows matched by their first cell: redlined when in both, else deleted or inserted. */
function tableRows(
  oldRows: TableNode["rows"],
  newRows: TableNode["rows"],
  row: RowDiff,
  state: DiffState,
): { rows: Inline2D[]; rowChanges: (ChangeKind | null)[] } {
  const rowKey = (r: Inline2D) =>
    normalizeWhitespace(inlineText(r[0] ?? [])).toLocaleLowerCase("sv-SE");
  const rows: Inline2D[] = [];
  const rowChanges: (ChangeKind | null)[] = [];
  const ops = alignSequence(oldRows, newRows, { key: rowKey, similarity: () => 0, threshold: 1 });
  for (const op of ops) {
    if (op.op === "delete" || op.op === "insert") {
      state.substantive = true;
      rows.push(op.op === "delete" ? op.old : op.new);
      rowChanges.push(op.op === "delete" ? "del" : "ins");
    } else {
      rows.push(row(op.old, op.new));
      rowChanges.push(null);
    }
  }
  return { rows, rowChanges };
}

/** The total row: redlined when in both, inserted when new (a removed one is left out). */
function tableTotal(
  oldTotal: Inline2D | undefined,
  newTotal: Inline2D | undefined,
  row: RowDiff,
  state: DiffState,
): Inline2D | undefined {
  if (Boolean(newTotal) !== Boolean(oldTotal)) state.substantive = true;
  if (newTotal && oldTotal) return row(oldTotal, newTotal);
  return newTotal?.map((cell) => [
    { type: "change" as const, kind: "ins" as const, children: cell },
  ]);
}

type Inline2D = TableNode["header"];

/** Signature blocks hold plain fields, not inline text: a changed page is replaced. */
function signatures(oldBlock: SignaturesNode, newBlock: SignaturesNode, state: DiffState): Block[] {
  if (JSON.stringify(oldBlock.blocks) === JSON.stringify(newBlock.blocks)) return [newBlock];
  state.substantive = true;
  return [mark(oldBlock, "del"), mark(newBlock, "ins")];
}

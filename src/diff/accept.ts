/**
 * Accepting or rejecting every change of a redline: the redline's own check (accepting gives the
 * new version, rejecting the old one) and what tests compare renderers against.
 */
import type { Block, ChangeKind, DocumentTree, Inline } from "../document/types.js";

/** Resolves every change: `keep` is the kind that stays ("ins" accepts, "del" rejects). */
function resolveInline(nodes: readonly Inline[], keep: ChangeKind): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "change":
        if (node.kind === keep)
          for (const child of resolveInline(node.children, keep)) push(out, child);
        break;
      case "strong":
      case "emphasis":
        pushFormatted(out, node.type, resolveInline(node.children, keep), keep);
        break;
      default:
        push(out, node);
    }
  }
  return out;
}

/** Appends a node, joining adjacent text and dropping empty text. */
function push(out: Inline[], node: Inline): void {
  const last = out[out.length - 1];
  if (node.type === "text" && last?.type === "text") {
    out[out.length - 1] = { type: "text", value: last.value + node.value };
  } else if (node.type !== "text" || node.value !== "") {
    out.push(node);
  }
}

/** Appends resolved formatted children; formatting split around a change joins up again. */
function pushFormatted(
  out: Inline[],
  type: "strong" | "emphasis",
  children: Inline[],
  keep: ChangeKind,
): void {
  if (children.length === 0) return;
  const last = out[out.length - 1];
  if (last?.type === type) {
    out[out.length - 1] = { type, children: resolveInline([...last.children, ...children], keep) };
  } else {
    push(out, { type, children });
  }
}

function resolveBlocks(blocks: readonly Block[], keep: ChangeKind): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.change !== undefined && block.change !== keep) continue;
    const { change: _, ...plain } = block;
    const resolved = plain as Block;
    switch (resolved.type) {
      case "heading":
      case "paragraph":
        out.push({ ...resolved, children: resolveInline(resolved.children, keep) });
        break;
      case "list": {
        const items = resolved.items
          .map((item) => resolveBlocks(item, keep))
          .filter((item) => item.length > 0);
        if (items.length > 0) out.push({ ...resolved, items });
        break;
      }
      case "table": {
        const row = (cells: Inline[][]) => cells.map((cell) => resolveInline(cell, keep));
        const { rowChanges, ...plain } = resolved;
        // A row the redline marks with the other kind of change is not in this version.
        const rows = plain.rows.filter((_, k) => (rowChanges?.[k] ?? keep) === keep);
        out.push({
          ...plain,
          header: row(plain.header),
          rows: rows.map(row),
          ...(plain.total ? { total: row(plain.total) } : {}),
        });
        break;
      }
      case "signatures":
        out.push(resolved);
        break;
    }
  }
  return out;
}

/** The redline with every change accepted: the new version. */
export const acceptAll = (tree: DocumentTree): DocumentTree => ({
  ...tree,
  children: resolveBlocks(tree.children, "ins"),
});

/**
 * The redline with every change rejected: the old version, except that section numbers are the
 * new ones (renumbering is not marked as a change).
 */
export const rejectAll = (tree: DocumentTree): DocumentTree => ({
  ...tree,
  children: resolveBlocks(tree.children, "del"),
});

import type { TableRow } from "mdast";
import { inlineText } from "../text.js";
import type { Align, Inline } from "../types.js";
import type { BlockHandler } from "./types.js";

const isBlank = (n: Inline) => n.type === "text" && n.value.trim() === "";

/** The content of a cell that is all bold, without the bold; undefined otherwise. */
function unbold(cell: Inline[]): Inline[] | undefined {
  const content = cell.filter((n) => !isBlank(n));
  if (content.length === 0) return [];
  const only = content[0];
  return content.length === 1 && only?.type === "strong" ? only.children : undefined;
}

/**
 * A GFM table: alignment per column (unset columns are left-aligned), the header row, the body
 * rows. The last row is the total (`total`, rendered bold) when every cell in it is bold or its
 * first cell starts with "Summa"; its bold marks are removed, the renderer adds its own.
 */
export const table: BlockHandler<"table"> = (state, node) => {
  const cells = (row: TableRow) => row.children.map((cell) => state.inlines(cell.children));
  const [head, ...body] = node.children;
  const rows = body.map(cells);
  const align: Align[] = node.align?.map((a) => a ?? "left") ?? [];
  const last = rows[rows.length - 1];
  let total: Inline[][] | undefined;
  if (last) {
    const bold = last.map(unbold);
    if (bold.every((c) => c !== undefined) && bold.some((c) => c && c.length > 0)) {
      total = bold as Inline[][];
    } else if (/^\s*summa\b/i.test(inlineText(last[0] ?? []))) {
      total = last;
    }
    if (total) rows.pop();
  }
  return [
    {
      type: "table",
      align,
      header: head ? cells(head) : [],
      rows,
      ...(total ? { total } : {}),
    },
  ];
};

import type { Align, ChangeKind, Inline, TableNode } from "../../../document/types.js";
import type { BlockHandler, State } from "../state.js";

const alignClass = (align: Align | undefined) =>
  align && align !== "left" ? ` class="${align === "right" ? "h" : "c"}"` : "";

const row = (
  state: State,
  cells: readonly Inline[][],
  tag: "th" | "td",
  align: readonly Align[],
  change?: ChangeKind | null,
) =>
  `<tr${change ? ` class="${change}"` : ""}>${cells
    .map((cell, i) => {
      const content = state.inlines(cell);
      // A row a redline inserted or deleted: its text marked like any inserted or deleted text.
      return `<${tag}${alignClass(align[i])}>${change ? `<${change}>${content}</${change}>` : content}</${tag}>`;
    })
    .join("")}</tr>`;

/** `table` → `<table>` with the header in `<thead>` and the total row ("Summa") in `<tfoot>`. */
export const table: BlockHandler<TableNode> = (state, node) =>
  [
    "<table>",
    `<thead>${row(state, node.header, "th", node.align)}</thead>`,
    `<tbody>\n${node.rows.map((r, k) => row(state, r, "td", node.align, node.rowChanges?.[k])).join("\n")}\n</tbody>`,
    ...(node.total ? [`<tfoot>${row(state, node.total, "td", node.align)}</tfoot>`] : []),
    "</table>",
  ].join("\n");

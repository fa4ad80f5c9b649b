import type { Align, Inline, TableNode } from "../../../document/types.js";
import type { BlockHandler, State } from "../state.js";

const alignClass = (align: Align | undefined) =>
  align && align !== "left" ? ` class="${align === "right" ? "h" : "c"}"` : "";

const row = (state: State, cells: readonly Inline[][], tag: "th" | "td", align: readonly Align[]) =>
  `<tr>${cells.map((cell, i) => `<${tag}${alignClass(align[i])}>${state.inlines(cell)}</${tag}>`).join("")}</tr>`;

/** `table` → `<table>` with the header in `<thead>` and the total row ("Summa") in `<tfoot>`. */
export const table: BlockHandler<TableNode> = (state, node) =>
  [
    "<table>",
    `<thead>${row(state, node.header, "th", node.align)}</thead>`,
    `<tbody>\n${node.rows.map((r) => row(state, r, "td", node.align)).join("\n")}\n</tbody>`,
    ...(node.total ? [`<tfoot>${row(state, node.total, "td", node.align)}</tfoot>`] : []),
    "</table>",
  ].join("\n");

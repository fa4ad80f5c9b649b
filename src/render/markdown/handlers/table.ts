import type { PhrasingContent, TableRow } from "mdast";
import type { Inline, TableNode } from "../../../document/types.js";
import type { BlockHandler, State } from "../state.js";

/** Bold content of a total cell: strong marks inside it are lifted, so bold never nests. */
const bold = (content: PhrasingContent[]): PhrasingContent[] => {
  const flat = content.flatMap((n) => (n.type === "strong" ? n.children : [n]));
  return flat.length > 0 ? [{ type: "strong", children: flat }] : [];
};

const row = (
  state: State,
  cells: readonly Inline[][],
  mark: (c: PhrasingContent[]) => PhrasingContent[] = (c) => c,
): TableRow => ({
  type: "tableRow",
  children: cells.map((cell) => ({ type: "tableCell", children: mark(state.inlines(cell)) })),
});

/**
 * `table` → a GFM table: the header row, the body rows, then the total row ("Summa") in bold.
 * Each column aligned as `align` says (`:--` left, `--:` right for amounts, `:-:` centre).
 */
export const table: BlockHandler<TableNode> = (state, node) => [
  {
    type: "table",
    align: node.align,
    children: [
      row(state, node.header),
      // The Markdown reads with every change accepted: rows a redline deleted are left out.
      ...node.rows.filter((_, k) => node.rowChanges?.[k] !== "del").map((r) => row(state, r)),
      ...(node.total ? [row(state, node.total, bold)] : []),
    ],
  },
];

import { AlignmentType, ShadingType, Table, TableCell, TableRow, WidthType } from "docx";
import { inlineText } from "../../../document/text.js";
import type { Align, Inline, TableNode } from "../../../document/types.js";
import { TEXT_WIDTH } from "../layout.js";
import type { BlockContext, BlockHandler, State } from "../state.js";
import { STYLE } from "../styles.js";

/** Left is the paragraph default, so only right and centre are written. */
const alignment = (align: Align | undefined) =>
  align === "right"
    ? { alignment: AlignmentType.RIGHT }
    : align === "center"
      ? { alignment: AlignmentType.CENTER }
      : {};

const HEADER_FILL = "F2F2F2";
/** A column is never given less than this share of the widest text, nor more. */
const MIN_CHARS = 6;
const MAX_CHARS = 60;

/**
 * Column widths over the full text width, in proportion to the longest text of each column
 * (clamped), so a budget's description column is wide and its amount column narrow.
 */
export function columnWidths(rows: readonly (readonly Inline[])[][], columns: number): number[] {
  const chars = Array.from({ length: columns }, (_, i) =>
    Math.min(MAX_CHARS, Math.max(MIN_CHARS, ...rows.map((row) => inlineText(row[i] ?? []).length))),
  );
  const total = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((c) => Math.floor((TEXT_WIDTH * c) / total));
  const last = widths.length - 1;
  widths[last] = (widths[last] ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

type RowKind = "header" | "body" | "total";

function row(
  state: State,
  node: TableNode,
  cells: Inline[][],
  kind: RowKind,
  widths: number[],
  context: BlockContext,
): TableRow {
  const { change } = context;
  const marks = kind === "body" ? { change } : { change, bold: true };
  const tracked =
    change === "ins"
      ? { insertion: state.revision() }
      : change === "del"
        ? { deletion: state.revision() }
        : {};
  return new TableRow({
    ...(kind === "header" ? { tableHeader: true } : {}),
    cantSplit: true,
    ...tracked,
    children: widths.map(
      (width, i) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(kind === "header"
            ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } }
            : {}),
          children: [
            state.paragraph(
              {
                ...alignment(node.align[i]),
                spacing: { before: 40, after: 40 },
              },
              state.inlines(cells[i] ?? [], marks),
              change,
            ),
          ],
        }),
    ),
  });
}

/**
 * `table` → a `Table Grid` table across the text width. Cells align per `align` (amounts right);
 * the header row is bold, shaded and repeats on every page the table runs onto (`w:tblHeader`);
 * the total row is bold; no row splits across pages. A table a redline inserts or deletes has
 * every row tracked.
 */
export const table: BlockHandler<TableNode> = (state, node, context) => {
  const all = [node.header, ...node.rows, ...(node.total ? [node.total] : [])];
  const columns = Math.max(node.align.length, ...all.map((r) => r.length));
  const widths = columnWidths(all, columns);
  return [
    new Table({
      style: STYLE.tableGrid,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        row(state, node, node.header, "header", widths, context),
        ...node.rows.map((cells) => row(state, node, cells, "body", widths, context)),
        ...(node.total ? [row(state, node, node.total, "total", widths, context)] : []),
      ],
    }),
  ];
};

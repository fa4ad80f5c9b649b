import {
  AlignmentType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import { inlineTextWithDeleted } from "../../../document/text.js";
import type { Align, ChangeKind, Inline, TableNode } from "../../../document/types.js";
import { BODY_SIZE, CELL_MARGIN, TEXT_WIDTH } from "../layout.js";
import { type BlockContext, type BlockHandler, placement, type State } from "../state.js";
import { STYLE } from "../styles.js";

/** Left is the paragraph default, so only right and centre are written. */
const alignment = (align: Align | undefined) =>
  align === "right"
    ? { alignment: AlignmentType.RIGHT }
    : align === "center"
      ? { alignment: AlignmentType.CENTER }
      : {};

const HEADER_FILL = "F2F2F2";

/**
 * Advance widths in em that no character of a class exceeds in DejaVu Sans Bold, the widest face
 * the table may be shown in: LibreOffice falls back to DejaVu Sans where neither Calibri nor its
 * metric twin Carlito is installed, and Calibri and Carlito (regular or bold) are narrower. A text
 * measured with these fits on one line in Word and in LibreOffice, with or without Calibri.
 */
const EM = { space: 0.35, narrow: 0.5, other: 0.72, capital: 0.85, wide: 1.1 } as const;
const NARROW = /[.,:;'’!|()[\]/\-–ijlfIJ]/u;
const WIDE = /[mwMW%@&+]/u;
const CAPITAL = /\p{Lu}/u;

/** Twips per em at the body size (half-points × 10). */
const EM_TWIPS = BODY_SIZE * 10;

/**
 * The width in twips a text takes on one line at the body size, bold or not: an upper bound (see
 * `EM`), not a measurement, so the renderer needs no font files.
 */
export function textWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    em += /[ \u00a0\u202f]/.test(ch)
      ? EM.space
      : NARROW.test(ch)
        ? EM.narrow
        : WIDE.test(ch)
          ? EM.wide
          : CAPITAL.test(ch)
            ? EM.capital
            : EM.other;
  }
  return Math.ceil(em * EM_TWIPS);
}

/** The width a cell needs to show each of its lines unbroken, its padding included. */
const cellWidth = (cell: readonly Inline[]): number =>
  Math.max(0, ...inlineTextWithDeleted(cell).split("\n").map(textWidth)) + 2 * CELL_MARGIN;

/** An amount column is never narrower than this: 20 mm. */
const MIN_AMOUNT_WIDTH = 1134;
/** The amount columns together take at most this share of the text width. */
const MAX_AMOUNT_SHARE = 0.5;
/** Text columns share their room in proportion to their longest text, clamped to these lengths. */
const MIN_CHARS = 6;
const MAX_CHARS = 60;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Shares `total` in proportion to `weights`, in whole twips; the last share takes the rounding. */
function share(total: number, weights: readonly number[]): number[] {
  const all = sum(weights);
  const shares = weights.map((w) => Math.floor((total * w) / all));
  if (shares.length > 0) shares[shares.length - 1] = (shares.at(-1) ?? 0) + total - sum(shares);
  return shares;
}

/**
 * Column widths in twips over the full text width. An amount (right-aligned) column is as wide as
 * its widest cell, header and total included, on one line (at least 20 mm), so amounts and their
 * header never wrap and every budget table's amount column looks alike; the text columns take the
 * rest, in proportion to their longest text. Should the amount columns need more than half the
 * width, they are narrowed in proportion; a table of amount columns only is spread over the width.
 */
export function columnWidths(
  rows: readonly (readonly (readonly Inline[])[])[],
  align: readonly Align[],
  columns: number,
): number[] {
  const indices = Array.from({ length: columns }, (_, i) => i);
  const amountColumns = indices.filter((i) => align[i] === "right");
  const textColumns = indices.filter((i) => align[i] !== "right");
  const needed = amountColumns.map((i) =>
    Math.max(MIN_AMOUNT_WIDTH, ...rows.map((row) => cellWidth(row[i] ?? []))),
  );
  if (textColumns.length === 0) return share(TEXT_WIDTH, needed);
  const room = Math.floor(TEXT_WIDTH * MAX_AMOUNT_SHARE);
  const amounts = sum(needed) > room ? share(room, needed) : needed;
  const texts = share(
    TEXT_WIDTH - sum(amounts),
    textColumns.map((i) =>
      Math.min(
        MAX_CHARS,
        Math.max(MIN_CHARS, ...rows.map((row) => inlineTextWithDeleted(row[i] ?? []).length)),
      ),
    ),
  );
  const widths = new Array<number>(columns).fill(0);
  amountColumns.forEach((i, k) => {
    widths[i] = amounts[k] ?? 0;
  });
  textColumns.forEach((i, k) => {
    widths[i] = texts[k] ?? 0;
  });
  return widths;
}

type RowKind = "header" | "body" | "total";

/** A table of at most this many rows (header and total included) is kept on one page. */
const KEEP_WHOLE_ROWS = 15;

/**
 * Whether row `i` of `count` keeps with the next row (`w:keepNext` in its cells, which Word and
 * LibreOffice both honour for rows): in a short table every row but the last, so the table stays
 * on one page, as in the PDF; in a long one the header with the first two body rows and the last
 * three rows together, so neither end of the table is left alone on a page.
 */
export function keepsWithNext(i: number, count: number): boolean {
  if (count <= KEEP_WHOLE_ROWS) return i < count - 1;
  return i < 2 || (i >= count - 3 && i < count - 1);
}

function row(
  state: State,
  node: TableNode,
  cells: Inline[][],
  kind: RowKind,
  widths: number[],
  context: BlockContext,
  keepNext: boolean,
  rowChange: ChangeKind | null | undefined,
): TableRow {
  // A redline may insert or delete one row of a table that is otherwise in both versions.
  const change = rowChange ?? context.change;
  const marks = kind === "body" ? { change } : { change, bold: true };
  return new TableRow({
    ...(kind === "header" ? { tableHeader: true } : {}),
    cantSplit: true,
    ...state.tracked(change, true),
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
                ...placement(context, false),
                ...(keepNext ? { keepNext: true } : {}),
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
 * every row tracked. A short table stays on one page and a long one does not leave its header or
 * its last rows alone on one (`keepsWithNext`); a table kept with the next block has `w:keepNext`
 * in every cell.
 */
export const table: BlockHandler<TableNode> = (state, node, context) => {
  const rows: { kind: RowKind; cells: Inline[][]; change?: ChangeKind | null }[] = [
    { kind: "header", cells: node.header },
    ...node.rows.map((cells, k) => ({
      kind: "body" as const,
      cells,
      change: node.rowChanges?.[k],
    })),
    ...(node.total ? [{ kind: "total" as const, cells: node.total }] : []),
  ];
  const all = rows.map((r) => r.cells);
  const columns = Math.max(node.align.length, ...all.map((r) => r.length));
  const widths = columnWidths(all, node.align, columns);
  return [
    new Table({
      style: STYLE.tableGrid,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths: widths,
      rows: rows.map(({ kind, cells, change }, i) =>
        row(state, node, cells, kind, widths, context, keepsWithNext(i, rows.length), change),
      ),
    }),
  ];
};

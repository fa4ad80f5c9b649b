import type { Align, Inline, TableNode } from "../../../document/types.js";
import { type Line, longestWord, naturalWidth, type Span, toSpans, wrap } from "../inline.js";
import {
  alignOffset,
  baselineIn,
  type Chunk,
  element,
  leftEdge,
  lineBoxes,
  measureOf,
  type State,
  tag,
} from "../state.js";
import {
  type Face,
  space,
  style,
  type TableGeometry,
  type TextStyle,
  table as tableStyle,
  textArea,
} from "../style.js";
import type { Box, StructElement } from "../types.js";

type RowKind = "header" | "body" | "total";

/**
 * A table, one chunk per row (a row never splits): a grid of thin rules, a shaded bold header
 * row, a bold total row under a strong rule. A short table is kept on one page; a long one breaks
 * between rows, never leaving fewer than two rows at either end, and its header row is repeated
 * on the next page.
 *
 * Its geometry is chosen for poppler's layout analysis (pdftotext, the search and copy of PDF
 * viewers; see `reader` in style.ts) to read it row by row:
 * - A table with amounts (a right-aligned or centred column) is as wide as its content
 *   (`table.compact`): every column as wide as its widest line, its text a little more than a word
 *   space after the widest line of the column before, rows closer than 1.5 lines. Poppler takes the
 *   whole table for one block of text and reads it line by line. Spread over the measure, the
 *   amounts would stand so far from their labels that poppler reads two columns: all labels first,
 *   then all amounts. Amount columns never wrap; text columns share what is left of the measure.
 * - A table of text columns only (all left-aligned) spans the measure (`table.grid`), spare room
 *   going to the columns in proportion to their text, rows and columns far enough apart for every
 *   cell to be a block of its own; poppler's table detection, which needs the cells' left edges to
 *   line up, then orders them row by row. Set compact, a cell that wraps to more lines than its
 *   row's first cell (a long "Ändring" next to a date) would leave a gap that poppler does not
 *   bridge.
 */
export function table(state: State, node: TableNode): void {
  const rows: { kind: RowKind; cells: Inline[][] }[] = [
    ...(node.header.length > 0 ? [{ kind: "header" as const, cells: node.header }] : []),
    ...node.rows.map((cells) => ({ kind: "body" as const, cells })),
    ...(node.total ? [{ kind: "total" as const, cells: node.total }] : []),
  ];
  const columns = Math.max(node.align.length, ...rows.map((r) => r.cells.length));
  if (columns === 0 || rows.length === 0) return;
  const align = (c: number): Align => node.align[c] ?? "left";
  const compact = node.align.some((a) => a !== "left");
  const g: TableGeometry = compact ? tableStyle.compact : tableStyle.grid;
  const s: TextStyle = { ...style.table, leading: g.leading };
  const pad = 2 * g.padX;
  const spans = rows.map((row) =>
    Array.from({ length: columns }, (_, c) =>
      toSpans(row.cells[c] ?? [], faceOf(row.kind), state.change),
    ),
  );
  const fit = columnWidths(spans, columns, align, measureOf(state), s.size, { pad, compact });
  const lines = spans.map((row) =>
    row.map((cell, c) => wrap(cell, (fit[c] as number) - pad, s.size)),
  );
  // A compact table's columns shrink to their widest line.
  const widths = compact
    ? fit.map((_, c) => Math.max(0, ...lines.flatMap((row) => widthsOf(row[c]))) + pad)
    : fit;
  const x0 = leftEdge(state);
  const xs = [x0];
  for (const w of widths) xs.push((xs.at(-1) as number) + w);

  let header: Chunk | undefined;
  const tableElement = element(state.parent, "Table");
  const grid: Grid = { xs, widths, pad, g, s, align, compact };
  const chunks = rows.map((row, r): Chunk => {
    const chunk = rowChunk(grid, row.kind, lines[r] as Line[][], element(tableElement, "TR"));
    if (row.kind === "header") {
      chunk.keepWithNext = true;
      header = chunk;
    } else if (header) {
      chunk.repeat = header;
    }
    return chunk;
  });
  // A short table stays whole; a long one keeps its header with two rows at the start of a page
  // and its last two rows (and total) together at the end.
  const height = chunks.reduce((sum, c) => sum + c.height, 0);
  const keep =
    height <= KEEP_WHOLE * textArea.height
      ? chunks.slice(0, -1)
      : [...chunks.slice(0, header ? 2 : 1), ...chunks.slice(-3, -1)];
  for (const chunk of keep) chunk.keepWithNext = true;
  (chunks[0] as Chunk).before = space.table;
  (chunks.at(-1) as Chunk).after = space.table;
  state.chunks.push(...chunks);
}

/** A table's columns: their left edges (and the right edge last), widths and text style. */
interface Grid {
  xs: number[];
  widths: number[];
  pad: number;
  g: TableGeometry;
  s: TextStyle;
  align: (c: number) => Align;
  compact: boolean;
}

/** One row as a chunk: its shading, its cells' text (tagged TH or TD) and its rules. */
function rowChunk(grid: Grid, kind: RowKind, cellLines: Line[][], tr: StructElement): Chunk {
  const { xs, g, s } = grid;
  const x0 = xs[0] as number;
  const x1 = xs.at(-1) as number;
  const starts = grid.compact ? staircase(cellLines) : cellLines.map(() => 0);
  const height =
    Math.max(...cellLines.map((l, c) => (starts[c] as number) + l.length)) * s.leading + 2 * g.padY;
  const boxes: Box[] = [];
  if (kind !== "body") {
    const gray = kind === "header" ? tableStyle.headerFill : tableStyle.totalFill;
    boxes.push({ kind: "fill", x: x0, y: 0, width: x1 - x0, height, gray });
  }
  cellLines.forEach((lines, c) => {
    const cell = kind === "header" ? element(tr, "TH", { scope: "Column" }) : element(tr, "TD");
    const inner = (grid.widths[c] as number) - grid.pad;
    lines.forEach((line, k) => {
      const x = (xs[c] as number) + g.padX + alignOffset(grid.align(c), inner, line.width);
      const y = g.padY + baselineIn(s) + ((starts[c] as number) + k) * s.leading;
      boxes.push(...tag(lineBoxes(line, x, y, s), cell));
    });
  });
  boxes.push(...rowRules(kind, xs, height));
  return { height, before: 0, after: 0, boxes, firstBaseline: g.padY + baselineIn(s) };
}

/** A row's rules: every column edge, a rule above a header or (strong) total, one below. */
function rowRules(kind: RowKind, xs: number[], height: number): Box[] {
  const x0 = xs[0] as number;
  const x1 = xs.at(-1) as number;
  const thin = tableStyle.rule;
  const strong = tableStyle.strongRule;
  const boxes: Box[] = [];
  for (const x of xs) boxes.push({ kind: "rule", x1: x, y1: 0, x2: x, y2: height, ...thin });
  if (kind === "header") boxes.push({ kind: "rule", x1: x0, y1: 0, x2: x1, y2: 0, ...thin });
  if (kind === "total") boxes.push({ kind: "rule", x1: x0, y1: 0, x2: x1, y2: 0, ...strong });
  const bottom = kind === "header" ? strong : thin;
  boxes.push({ kind: "rule", x1: x0, y1: height, x2: x1, y2: height, ...bottom });
  return boxes;
}

/**
 * The line of its row each cell of a compact table starts on: the line the cell before it ends on
 * (so a wrapped label's amount stands on its last line). Poppler reads a compact table line by
 * line; so it reads each cell whole, in order.
 */
function staircase(cells: readonly (readonly Line[])[]): number[] {
  let line = 0;
  return cells.map((lines) => {
    const start = line;
    if (lines.length > 0) line = start + lines.length - 1;
    return start;
  });
}

const faceOf = (kind: RowKind): Face => (kind === "body" ? "regular" : "bold");

const widthsOf = (lines: readonly Line[] | undefined): number[] =>
  (lines ?? []).map((l) => l.width);

/** Tables up to this share of the text area's height are never broken across pages. */
const KEEP_WHOLE = 0.4;

/**
 * Column widths (points, `pad` included) within `measure`. When every column's text fits
 * on one line: a compact table's columns are just that wide; a grid's spare room goes to its text
 * (not right-aligned) columns in proportion to their text. Otherwise the columns a compact table
 * does not wrap keep their full text and the others share the rest: each at least its longest
 * word, and what remains in proportion to what each would still take. A compact table wraps only
 * its first column when it can (its cells then have the most lines of their row, and poppler reads
 * the column down without a gap), else only its text (left-aligned) columns, its amounts never;
 * when even that does not fit, all columns share the measure so, and when not even the longest
 * words fit, they are scaled to it (long words then break between characters).
 */
export function columnWidths(
  cells: readonly (readonly Span[])[][],
  columns: number,
  align: (column: number) => Align,
  measure: number,
  size: number,
  { pad, compact }: { pad: number; compact: boolean },
): number[] {
  const min = new Array<number>(columns).fill(pad);
  const max = new Array<number>(columns).fill(pad);
  for (const row of cells) {
    row.forEach((spans, c) => {
      min[c] = Math.max(min[c] as number, longestWord(spans, size) + pad);
      max[c] = Math.max(max[c] as number, naturalWidth(spans, size) + pad);
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sumMax = sum(max);
  if (sumMax <= measure) {
    if (compact) return max;
    const growable = max.map((_, c) => align(c) !== "right");
    const weights = max.map((w, c) => (growable.some(Boolean) ? (growable[c] ? w : 0) : w));
    const total = sum(weights);
    return max.map((w, c) => w + ((measure - sumMax) * (weights[c] as number)) / total);
  }
  // Columns kept whole; the others get at least their longest word, the rest in proportion.
  const share = (whole: (c: number) => boolean): number[] | undefined => {
    const lower = min.map((w, c) => (whole(c) ? (max[c] as number) : w));
    const sumLower = sum(lower);
    if (sumLower > measure) return undefined;
    const ratio = (measure - sumLower) / (sumMax - sumLower);
    return lower.map((w, c) => w + ((max[c] as number) - w) * ratio);
  };
  return (
    (compact ? (share((c) => c > 0) ?? share((c) => align(c) !== "left")) : undefined) ??
    share(() => false) ??
    min.map((w) => (w * measure) / sum(min))
  );
}

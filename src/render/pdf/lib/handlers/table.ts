import type { Align, Inline, TableNode } from "../../../../document/types.js";
import { longestWord, naturalWidth, type Span, toSpans, wrap } from "../inline.js";
import {
  alignOffset,
  baselineIn,
  type Chunk,
  leftEdge,
  lineBoxes,
  measureOf,
  type State,
} from "../state.js";
import { type Face, space, style, table as tableStyle, textArea } from "../style.js";
import type { Box } from "../types.js";

type RowKind = "header" | "body" | "total";

/**
 * A table spanning the measure, one chunk per row (a row never splits). Column widths follow the
 * content: every column gets at least its longest word and, while room remains, its full text;
 * spare room goes to the text (not right-aligned) columns. A grid of thin rules, a shaded bold
 * header row, a bold total row under a strong rule. A short table is kept on one page; a long one
 * breaks between rows, never leaving fewer than two rows at either end, and its header row is
 * repeated on the next page.
 */
export function table(state: State, node: TableNode): void {
  const s = style.table;
  const rows: { kind: RowKind; cells: Inline[][] }[] = [
    ...(node.header.length > 0 ? [{ kind: "header" as const, cells: node.header }] : []),
    ...node.rows.map((cells) => ({ kind: "body" as const, cells })),
    ...(node.total ? [{ kind: "total" as const, cells: node.total }] : []),
  ];
  const columns = Math.max(node.align.length, ...rows.map((r) => r.cells.length));
  if (columns === 0 || rows.length === 0) return;
  const align = (c: number): Align => node.align[c] ?? "left";
  const spans = rows.map((row) =>
    Array.from({ length: columns }, (_, c) =>
      toSpans(row.cells[c] ?? [], faceOf(row.kind), state.change),
    ),
  );
  const widths = columnWidths(spans, columns, align, measureOf(state), s.size);
  const x0 = leftEdge(state);
  const xs = [x0];
  for (const w of widths) xs.push((xs.at(-1) as number) + w);
  const x1 = xs.at(-1) as number;

  let header: Chunk | undefined;
  const chunks = rows.map((row, r): Chunk => {
    const cellLines = (spans[r] as Span[][]).map((cell, c) =>
      wrap(cell, (widths[c] as number) - 2 * tableStyle.padX, s.size),
    );
    const height = Math.max(...cellLines.map((l) => l.length)) * s.leading + 2 * tableStyle.padY;
    const boxes: Box[] = [];
    if (row.kind !== "body") {
      const gray = row.kind === "header" ? tableStyle.headerFill : tableStyle.totalFill;
      boxes.push({ kind: "fill", x: x0, y: 0, width: x1 - x0, height, gray });
    }
    cellLines.forEach((lines, c) => {
      const inner = (widths[c] as number) - 2 * tableStyle.padX;
      lines.forEach((line, k) => {
        const x = (xs[c] as number) + tableStyle.padX + alignOffset(align(c), inner, line.width);
        const y = tableStyle.padY + baselineIn(s) + k * s.leading;
        boxes.push(...lineBoxes(line, x, y, s));
      });
    });
    const thin = tableStyle.rule;
    const strong = tableStyle.strongRule;
    for (const x of xs) boxes.push({ kind: "rule", x1: x, y1: 0, x2: x, y2: height, ...thin });
    if (row.kind === "header") boxes.push({ kind: "rule", x1: x0, y1: 0, x2: x1, y2: 0, ...thin });
    if (row.kind === "total") boxes.push({ kind: "rule", x1: x0, y1: 0, x2: x1, y2: 0, ...strong });
    const bottom = row.kind === "header" ? strong : thin;
    boxes.push({ kind: "rule", x1: x0, y1: height, x2: x1, y2: height, ...bottom });
    const chunk: Chunk = {
      height,
      before: 0,
      after: 0,
      boxes,
      firstBaseline: tableStyle.padY + baselineIn(s),
    };
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

const faceOf = (kind: RowKind): Face => (kind === "body" ? "regular" : "bold");

/** Tables up to this share of the text area's height are never broken across pages. */
const KEEP_WHOLE = 0.4;

/** Column widths (points) that sum to `measure`. */
export function columnWidths(
  cells: readonly (readonly Span[])[][],
  columns: number,
  align: (column: number) => Align,
  measure: number,
  size: number,
): number[] {
  const pad = 2 * tableStyle.padX;
  const min = new Array<number>(columns).fill(pad);
  const max = new Array<number>(columns).fill(pad);
  for (const row of cells) {
    row.forEach((spans, c) => {
      min[c] = Math.max(min[c] as number, longestWord(spans, size) + pad);
      max[c] = Math.max(max[c] as number, naturalWidth(spans, size) + pad);
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sumMin = sum(min);
  const sumMax = sum(max);
  if (sumMax <= measure) {
    // Everything fits on one line: spare room to the text columns, in proportion to their text.
    const growable = max.map((_, c) => align(c) !== "right");
    const weights = max.map((w, c) => (growable.some(Boolean) ? (growable[c] ? w : 0) : w));
    const total = sum(weights);
    return max.map((w, c) => w + ((measure - sumMax) * (weights[c] as number)) / total);
  }
  if (sumMin <= measure) {
    // Every word fits: share the rest in proportion to how much each column would still take.
    const ratio = (measure - sumMin) / (sumMax - sumMin);
    return min.map((w, c) => w + ((max[c] as number) - w) * ratio);
  }
  // Not even the words fit: scale (long words then break between characters).
  return min.map((w) => (w * measure) / sumMin);
}

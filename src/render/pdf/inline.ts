/**
 * Inline content: the tree's inline nodes become styled spans (one handler per node kind), and
 * spans are broken into lines that fit a measure.
 *
 * Line breaking is first-fit, ragged right (as Swedish plain-language guidance recommends for
 * public documents). Lines break only at ordinary white space: a no-break space (U+00A0, as in
 * "650 000 kr") joins its neighbours into one word. A word longer than the measure is broken
 * between characters.
 */
import type { ChangeKind, Inline } from "../../document/types.js";
import { textWidth } from "./fonts.js";
import type { Face } from "./style.js";

export interface TextSpan {
  text: string;
  face: Face;
  change?: ChangeKind;
}
/** A forced line break. */
export interface BreakSpan {
  break: true;
}
export type Span = TextSpan | BreakSpan;

interface InlineContext {
  bold: boolean;
  italic: boolean;
  change?: ChangeKind;
}

const faceOf = (ctx: InlineContext): Face =>
  ctx.bold ? (ctx.italic ? "boldItalic" : "bold") : ctx.italic ? "italic" : "regular";

type InlineHandler<T extends Inline> = (node: T, ctx: InlineContext, out: Span[]) => void;

const inlineHandlers: { [K in Inline["type"]]: InlineHandler<Extract<Inline, { type: K }>> } = {
  text: (node, ctx, out) => {
    out.push(
      ctx.change
        ? { text: node.value, face: faceOf(ctx), change: ctx.change }
        : { text: node.value, face: faceOf(ctx) },
    );
  },
  strong: (node, ctx, out) => all(node.children, { ...ctx, bold: true }, out),
  emphasis: (node, ctx, out) => all(node.children, { ...ctx, italic: true }, out),
  break: (_node, _ctx, out) => {
    out.push({ break: true });
  },
  change: (node, ctx, out) => all(node.children, { ...ctx, change: node.kind }, out),
};

function all(nodes: readonly Inline[], ctx: InlineContext, out: Span[]): void {
  for (const node of nodes) {
    (inlineHandlers[node.type] as InlineHandler<Inline>)(node, ctx, out);
  }
}

/**
 * Spans of inline content set in `base` (strong adds bold, emphasis adds italic); `change` marks
 * the content of a block that a redline inserts or deletes.
 */
export function toSpans(
  nodes: readonly Inline[],
  base: Face = "regular",
  change?: ChangeKind,
): Span[] {
  const out: Span[] = [];
  const ctx: InlineContext = {
    bold: base === "bold" || base === "boldItalic",
    italic: base === "italic" || base === "boldItalic",
  };
  if (change) ctx.change = change;
  all(nodes, ctx, out);
  return out;
}

/** A run of text in one face on one line, `x` from the line's start. */
export interface Fragment {
  text: string;
  face: Face;
  change?: ChangeKind;
  x: number;
  width: number;
}
export interface Line {
  fragments: Fragment[];
  /** Width of the set text (trailing space excluded). */
  width: number;
}

interface Piece {
  text: string;
  face: Face;
  change?: ChangeKind;
  width: number;
}
interface Word {
  pieces: Piece[];
  width: number;
  /** The space before the word, when there is one. */
  space?: Piece;
}
type Token = Word | "break";

/** Ordinary white space: where lines may break. U+00A0 (no-break space) is deliberately absent. */
const BREAKABLE = /[ \t\n\r\f\v]+/;

function tokenize(spans: readonly Span[], size: number): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  let space: Piece | undefined;
  for (const span of spans) {
    if ("break" in span) {
      tokens.push("break");
      word = undefined;
      space = undefined;
      continue;
    }
    const parts = span.text.split(BREAKABLE);
    parts.forEach((part, i) => {
      if (i > 0) {
        // White space between parts: it ends the word (leading space of a line is dropped).
        if (word) space = piece(" ", span, size);
        word = undefined;
      }
      if (part === "") return;
      if (!word) {
        word = { pieces: [], width: 0 };
        if (space) word.space = space;
        space = undefined;
        tokens.push(word);
      }
      const p = piece(part, span, size);
      word.pieces.push(p);
      word.width += p.width;
    });
  }
  return tokens;
}

function piece(text: string, span: TextSpan, size: number): Piece {
  const p: Piece = { text, face: span.face, width: textWidth(text, span.face, size) };
  if (span.change) p.change = span.change;
  return p;
}

const EPSILON = 0.001;

/** Breaks spans into lines no wider than `measure` (points) at font size `size`. */
export function wrap(spans: readonly Span[], measure: number, size: number): Line[] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let width = 0;
  const finish = () => {
    lines.push(line);
    line = [];
    width = 0;
  };
  for (const token of tokenize(spans, size)) {
    if (token === "break") {
      finish();
      continue;
    }
    const space = line.length > 0 && token.space ? token.space : undefined;
    const needed = (space?.width ?? 0) + token.width;
    if (width + needed <= measure + EPSILON) {
      if (space) line.push(space);
      line.push(...token.pieces);
      width += needed;
      continue;
    }
    if (line.length > 0) finish();
    if (token.width <= measure + EPSILON) {
      line.push(...token.pieces);
      width = token.width;
      continue;
    }
    // A word longer than the measure: break it between characters.
    for (const p of token.pieces) {
      let text = "";
      let textW = 0;
      for (const ch of p.text) {
        const w = textWidth(ch, p.face, size);
        if (width + textW + w > measure + EPSILON && (line.length > 0 || text !== "")) {
          if (text !== "") line.push({ ...p, text, width: textW });
          finish();
          text = "";
          textW = 0;
        }
        text += ch;
        textW += w;
      }
      if (text !== "") {
        line.push({ ...p, text, width: textW });
        width += textW;
      }
    }
  }
  if (line.length > 0 || lines.length === 0) finish();
  return lines.map(toLine);
}

/** Merges neighbouring pieces of one face into fragments and places them. */
function toLine(pieces: readonly Piece[]): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const p of pieces) {
    const last = fragments.at(-1);
    if (last && last.face === p.face && last.change === p.change) {
      last.text += p.text;
      last.width += p.width;
    } else {
      const f: Fragment = { text: p.text, face: p.face, x, width: p.width };
      if (p.change) f.change = p.change;
      fragments.push(f);
    }
    x += p.width;
  }
  return { fragments, width: x };
}

/** The widest unbreakable word of the spans (for table column widths). */
export function longestWord(spans: readonly Span[], size: number): number {
  let max = 0;
  for (const token of tokenize(spans, size))
    if (token !== "break") max = Math.max(max, token.width);
  return max;
}

/** The width of the spans set on one line (each forced break starts a new line: the widest). */
export function naturalWidth(spans: readonly Span[], size: number): number {
  return Math.max(...wrap(spans, Number.POSITIVE_INFINITY, size).map((l) => l.width));
}

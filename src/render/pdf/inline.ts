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
import { field, inlineHandler } from "../handlers.js";
import { textWidth } from "./fonts.js";
import type { PdfHandlers } from "./handlers/index.js";
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

/** What inline handlers share: the face and change mark of the content, and the spans made. */
export interface SpanState {
  bold: boolean;
  italic: boolean;
  change?: ChangeKind;
  out: Span[];
}

const faceOf = (ctx: SpanState): Face =>
  ctx.bold ? (ctx.italic ? "boldItalic" : "bold") : ctx.italic ? "italic" : "regular";

/** The inline handlers of the PDF renderer: each adds the spans of its node to `state.out`. */
export const inline: PdfHandlers["inline"] = {
  text: (state, node) => {
    state.out.push(
      state.change
        ? { text: node.value, face: faceOf(state), change: state.change }
        : { text: node.value, face: faceOf(state) },
    );
  },
  strong: (state, node) => all(node.children, { ...state, bold: true }),
  emphasis: (state, node) => all(node.children, { ...state, italic: true }),
  break: (state) => {
    state.out.push({ break: true });
  },
  change: (state, node) => all(node.children, { ...state, change: node.kind }),
};

/**
 * The default for an inline kind without a handler: its `value` as text when it is a string, else
 * its `children`, else nothing.
 */
export const unknownInline: PdfHandlers["unknownInline"] = (state, node) => {
  const value = field(node, "value");
  if (typeof value === "string") {
    if (value) inline.text(state, { type: "text", value });
    return;
  }
  const children = field(node, "children");
  if (Array.isArray(children)) all(children as Inline[], state);
};

function all(nodes: readonly Inline[], state: SpanState): void {
  for (const node of nodes) inlineHandler({ inline, unknownInline }, node)(state, node);
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
  const state: SpanState = {
    bold: base === "bold" || base === "boldItalic",
    italic: base === "italic" || base === "boldItalic",
    out: [],
  };
  if (change) state.change = change;
  all(nodes, state);
  return state.out;
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
  const tokens = new Tokens(size);
  for (const span of spans) {
    if ("break" in span) tokens.lineBreak();
    else tokens.text(span);
  }
  return tokens.tokens;
}

/** Words (with the space before each) and forced breaks, as spans are added. */
class Tokens {
  readonly tokens: Token[] = [];
  private word: Word | undefined;
  private space: Piece | undefined;

  constructor(private readonly size: number) {}

  lineBreak(): void {
    this.tokens.push("break");
    this.word = undefined;
    this.space = undefined;
  }

  text(span: TextSpan): void {
    span.text.split(BREAKABLE).forEach((part, i) => {
      if (i > 0) {
        // White space between parts: it ends the word (leading space of a line is dropped).
        if (this.word) this.space = piece(" ", span, this.size);
        this.word = undefined;
      }
      if (part !== "") this.addPart(part, span);
    });
  }

  private addPart(part: string, span: TextSpan): void {
    if (!this.word) {
      this.word = { pieces: [], width: 0 };
      if (this.space) this.word.space = this.space;
      this.space = undefined;
      this.tokens.push(this.word);
    }
    const p = piece(part, span, this.size);
    this.word.pieces.push(p);
    this.word.width += p.width;
  }
}

function piece(text: string, span: TextSpan, size: number): Piece {
  const p: Piece = { text, face: span.face, width: textWidth(text, span.face, size) };
  if (span.change) p.change = span.change;
  return p;
}

const EPSILON = 0.001;

/** Breaks spans into lines no wider than `measure` (points) at font size `size`. */
export function wrap(spans: readonly Span[], measure: number, size: number): Line[] {
  const lines = new Lines(measure, size);
  for (const token of tokenize(spans, size)) {
    if (token === "break") lines.finish();
    else lines.add(token);
  }
  return lines.done();
}

/** Lines being filled, word by word. */
class Lines {
  private readonly lines: Piece[][] = [];
  private line: Piece[] = [];
  private width = 0;

  constructor(
    private readonly measure: number,
    private readonly size: number,
  ) {}

  finish(): void {
    this.lines.push(this.line);
    this.line = [];
    this.width = 0;
  }

  /** A word: on this line if it fits, else on the next; broken if longer than a line. */
  add(token: Word): void {
    const space = this.line.length > 0 && token.space ? token.space : undefined;
    const needed = (space?.width ?? 0) + token.width;
    if (this.width + needed <= this.measure + EPSILON) {
      if (space) this.line.push(space);
      this.line.push(...token.pieces);
      this.width += needed;
      return;
    }
    if (this.line.length > 0) this.finish();
    if (token.width <= this.measure + EPSILON) {
      this.line.push(...token.pieces);
      this.width = token.width;
      return;
    }
    for (const p of token.pieces) this.breakPiece(p);
  }

  /** A piece of a word longer than the measure, broken between characters. */
  private breakPiece(p: Piece): void {
    let text = "";
    let textW = 0;
    for (const ch of p.text) {
      const w = textWidth(ch, p.face, this.size);
      if (
        this.width + textW + w > this.measure + EPSILON &&
        (this.line.length > 0 || text !== "")
      ) {
        if (text !== "") this.line.push({ ...p, text, width: textW });
        this.finish();
        text = "";
        textW = 0;
      }
      text += ch;
      textW += w;
    }
    if (text !== "") {
      this.line.push({ ...p, text, width: textW });
      this.width += textW;
    }
  }

  done(): Line[] {
    if (this.line.length > 0 || this.lines.length === 0) this.finish();
    return this.lines.map(toLine);
  }
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

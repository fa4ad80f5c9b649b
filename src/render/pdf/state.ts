/**
 * The flow: handlers turn blocks into chunks, unbreakable slices of the page (a line of a
 * paragraph, a heading, a table row, a signature block) that pagination then stacks onto pages.
 */
import type { Block, ChangeKind } from "../../document/types.js";
import type { Line } from "./inline.js";
import { fontBox, type TextStyle, textArea } from "./style.js";
import type { Box, PdfOptions, StructElement, StructType, TextBox, TextRole } from "./types.js";

export interface Chunk {
  height: number;
  /** Space wanted above (dropped at the top of a page); between chunks the larger space wins. */
  before: number;
  /** Space wanted below. */
  after: number;
  /** Boxes with absolute x and y relative to the chunk's top. */
  boxes: Box[];
  /** Never end a page after this chunk. */
  keepWithNext?: boolean;
  /** Baseline of the chunk's first text line (list markers are set on it). */
  firstBaseline?: number;
  /** A table body row: when it starts a page, the table's header row is repeated above it. */
  repeat?: Chunk;
  /** A numbered heading: becomes a bookmark. */
  outline?: { title: string; depth: 1 | 2 | 3 };
  /** A signature block: the signature line, for the signature field. */
  signature?: { partyId: string; x1: number; x2: number; y: number };
}

export interface State {
  readonly options: PdfOptions;
  readonly chunks: Chunk[];
  /** Left edge of the current block, from the text area's left edge (lists indent). */
  indent: number;
  /** Nesting depth of lists. */
  listDepth: number;
  /** Space between paragraphs here (smaller inside list items). */
  paragraphSpace: number;
  /** Change mark of the block being set (redlines): its text is underlined or struck through. */
  change?: ChangeKind;
  /** The structure element that blocks being set belong to (tagged PDF). */
  parent: StructElement;
  /** Dispatches one block to its handler. */
  one(block: Block): void;
  /** Dispatches blocks in order. */
  all(blocks: readonly Block[]): void;
}

/** Baseline of a line of `style` within its line box (the em box centred in the leading). */
export function baselineIn(style: TextStyle): number {
  const em = (fontBox.ascent + fontBox.descent) * style.size;
  return (style.leading - em) / 2 + fontBox.ascent * style.size;
}

/** A new structure element, the last child of `parent`. */
export function element(
  parent: StructElement,
  type: StructType,
  extra: Omit<StructElement, "type" | "children"> = {},
): StructElement {
  const el: StructElement = { type, children: [], ...extra };
  parent.children.push(el);
  return el;
}

/** Tags the text boxes among `boxes` with `el` (those already tagged keep their element). */
export function tag<B extends Box>(boxes: B[], el: StructElement): B[] {
  for (const box of boxes) if (box.kind === "text" && !box.tag) box.tag = el;
  return boxes;
}

/** Text boxes of one line at absolute `x`, with its baseline at `y`. */
export function lineBoxes(
  line: Line,
  x: number,
  y: number,
  style: TextStyle,
  role: TextRole = "body",
): TextBox[] {
  return line.fragments.map((f) => {
    const box: TextBox = {
      kind: "text",
      x: x + f.x,
      y,
      width: f.width,
      text: f.text,
      face: f.face,
      size: style.size,
      gray: style.gray,
      role,
    };
    if (f.change) box.change = f.change;
    return box;
  });
}

/** Horizontal offset of a line set with `align` in a column `measure` wide. */
export function alignOffset(align: "left" | "right" | "center", measure: number, width: number) {
  if (align === "right") return measure - width;
  if (align === "center") return (measure - width) / 2;
  return 0;
}

/** Absolute x of the current block's left edge. */
export const leftEdge = (state: State): number => textArea.left + state.indent;

/** Width available to the current block. */
export const measureOf = (state: State): number => textArea.width - state.indent;

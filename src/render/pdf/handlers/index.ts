/**
 * The PDF renderer's handlers: one per block kind, `(state, node) => void`, each pushing chunks
 * onto `state.chunks`; one per inline kind (in inline.ts), each adding spans; and the fallbacks.
 */
import { field, type Handlers } from "../../handlers.js";
import { inline, type SpanState, unknownInline } from "../inline.js";
import type { State } from "../state.js";
import { heading } from "./heading.js";
import { list } from "./list.js";
import { paragraph } from "./paragraph.js";
import { signatures } from "./signatures.js";
import { table } from "./table.js";

/**
 * The PDF renderer's handler types: blocks to chunks on the state, inlines to spans on theirs;
 * what a handler returns is not used.
 */
export interface PdfTypes {
  state: State;
  inlineState: SpanState;
  block: unknown;
  inline: unknown;
  blockArgs: [];
  inlineArgs: [];
}

export type PdfHandlers = Handlers<PdfTypes>;

/**
 * The default for a block kind this renderer has no handler for (a tree from a newer document
 * stage): a paragraph of the node's inline `children`, when it has any, else nothing. It never
 * throws, so the rest of the document still renders.
 */
const unknownBlock: PdfHandlers["unknownBlock"] = (state, node) => {
  const children = field(node, "children");
  if (Array.isArray(children)) paragraph(state, { type: "paragraph", children });
};

export const handlers: PdfHandlers = {
  block: { heading, paragraph, list, table, signatures },
  inline,
  unknownBlock,
  unknownInline,
};

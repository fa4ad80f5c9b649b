import type { Block, Inline } from "../../document/types.js";
import {
  blockHandler,
  type Handler,
  inlineHandler,
  type Handlers as SharedHandlers,
} from "../handlers.js";
import { escapeHtml } from "./escape.js";

/** The HTML renderer's handler types: every node to a string of HTML. */
export interface HtmlTypes {
  state: State;
  inlineState: State;
  block: string;
  inline: string;
  blockArgs: [];
  inlineArgs: [];
}

export type Handlers = SharedHandlers<HtmlTypes>;
/** A handler turns one node into HTML, using the state for its children. */
export type BlockHandler<N extends Block = Block> = Handler<State, N, string, []>;
export type InlineHandler<N extends Inline = Inline> = Handler<State, N, string, []>;

export interface HtmlOptions {
  /**
   * Prefix of element ids (headings get `<prefix><section id>`), so several documents can share a
   * page. Default: "" (one document per page).
   */
  idPrefix?: string;
  /**
   * A note (plain text) shown after a block, e.g. under a moved section's heading where it came
   * from. Default: none.
   */
  note?(block: Block): string | undefined;
  /** Only the blocks, without the article and its title header (a redline's side-by-side view). */
  bare?: boolean;
}

export interface State {
  options: HtmlOptions;
  /** HTML of one block, wrapped in <ins>/<del> when a redline inserts or deletes it. */
  one(block: Block): string;
  /** HTML of a sequence of blocks. */
  all(blocks: readonly Block[]): string;
  /** HTML of inline content. */
  inlines(nodes: readonly Inline[]): string;
}

export function createState(handlers: Handlers, options: HtmlOptions): State {
  const state: State = {
    options,
    one(block) {
      const note = options.note?.(block);
      const html = blockHandler(handlers, block)(state, block);
      // The note is outside the block's <ins>/<del>: a note is not struck through or underlined.
      const after = note ? `\n<p class="notering">${escapeHtml(note)}</p>` : "";
      if (!block.change) return `${html}${after}`;
      const tag = block.change;
      return `<${tag} class="block">${html}</${tag}>${after}`;
    },
    all: (blocks) => blocks.map((b) => state.one(b)).join("\n"),
    inlines: (nodes) => nodes.map((node) => inlineHandler(handlers, node)(state, node)).join(""),
  };
  return state;
}

import type { BlockContent, PhrasingContent } from "mdast";
import type { Block, DocumentTree, Inline } from "../../document/types.js";
import {
  blockHandler,
  type Handler,
  inlineHandler,
  type Handlers as SharedHandlers,
} from "../handlers.js";

/** The markdown renderer's handler types: blocks to mdast blocks, inlines to phrasing content. */
export interface MarkdownTypes {
  state: State;
  inlineState: State;
  block: BlockContent[];
  inline: PhrasingContent[];
  blockArgs: [];
  inlineArgs: [];
}

export type Handlers = SharedHandlers<MarkdownTypes>;
/** A block handler: one document-tree block to the mdast blocks that show it. */
export type BlockHandler<N extends Block = Block> = Handler<State, N, BlockContent[], []>;
/** An inline handler: one inline node to the mdast phrasing content that shows it. */
export type InlineHandler<N extends Inline = Inline> = Handler<State, N, PhrasingContent[], []>;

/**
 * What handlers share while one document is turned into mdast, and the helpers they call (after
 * mdast-util-to-hast's `state.one` / `state.all`).
 */
export interface State {
  readonly tree: DocumentTree;
  /**
   * The mdast of one block; nothing for a block a redline deletes (the Markdown shows the text as
   * it reads with every change accepted, like `documentText`).
   */
  one(block: Block): BlockContent[];
  /** The mdast of blocks in order. */
  all(blocks: readonly Block[]): BlockContent[];
  /** The mdast of inline content. */
  inlines(nodes: readonly Inline[]): PhrasingContent[];
}

export function createState(tree: DocumentTree, handlers: Handlers): State {
  const state: State = {
    tree,
    one(block) {
      if (block.change === "del") return [];
      return blockHandler(handlers, block)(state, block);
    },
    all: (blocks) => blocks.flatMap((block) => state.one(block)),
    inlines: (nodes) => nodes.flatMap((node) => inlineHandler(handlers, node)(state, node)),
  };
  return state;
}

import type { BlockContent, PhrasingContent } from "mdast";
import type { Block, DocumentTree, Inline } from "../../document/types.js";

/** A block handler: one document-tree block to the mdast blocks that show it. */
export type BlockHandler<N extends Block = Block> = (state: State, node: N) => BlockContent[];
/** An inline handler: one inline node to the mdast phrasing content that shows it. */
export type InlineHandler<N extends Inline = Inline> = (state: State, node: N) => PhrasingContent[];

export interface Handlers {
  block: { [K in Block["type"]]: BlockHandler<Extract<Block, { type: K }>> };
  inline: { [K in Inline["type"]]: InlineHandler<Extract<Inline, { type: K }>> };
  /** For block kinds without a handler (a newer tree than this renderer). */
  unknownBlock(state: State, node: unknown): BlockContent[];
  /** For inline kinds without a handler. */
  unknownInline(state: State, node: unknown): PhrasingContent[];
}

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
      const handler = handlers.block[block.type] as BlockHandler | undefined;
      return handler ? handler(state, block) : handlers.unknownBlock(state, block);
    },
    all: (blocks) => blocks.flatMap((block) => state.one(block)),
    inlines: (nodes) =>
      nodes.flatMap((node) => {
        const handler = handlers.inline[node.type] as InlineHandler | undefined;
        return handler ? handler(state, node) : handlers.unknownInline(state, node);
      }),
  };
  return state;
}

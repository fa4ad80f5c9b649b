import type { BlockHandler } from "./types.js";

/** A bullet or numbered list; each item is its blocks (paragraphs, nested lists). */
export const list: BlockHandler<"list"> = (state, node) => [
  {
    type: "list",
    ordered: node.ordered === true,
    items: node.children.map((item) => state.blocks(item.children)),
  },
];

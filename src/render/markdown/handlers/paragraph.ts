import type { ParagraphNode } from "../../../document/types.js";
import type { BlockHandler } from "../state.js";

/** `paragraph` → a paragraph; one left empty (all of it deleted by a redline) is dropped. */
export const paragraph: BlockHandler<ParagraphNode> = (state, node) => {
  const children = state.inlines(node.children);
  return children.length > 0 ? [{ type: "paragraph", children }] : [];
};

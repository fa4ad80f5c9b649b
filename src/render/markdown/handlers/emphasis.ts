import type { EmphasisNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `emphasis` → `*…*`. */
export const emphasis: InlineHandler<EmphasisNode> = (state, node) => {
  const children = state.inlines(node.children);
  return children.length > 0 ? [{ type: "emphasis", children }] : [];
};

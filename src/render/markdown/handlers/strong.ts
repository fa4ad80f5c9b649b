import type { StrongNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `strong` → `**…**`. */
export const strong: InlineHandler<StrongNode> = (state, node) => {
  const children = state.inlines(node.children);
  return children.length > 0 ? [{ type: "strong", children }] : [];
};

import type { StrongNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `strong` → its content in bold runs. */
export const strong: InlineHandler<StrongNode> = (state, node, marks) =>
  state.inlines(node.children, { ...marks, bold: true });

import type { StrongNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `strong` → `<strong>`. */
export const strong: InlineHandler<StrongNode> = (state, node) =>
  `<strong>${state.inlines(node.children)}</strong>`;

import type { EmphasisNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `emphasis` → `<em>`. */
export const emphasis: InlineHandler<EmphasisNode> = (state, node) =>
  `<em>${state.inlines(node.children)}</em>`;

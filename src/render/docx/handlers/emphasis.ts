import type { EmphasisNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `emphasis` → its content in italic runs. */
export const emphasis: InlineHandler<EmphasisNode> = (state, node, marks) =>
  state.inlines(node.children, { ...marks, italics: true });

import type { ParagraphNode } from "../../../document/types.js";
import type { BlockHandler } from "../state.js";

/** `paragraph` → `<p>`. */
export const paragraph: BlockHandler<ParagraphNode> = (state, node) =>
  `<p>${state.inlines(node.children)}</p>`;

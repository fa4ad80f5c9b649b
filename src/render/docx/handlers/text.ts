import type { TextNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `text` → a run. A soft line break left in the text (from Markdown source lines) is a space, as
 * in HTML; hard breaks are `break` nodes.
 */
export const text: InlineHandler<TextNode> = (state, node, marks) =>
  node.value === "" ? [] : [state.run({ text: node.value.replace(/\r?\n/g, " ") }, marks)];

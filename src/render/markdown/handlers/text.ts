import type { TextNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `text` → mdast `text`; the serialiser escapes what would read as Markdown. */
export const text: InlineHandler<TextNode> = (_state, node) =>
  node.value ? [{ type: "text", value: node.value }] : [];

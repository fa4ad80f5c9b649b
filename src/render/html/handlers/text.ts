import type { TextNode } from "../../../document/types.js";
import { escapeHtml } from "../escape.js";
import type { InlineHandler } from "../state.js";

/** `text` → its value, escaped. */
export const text: InlineHandler<TextNode> = (_state, node) => escapeHtml(node.value);

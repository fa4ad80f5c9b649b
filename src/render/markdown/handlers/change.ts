import type { ChangeNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `change` → the text as it reads with the change accepted: inserted words as plain text, deleted
 * words left out. The Markdown says what `documentText` says; redlines are the diff's formats
 * (Word with tracked changes, HTML), not this one.
 */
export const change: InlineHandler<ChangeNode> = (state, node) =>
  node.kind === "ins" ? state.inlines(node.children) : [];

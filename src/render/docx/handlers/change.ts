import type { ChangeNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `change` → its content as a tracked change: every run inside `w:ins` (inserted) or `w:del`
 * (deleted, with `w:delText`), so Word and LibreOffice list each and can accept or reject it.
 * The innermost change wins, should changes nest.
 */
export const change: InlineHandler<ChangeNode> = (state, node, marks) =>
  state.inlines(node.children, { ...marks, change: node.kind });

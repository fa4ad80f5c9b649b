import type { ChangeNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `change` → its content as a tracked change: every run inside `w:ins` (inserted) or `w:del`
 * (deleted, with `w:delText`), so Word and LibreOffice list each and can accept or reject it.
 * The innermost change wins, should changes nest. Inside moved text (a redline's `w:moveTo`),
 * inserted words are insertions within the move.
 */
export const change: InlineHandler<ChangeNode> = (state, node, marks) =>
  // Words deleted inside moved-to text are shown where the text was (in the moved-away text):
  // LibreOffice (7.4) does not read a deletion nested in a move (<w:moveTo><w:del>), and a plain
  // deletion here would come back when the move is rejected.
  node.kind === "del" && state.inMovedText()
    ? []
    : state.inlines(node.children, { ...marks, change: node.kind, inline: true });

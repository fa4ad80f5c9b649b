import type { ChangeNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `change` → its content as a tracked change: every run inside `w:ins` (inserted) or `w:del`
 * (deleted, with `w:delText`), so Word and LibreOffice list each and can accept or reject it.
 * The innermost change wins, should changes nest. Inside moved text (a redline's `w:moveTo`),
 * inserted words are insertions within the move.
 */
export const change: InlineHandler<ChangeNode> = (state, node, marks) =>
  // Words deleted inside moved-to text are shown where the text was (in the moved-away text).
  // Tried (LibreOffice 7.4.7, Kalmar and Stockholm redlines of test/diff/readers.test.ts):
  // - a plain w:del between the w:moveTo elements: rejecting all brings the words back where the
  //   section now stands (pandoc too);
  // - nested, <w:moveTo><w:del>…</w:del></w:moveTo> (or <w:ins><w:del>): pandoc reads it right,
  //   LibreOffice does not: where the deletion starts a paragraph and an insertion of the same
  //   author and date follows (Stockholm), the words survive both accept-all and reject-all; where
  //   it follows moved text (Kalmar), the words go, but rejecting all leaves the heading after the
  //   moved section unnumbered.
  node.kind === "del" && state.inMovedText()
    ? []
    : state.inlines(node.children, { ...marks, change: node.kind, inline: true });

import type { ChangeNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `change` → its content as a tracked change: every run inside `w:ins` (inserted) or `w:del`
 * (deleted, with `w:delText`), so Word and LibreOffice list each and can accept or reject it.
 * The innermost change wins, should changes nest. Inside moved text (a redline's `w:moveTo`),
 * inserted words are insertions within the move.
 */
export const change: InlineHandler<ChangeNode> = (state, node, marks) =>
  // Words deleted inside moved-to text are a deletion within the move (`moves.ts` nests it:
  // <w:moveTo><w:del>), and are shown in the moved-away text as well. The third round found
  // LibreOffice 7.4.7 misreading that nesting in the Stockholm redline (the words survived
  // accept-all and reject-all); with the moved headings' old properties tracked (fourth round),
  // it reads it right, and test/diff/readers.test.ts proves it on every case.
  state.inlines(node.children, { ...marks, change: node.kind, inline: true });

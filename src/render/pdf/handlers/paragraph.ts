import type { ParagraphNode } from "../../../document/types.js";
import { toSpans, wrap } from "../inline.js";
import {
  baselineIn,
  type Chunk,
  element,
  leftEdge,
  lineBoxes,
  measureOf,
  type State,
  tag,
} from "../state.js";
import { style } from "../style.js";

/**
 * A paragraph: one chunk per line. The first two and the last two lines are kept together, so a
 * page never starts or ends with a single line of a paragraph (no widows, no orphans).
 */
export function paragraph(state: State, node: ParagraphNode): void {
  const s = style.body;
  const lines = wrap(toSpans(node.children, s.face, state.change), measureOf(state), s.size);
  const x = leftEdge(state);
  const baseline = baselineIn(s);
  const el = element(state.parent, "P");
  lines.forEach((line, i) => {
    const chunk: Chunk = {
      height: s.leading,
      before: i === 0 ? state.paragraphSpace : 0,
      after: i === lines.length - 1 ? state.paragraphSpace : 0,
      boxes: tag(lineBoxes(line, x, baseline, s), el),
      firstBaseline: baseline,
    };
    if (lines.length >= 2 && (i === 0 || i === lines.length - 2)) chunk.keepWithNext = true;
    state.chunks.push(chunk);
  });
}

import { inlineText } from "../../../../document/text.js";
import type { HeadingNode } from "../../../../document/types.js";
import { toSpans, wrap } from "../inline.js";
import { baselineIn, type Chunk, leftEdge, lineBoxes, measureOf, type State } from "../state.js";
import { space, style } from "../style.js";

/**
 * A numbered heading: the number hangs before the heading text (the texts of one depth line up;
 * the gap stays narrow enough for text extraction to read number and text as one line), the whole
 * heading is one chunk and is kept with what follows it.
 */
export function heading(state: State, node: HeadingNode): void {
  const s = style.heading[node.depth];
  const x = leftEdge(state);
  const hang = node.number ? state.headingHang[node.depth] : 0;
  const lines = wrap(toSpans(node.children, s.face, state.change), measureOf(state) - hang, s.size);
  const baseline = baselineIn(s);
  const boxes = lines.flatMap((line, i) => lineBoxes(line, x + hang, baseline + i * s.leading, s));
  if (node.number) {
    const numberLine = wrap(
      [{ text: node.number, face: s.face }],
      Number.POSITIVE_INFINITY,
      s.size,
    )[0];
    if (numberLine) boxes.unshift(...lineBoxes(numberLine, x, baseline, s));
  }
  const chunk: Chunk = {
    height: lines.length * s.leading,
    before: space.headingBefore[node.depth],
    after: space.headingAfter[node.depth],
    boxes,
    keepWithNext: true,
    firstBaseline: baseline,
    outline: {
      title: [node.number, inlineText(node.children)]
        .filter(Boolean)
        .join(" ")
        .replace(/\s+/g, " "),
      depth: node.depth,
    },
  };
  state.chunks.push(chunk);
}

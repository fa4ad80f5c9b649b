import { inlineText } from "../../../document/text.js";
import type { HeadingNode } from "../../../document/types.js";
import { textWidth } from "../fonts.js";
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
import { heading as headingStyle, space, style } from "../style.js";

/**
 * A numbered heading: the number, an en space, the heading text; lines the text wraps to hang
 * under the text's start. The gap is measured per heading, so "2.1 Parter" reads as one line of
 * text in every reader (a wider gap, as when texts of one depth line up under the widest number,
 * makes poppler's layout analysis take number and text for two columns). The whole heading is one
 * chunk and is kept with what follows it. It is tagged one level below its depth (H2 for a
 * section), as the document title is the H1.
 */
export function heading(state: State, node: HeadingNode): void {
  const s = style.heading[node.depth];
  const x = leftEdge(state);
  const hang = node.number
    ? textWidth(node.number, s.face, s.size) + headingStyle.numberGap * s.size
    : 0;
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
  tag(boxes, element(state.parent, `H${node.depth + 1}` as "H2" | "H3" | "H4"));
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

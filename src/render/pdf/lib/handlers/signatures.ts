import { dateLine, signatoryLine } from "../../../../document/text.js";
import type { ChangeKind, SignatureBlock, SignaturesNode } from "../../../../document/types.js";
import { wrap } from "../inline.js";
import { baselineIn, type Chunk, leftEdge, lineBoxes, measureOf, type State } from "../state.js";
import { signature, space, style, type TextStyle, textArea } from "../style.js";
import type { Box, TextRole } from "../types.js";

/**
 * The signature page: the copy label (when given), then one block per party, each one unbreakable
 * chunk: "För <party>", room for the signature above a signature line, "<name>, <title>" under it,
 * and "<place> den ____________ <year>". Blocks stack in one column, in signature order, so every
 * reader (and text extraction) takes them in that order. The text before the signatures is kept
 * with the first block, so the signatures never stand alone on a page, and all blocks stay on one
 * page when they fit on one.
 */
export function signatures(state: State, node: SignaturesNode): void {
  const prev = state.chunks.at(-1);
  if (prev) prev.keepWithNext = true;
  const x = leftEdge(state);
  const width = Math.min(signature.width, measureOf(state));
  const label = copyLabel(state);
  if (label) label.keepWithNext = true;
  const blocks = node.blocks.map((block) => signatureChunk(block, x, width, state.change));
  // All blocks on one page when they fit there with a few lines of text before them.
  const total = blocks.reduce((sum, b) => sum + b.height + b.before, 0);
  if (total <= textArea.height - 4 * style.body.leading) {
    for (const b of blocks.slice(0, -1)) b.keepWithNext = true;
  }
  state.chunks.push(...blocks);
}

/**
 * The copy label ("Exemplar 2 av 4 – …"), once per document: on the signature page, or (for a
 * document without signatures) after the last block. Undefined when there is none to print.
 */
export function copyLabel(state: State): Chunk | undefined {
  const label = state.options.copyLabel;
  if (!label || state.copyLabelled) return undefined;
  state.copyLabelled = true;
  const s = style.label;
  const lines = wrap([{ text: label, face: s.face }], measureOf(state), s.size);
  const x = leftEdge(state);
  const chunk: Chunk = {
    height: lines.length * s.leading,
    before: space.signatureBlock,
    after: 0,
    boxes: lines.flatMap((line, i) =>
      lineBoxes(line, x, baselineIn(s) + i * s.leading, s, "label"),
    ),
  };
  state.chunks.push(chunk);
  return chunk;
}

function signatureChunk(
  block: SignatureBlock,
  x: number,
  width: number,
  change: ChangeKind | undefined,
): Chunk {
  const boxes: Box[] = [];
  let y = 0;
  const text = (value: string, s: TextStyle, role: TextRole) => {
    const lines = wrap(
      [{ text: value, face: s.face, ...(change ? { change } : {}) }],
      width,
      s.size,
    );
    for (const line of lines) {
      boxes.push(...lineBoxes(line, x, y + baselineIn(s), s, role));
      y += s.leading;
    }
  };
  text(`För ${block.party}`, { ...style.body, face: "bold" }, "body");
  y += signature.room;
  const ruleY = y;
  boxes.push({ kind: "rule", x1: x, y1: ruleY, x2: x + width, y2: ruleY, ...signature.rule });
  y += 3;
  const who = signatoryLine(block);
  if (who) text(who, style.body, "body");
  else text("Namnförtydligande", style.label, "label");
  text(dateLine(block), style.body, "label");
  return {
    height: y,
    before: space.signatureBlock,
    after: space.paragraph,
    boxes,
    firstBaseline: baselineIn(style.body),
    signature: { partyId: block.partyId, x1: x, x2: x + width, y: ruleY },
  };
}

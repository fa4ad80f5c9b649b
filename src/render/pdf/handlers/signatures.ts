import { dateLine, signatoryLine } from "../../../document/text.js";
import type { ChangeKind, SignatureBlock, SignaturesNode } from "../../../document/types.js";
import { wrap } from "../inline.js";
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
import { signature, space, style, type TextStyle, textArea } from "../style.js";
import type { Box, StructElement, TextRole } from "../types.js";

/**
 * The signature page: one block per party, each one unbreakable chunk: "För <party>", room for
 * the signature (`signature.room`, over 25 mm) above a signature line, "<name>, <title>" under it
 * (or, when the signatory is not named, a second line to write the name clarification on, marked
 * "Namnförtydligande"), and "<place> den ____________ <year>". Blocks stack in one column, in
 * signature order, so every reader (and text extraction) takes them in that order. The text
 * before the signatures is kept with the first block, so the signatures never stand alone on a
 * page, and all blocks stay on one page when they fit on one.
 *
 * Each block is a Div structure element titled with its party, its lines P elements, and (with
 * signature fields) a Form element for the party's field.
 */
export function signatures(state: State, node: SignaturesNode): void {
  const prev = state.chunks.at(-1);
  if (prev) prev.keepWithNext = true;
  const x = leftEdge(state);
  const width = Math.min(signature.width, measureOf(state));
  const blocks = node.blocks.map((block) => {
    const div = element(state.parent, "Div", { title: `Underskrift för ${block.party}` });
    return signatureChunk(block, x, width, state.change, div, !!state.options.signatureFields);
  });
  // All blocks on one page when they fit there with a few lines of text before them.
  const total = blocks.reduce((sum, b) => sum + b.height + b.before, 0);
  if (total <= textArea.height - 4 * style.body.leading) {
    for (const b of blocks.slice(0, -1)) b.keepWithNext = true;
  }
  state.chunks.push(...blocks);
}

function signatureChunk(
  block: SignatureBlock,
  x: number,
  width: number,
  change: ChangeKind | undefined,
  div: StructElement,
  field: boolean,
): Chunk {
  const boxes: Box[] = [];
  let y = 0;
  const text = (value: string, s: TextStyle, role: TextRole) => {
    const lines = wrap(
      [{ text: value, face: s.face, ...(change ? { change } : {}) }],
      width,
      s.size,
    );
    const p = element(div, "P");
    for (const line of lines) {
      boxes.push(...tag(lineBoxes(line, x, y + baselineIn(s), s, role), p));
      y += s.leading;
    }
  };
  const rule = () =>
    boxes.push({ kind: "rule", x1: x, y1: y, x2: x + width, y2: y, ...signature.rule });
  text(`För ${block.party}`, { ...style.body, face: "bold" }, "body");
  if (field) element(div, "Form", { field: block.partyId });
  y += signature.room;
  const ruleY = y;
  rule();
  y += 3;
  const who = signatoryLine(block);
  if (who) text(who, style.body, "body");
  else {
    y += signature.nameRoom;
    rule();
    y += 3;
    text("Namnförtydligande", style.label, "label");
  }
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

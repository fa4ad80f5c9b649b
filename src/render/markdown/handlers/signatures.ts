import type { BlockContent, PhrasingContent } from "mdast";
import { dateLineParts, SIGNATURE_BLANK, signatoryLine } from "../../../document/text.js";
import type { SignatureBlock, SignaturesNode } from "../../../document/types.js";
import { blank, LONG_BLANK } from "../blank.js";
import type { BlockHandler } from "../state.js";

/** The label of the line to print the name on when the source lacks it (as in the PDF). */
const NAME_LABEL = "Namnförtydligande:";

const paragraph = (...children: PhrasingContent[]): BlockContent => ({
  type: "paragraph",
  children,
});
const text = (value: string): PhrasingContent => ({ type: "text", value });

/**
 * "<name>, <title>", either alone when the other is missing; when both are, a blank to print the
 * name on, labelled "Namnförtydligande" as in the PDF (two unlabelled lines in a row would not say
 * which is for what).
 */
function nameLine(block: SignatureBlock): PhrasingContent[] {
  const who = signatoryLine(block);
  return who ? [text(who)] : [text(`${NAME_LABEL} `), blank(LONG_BLANK)];
}

/** "<place> den ____________ <year>" (`dateLineParts`), each blank as a blank node. */
const dateLine = (block: SignatureBlock): PhrasingContent[] =>
  dateLineParts(block).map((part) => (part === null ? blank(SIGNATURE_BLANK) : text(part)));

/**
 * `signatures` → for each party, in signing order, four paragraphs: `**För <party>**`, a line of
 * underscores to sign on, "<name>, <title>" and "<place> den ____________ <year>". What the source
 * lacks stays blank to fill in by hand, as in the Word and PDF documents: an unknown place is a
 * blank, an unknown signatory a labelled blank ("Namnförtydligande: ______").
 */
export const signatures: BlockHandler<SignaturesNode> = (_state, node) =>
  node.blocks.flatMap((block) => [
    paragraph({ type: "strong", children: [text(`För ${block.party}`)] }),
    paragraph(blank(LONG_BLANK)),
    paragraph(...nameLine(block)),
    paragraph(...dateLine(block)),
  ]);

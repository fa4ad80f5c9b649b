import { BorderStyle, Table, TableBorders, TableCell, TableRow, WidthType } from "docx";
import { dateLine, signatoryLine } from "../../../document/text.js";
import type { SignatureBlock, SignaturesNode } from "../../../document/types.js";
import { LINE_HEIGHT, TEXT_HEIGHT, TEXT_WIDTH } from "../layout.js";
import type { BlockContext, BlockHandler, Marks, ParagraphOptions, State } from "../state.js";

/** Length of the line to sign on: 80 mm. */
const SIGNATURE_LINE = 4536;
/** Room above the line for the signature: 15 mm. */
const SIGNATURE_ROOM = 850;
/** Room between two parties' blocks. */
const BLOCK_SPACING = 600;
/** Space above a block's first line and above its date line. */
const LINE_SPACING = 240;
/** Space under the signature line. */
const UNDER_LINE = 60;
/** Height of one block on the page, about: four lines with the room and spacing between them. */
const BLOCK_HEIGHT =
  4 * LINE_HEIGHT + 2 * LINE_SPACING + SIGNATURE_ROOM + UNDER_LINE + BLOCK_SPACING;
/** Room left on the signature page for the text kept with the blocks: a heading and three lines. */
const LEAD_HEIGHT = 5 * LINE_HEIGHT;

const line = (
  state: State,
  context: BlockContext,
  options: ParagraphOptions,
  text: string,
  marks: Marks = {},
) =>
  state.paragraph(
    options,
    text ? [state.run({ text }, { ...marks, change: context.change })] : [],
    context.change,
  );

/** The copy label ("Exemplar 2 av 4 – …"), in italics. */
export function copyLabel(state: State, context: BlockContext, label: string) {
  state.copyLabelWritten = true;
  return state.paragraph(
    { spacing: { before: BLOCK_SPACING } },
    [state.run({ text: label }, { italics: true, change: context.change })],
    context.change,
  );
}

/**
 * One party's block: a table row that may not split across pages; with `keepNext`, its paragraphs
 * keep it on the page of the next row (as Word and LibreOffice both do for a row whose paragraphs
 * all keep with the next).
 */
function blockRow(
  state: State,
  context: BlockContext,
  block: SignatureBlock,
  keepNext: boolean,
): TableRow {
  const keep = keepNext ? { keepNext: true } : {};
  return new TableRow({
    cantSplit: true,
    ...state.tracked(context.change),
    children: [
      new TableCell({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { top: 0, bottom: BLOCK_SPACING, left: 0, right: 0 },
        children: [
          line(
            state,
            context,
            { ...keep, spacing: { before: LINE_SPACING, after: 0 } },
            `För ${block.party}`,
            { bold: true },
          ),
          line(
            state,
            context,
            {
              ...keep,
              spacing: { before: SIGNATURE_ROOM, after: UNDER_LINE },
              indent: { right: TEXT_WIDTH - SIGNATURE_LINE },
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: "000000" } },
            },
            "",
          ),
          line(state, context, { ...keep, spacing: { after: 0 } }, signatoryLine(block)),
          line(
            state,
            context,
            { ...keep, spacing: { before: LINE_SPACING, after: 0 } },
            dateLine(block),
          ),
        ],
      }),
    ],
  });
}

/**
 * `signatures` → for each party, in signing order: "För <party>", an empty line to sign on (a
 * bottom border 80 mm long with room above), "<name>, <title>" and "<place> den ____________
 * <year>". Each block is one row of a borderless table that may not split (`w:cantSplit`), which
 * Word and LibreOffice both honour, so a block never breaks across pages and the room to sign is
 * never lost at a page top. All blocks stay on one page when they fit there with a few lines of
 * text before them (every row but the last keeps with the next), else at least the first two do;
 * the text before the signatures is kept with the first block by `leadIntoSignatures`, so the
 * signatures never stand alone on a page. Then the copy label, when the options give one, kept
 * with the last block.
 */
export const signatures: BlockHandler<SignaturesNode> = (state, node, context) => {
  if (node.blocks.length === 0) return [];
  const label = state.options.copyLabel;
  const last = node.blocks.length - 1;
  const fit = node.blocks.length * BLOCK_HEIGHT <= TEXT_HEIGHT - LEAD_HEIGHT;
  const together = fit ? node.blocks.length : 2;
  const blocks = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    borders: TableBorders.NONE,
    rows: node.blocks.map((block, i) =>
      blockRow(state, context, block, i < together - 1 || (i === last && Boolean(label))),
    ),
  });
  return label ? [blocks, copyLabel(state, context, label)] : [blocks];
};

import { BorderStyle, Table, TableBorders, TableCell, TableRow, WidthType } from "docx";
import type { SignatureBlock, SignaturesNode } from "../../../document/types.js";
import { TEXT_WIDTH } from "../layout.js";
import type { BlockContext, BlockHandler, Marks, ParagraphOptions, State } from "../state.js";

/** Length of the line to sign on: 80 mm. */
const SIGNATURE_LINE = 4536;
/** Room above the line for the signature: 15 mm. */
const SIGNATURE_ROOM = 850;
/** Room between two parties' blocks. */
const BLOCK_SPACING = 600;
const BLANK = "____________";

/** "<name>, <title>"; what the source lacks stays empty, as `blockText` writes it. */
export const nameLine = (block: SignatureBlock): string =>
  block.name && block.title ? `${block.name}, ${block.title}` : (block.name ?? block.title ?? "");

/** "<place> den ____________ <year>", with a blank for an unknown place. */
export const dateLine = (block: SignatureBlock): string =>
  `${block.place ?? BLANK} den ${BLANK}${block.year === undefined ? "" : ` ${block.year}`}`;

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

/** One party's block: a table row that may not split across pages. */
function blockRow(state: State, context: BlockContext, block: SignatureBlock): TableRow {
  const tracked =
    context.change === "ins"
      ? { insertion: state.revision() }
      : context.change === "del"
        ? { deletion: state.revision() }
        : {};
  return new TableRow({
    cantSplit: true,
    ...tracked,
    children: [
      new TableCell({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { top: 0, bottom: BLOCK_SPACING, left: 0, right: 0 },
        children: [
          line(state, context, { spacing: { before: 240, after: 0 } }, `För ${block.party}`, {
            bold: true,
          }),
          line(
            state,
            context,
            {
              spacing: { before: SIGNATURE_ROOM, after: 60 },
              indent: { right: TEXT_WIDTH - SIGNATURE_LINE },
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: "000000" } },
            },
            "",
          ),
          line(state, context, { spacing: { after: 0 } }, nameLine(block)),
          line(state, context, { spacing: { before: 240, after: 0 } }, dateLine(block)),
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
 * never lost at a page top. Then the copy label, when the options give one.
 */
export const signatures: BlockHandler<SignaturesNode> = (state, node, context) => {
  if (node.blocks.length === 0) return [];
  const blocks = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    borders: TableBorders.NONE,
    rows: node.blocks.map((block) => blockRow(state, context, block)),
  });
  const label = state.options.copyLabel;
  return label ? [blocks, copyLabel(state, context, label)] : [blocks];
};

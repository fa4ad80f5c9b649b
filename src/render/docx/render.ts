import { Document, type FileChild, Paragraph, TextRun } from "docx";
import type { DocumentTree } from "../../document/types.js";
import { handlers } from "./handlers/index.js";
import { copyLabel } from "./handlers/signatures.js";
import { leadIntoSignatures } from "./keep.js";
import { numbering, wordNumbersMatch } from "./numbering.js";
import type { DocxOptions } from "./options.js";
import { packDocument } from "./package.js";
import { footer, header, pageProperties } from "./page.js";
import { coreXml } from "./properties.js";
import { createState } from "./state.js";
import { STYLE, styles } from "./styles.js";

/** Title and subtitle at the top of the first page. */
const titleBlock = (tree: DocumentTree): FileChild[] => [
  new Paragraph({ style: STYLE.title, children: [new TextRun(tree.meta.title)] }),
  ...(tree.meta.subtitle
    ? [new Paragraph({ style: STYLE.subtitle, children: [new TextRun(tree.meta.subtitle)] })]
    : []),
];

/**
 * Renders a document tree as a Word document (.docx): built-in styles, Word-numbered headings,
 * A4 pages with a header (title, diarienummer) and a "Sida X (Y)" footer, and a redline's
 * changes as tracked changes. The same tree and options give the same bytes in any time zone.
 */
export function renderDocx(tree: DocumentTree, options: DocxOptions = {}): Promise<Uint8Array> {
  return packDocument(() => build(tree, options), {
    "docProps/core.xml": coreXml(tree.meta),
  });
}

/** The docx Document of a tree: runs the handlers over it and adds styles, numbering and page. */
function build(tree: DocumentTree, options: DocxOptions): Document {
  const state = createState(tree, options, handlers, {
    wordHeadingNumbers: wordNumbersMatch(tree),
    keepWithNext: leadIntoSignatures(tree.children),
  });
  const body = [...titleBlock(tree), ...state.all(tree.children, { listLevel: 0 })];
  if (options.copyLabel && !state.copyLabelWritten) {
    body.push(copyLabel(state, { listLevel: 0 }, options.copyLabel));
  }
  return new Document({
    styles: styles(),
    numbering: numbering(),
    sections: [
      {
        properties: pageProperties(),
        headers: { default: header(tree.meta) },
        footers: { default: footer() },
        children: body,
      },
    ],
  });
}

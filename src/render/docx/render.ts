import { Document, type FileChild, Paragraph, TextRun } from "docx";
import type { DocumentTree } from "../../document/types.js";
import { fontBytes } from "../pdf/lib/font-files.js";
import { handlers } from "./handlers/index.js";
import { copyLabel } from "./handlers/signatures.js";
import { leadIntoSignatures } from "./keep.js";
import { FONT } from "./layout.js";
import { numbering, wordNumbersMatch } from "./numbering.js";
import type { DocxOptions } from "./options.js";
import { packDocument } from "./package.js";
import { footer, header, pageProperties } from "./page.js";
import { coreXml } from "./properties.js";
import { createState } from "./state.js";
import { STYLE, styles } from "./styles.js";

/**
 * The PDF's typeface, DejaVu Sans, in its four faces, embedded so every reader shows the .docx in
 * it (the same files the PDF embeds subsets of).
 */
const embeddedFonts = () => [
  {
    name: FONT,
    data: Buffer.from(fontBytes("regular")),
    bold: Buffer.from(fontBytes("bold")),
    italic: Buffer.from(fontBytes("italic")),
    boldItalic: Buffer.from(fontBytes("boldItalic")),
  },
];

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
    fonts: embeddedFonts(),
    styles: styles(),
    numbering: numbering(),
    sections: [
      {
        properties: pageProperties(),
        headers: { default: header(tree.meta) },
        footers: { default: footer(options.fingerprint) },
        children: body,
      },
    ],
  });
}

import { Document, type FileChild, LineRuleType, Paragraph, Table, TextRun } from "docx";
import type { DocumentTree, Inline } from "../../document/types.js";
import { fontBytes } from "../pdf/font-files.js";
import type { Face } from "../pdf/style.js";
import { handlers } from "./handlers/index.js";
import { copyLabel } from "./handlers/signatures.js";
import { leadIntoSignatures } from "./keep.js";
import { FONT } from "./layout.js";
import { markInsertedParagraphsBefore } from "./marks.js";
import { writeMoves } from "./moves.js";
import { numbering, wordNumbersMatch } from "./numbering.js";
import type { DocxOptions } from "./options.js";
import { packDocument } from "./package.js";
import { footer, header, pageProperties } from "./page.js";
import { coreXml } from "./properties.js";
import { createState, type State } from "./state.js";
import { STYLE, styles } from "./styles.js";

/**
 * A face's font file as the Buffer docx asks for: a view of the bytes read once, not a copy (docx
 * only reads it, to write its obfuscated copy), which saves copying 2.7 MB per document.
 */
const fontBuffer = (face: Face): Buffer => {
  const bytes = fontBytes(face);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/**
 * The PDF's typeface, DejaVu Sans, in its four faces, embedded so every reader shows the .docx in
 * it (the same files the PDF embeds subsets of).
 */
const embeddedFonts = () => [
  {
    name: FONT,
    data: fontBuffer("regular"),
    bold: fontBuffer("bold"),
    italic: fontBuffer("italic"),
    boldItalic: fontBuffer("boldItalic"),
  },
];

/**
 * Title and subtitle at the top of the first page; a redline's with their changes (the title
 * starts a new page after a cover).
 */
const titleBlock = (tree: DocumentTree, state: State): FileChild[] => {
  const redline = state.options.redline;
  const line = (inline: Inline[] | undefined, text: string | undefined) =>
    inline ? state.inlines(inline, {}) : text ? [new TextRun(text)] : [];
  const title = line(redline?.title, tree.meta.title);
  const subtitle = line(redline?.subtitle, tree.meta.subtitle);
  const newPage = redline?.cover?.length ? { pageBreakBefore: true } : {};
  return [
    new Paragraph({ style: STYLE.title, ...newPage, children: title }),
    ...(subtitle.length > 0 ? [new Paragraph({ style: STYLE.subtitle, children: subtitle })] : []),
  ];
};

/**
 * Renders a document tree as a Word document (.docx): built-in styles, Word-numbered headings,
 * A4 pages with a header (title, diarienummer) and a "Sida X (Y)" footer, and a redline's
 * changes as tracked changes. The same tree and options give the same bytes in any time zone.
 */
export function renderDocx(tree: DocumentTree, options: DocxOptions = {}): Promise<Uint8Array> {
  let state: State | undefined;
  return packDocument(
    () => {
      const built = build(tree, options);
      state = built.state;
      return built.document;
    },
    { "docProps/core.xml": coreXml(tree.meta) },
    options.redline
      ? {
          "word/document.xml": (xml) =>
            markInsertedParagraphsBefore(
              state ? writeMoves(xml, state.moveRevisions, state.revision().id + 1) : xml,
            ),
        }
      : {},
    { share: true },
  );
}

/** The docx Document of a tree: runs the handlers over it and adds styles, numbering and page. */
function build(tree: DocumentTree, options: DocxOptions): { document: Document; state: State } {
  const redline = options.redline;
  const keepWithNext = leadIntoSignatures(tree.children);
  for (const block of redline?.keepWithNext ?? []) keepWithNext.add(block);
  const state = createState(tree, options, handlers, {
    // A redline keeps deleted and inserted headings side by side, so the tree's numbers cannot be
    // Word's; Word numbers each version right once the changes are accepted or rejected.
    wordHeadingNumbers: redline !== undefined || wordNumbersMatch(tree),
    keepWithNext,
  });
  const cover = redline?.cover ? state.all(redline.cover, { listLevel: 0 }) : [];
  const body = [
    ...cover,
    ...titleBlock(tree, state),
    ...state.all(tree.children, { listLevel: 0 }),
  ];
  if (options.copyLabel && !state.copyLabelWritten) {
    body.push(copyLabel(state, { listLevel: 0 }, options.copyLabel));
  }
  if (body.at(-1) instanceof Table) {
    // The body ends with a paragraph, as in every file Word writes (it adds one after a closing
    // table): LibreOffice 25.2 never finishes exporting a .docx that ends with a table as text
    // (`--convert-to txt` writes an endless temporary file). One point high, so that it cannot
    // push anything onto a page of its own.
    body.push(
      new Paragraph({
        spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
        children: [],
      }),
    );
  }
  const document = new Document({
    fonts: embeddedFonts(),
    styles: styles(),
    numbering: numbering(),
    sections: [
      {
        properties: pageProperties(),
        headers: {
          default: header(
            tree.meta,
            redline?.header && {
              title: state.inlines(redline.header.title, {}),
              diarienummer: state.inlines(redline.header.diarienummer, {}),
            },
          ),
        },
        footers: { default: footer(options.fingerprint) },
        children: body,
      },
    ],
  });
  return { document, state };
}

import type { Hash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import type { DocumentTree } from "../../document/types.js";
import { Recent } from "../../recent.js";
import { CopyTemplate } from "./copies.js";
import {
  addAttachments,
  addOutline,
  addSignatureFields,
  documentId,
  documentIdStart,
  setDocumentId,
} from "./document.js";
import {
  type Characters,
  charactersByFace,
  type DrawnPages,
  drawPages,
  withCharacters,
} from "./draw.js";
import { compressWithZlib } from "./flate.js";
import { copyLabelBox, layoutDocument, withCopyLabel } from "./layout.js";
import { addOutputIntent, addXmpMetadata, metaDate, setInfo } from "./pdfa.js";
import { addStructureTree } from "./tags.js";
import type { DocumentLayout, PdfOptions } from "./types.js";

/**
 * Renders a document tree to a PDF contract: lays it out (`layoutDocument`), then draws it, as
 * PDF/A-3b (or, with `pdfa: "2b"`, PDF/A-2b without the attachments) and tagged PDF/UA-1.
 * The same tree and options give the same bytes, in any time zone.
 *
 * The PDF of a document signed on paper, without a copy label, is kept for a while
 * (`drawnDocuments`): the document's signing copies with the same options are written from it
 * (`renderPdfCopies`).
 */
export async function renderPdf(tree: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  const idStart = documentIdStart(tree);
  const layout = layoutDocument(tree, options);
  const chars = charactersByFace(layout);
  const { doc, drawn } = await drawPdf(tree, layout, options, { idStart, chars });
  if (!keepsFor(tree, options) || drawn.pages.length === 0) return doc.save(saveOptions);
  const { pdf, template } = await CopyTemplate.save(doc, drawn, false);
  drawnDocuments.set(drawnKey(idStart, options), { template, chars, key: charactersKey(chars) });
  return pdf;
}

/**
 * Whether a PDF is kept to write signing copies from: one without a copy label or signature
 * fields of a document signed on paper (its copies are drawn with the same options and a label;
 * one signed electronically has none, its one PDF has signature fields).
 */
const keepsFor = (tree: DocumentTree, options: PdfOptions): boolean =>
  !options.copyLabel &&
  !options.signatureFields &&
  tree.signing.mode === "papper" &&
  tree.signing.parties.length > 0;

/** A classic cross-reference table (no object streams): every reader and signer takes it. */
const saveOptions = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY };

/** A PDF drawn without a copy label, kept to write the document's signing copies from. */
interface DrawnDocument {
  template: CopyTemplate;
  /** The characters its fonts hold, and their `charactersKey`. */
  chars: Characters;
  key: string;
}

/**
 * The PDFs drawn last without a copy label, by `drawnKey`: the build renders a document's PDF
 * and then its signing copies with the same options.
 */
const drawnDocuments = new Recent<string, DrawnDocument>(4);

/**
 * What a PDF is drawn from, but for the copy label: the /ID it would have without a label, which
 * hashes the tree and every option (`documentId`).
 */
const drawnKey = (idStart: Hash, options: PdfOptions): string =>
  documentId({ ...options, copyLabel: undefined }, idStart);

/**
 * The signing copies of a document, one per label, each byte for byte the PDF
 * `renderPdf(tree, { ...options, copyLabel: label })` gives. They are written from the document's
 * PDF drawn last with the same options (`renderPdf`, kept as a `CopyTemplate`): a copy is that
 * PDF with its label added to every page and its own /ID; where the label adds characters to a
 * face, with that face embedded again and the pages drawn again with it, once for all the copies
 * with the same characters. Without that PDF, the copies are laid out once (`withCopyLabel` adds
 * the label to every page), the first of each set of characters drawn in full and the others
 * written from it.
 */
export async function renderPdfCopies(
  tree: DocumentTree,
  options: Omit<PdfOptions, "copyLabel">,
  labels: readonly string[],
): Promise<Uint8Array[]> {
  const { copyLabel: _, ...base } = options as PdfOptions;
  const idStart = documentIdStart(tree);
  const drawn = drawnDocuments.get(drawnKey(idStart, base));
  let layout: DocumentLayout | undefined;
  const laidOut = (): DocumentLayout => {
    layout ??= layoutDocument(tree, base);
    return layout;
  };
  const documentChars = drawn?.chars ?? charactersByFace(laidOut());
  const copies = labels.map((label) => {
    const box = copyLabelBox(label);
    const chars = withCharacters(documentChars, [box]);
    return { label, box, chars, key: charactersKey(chars) };
  });
  const left = new Map<string, number>();
  for (const { key } of copies) left.set(key, (left.get(key) ?? 0) + 1);
  // The template of each set of characters, or null where there is none to take.
  const templates = new Map<string, CopyTemplate | null>();
  if (drawn) templates.set(drawn.key, drawn.template);
  const templateFor = async (key: string, chars: Characters) => {
    if (!templates.has(key))
      templates.set(key, (await drawn?.template.withCharacters(chars)) ?? null);
    return templates.get(key) ?? undefined;
  };
  const pdfs: Uint8Array[] = [];
  for (const { label, box, chars, key } of copies) {
    const copyOptions = { ...base, copyLabel: label };
    const rest = (left.get(key) ?? 0) - 1;
    left.set(key, rest);
    const template = await templateFor(key, chars);
    if (template?.fits(box)) {
      pdfs.push(await template.draw(box, documentId(copyOptions, idStart)));
      continue;
    }
    const copy = withCopyLabel(laidOut(), label);
    const { doc, drawn: copyDrawn } = await drawPdf(tree, copy, copyOptions, { idStart, chars });
    if (rest > 0 && copyDrawn.pages.length > 0 && !template) {
      const saved = await CopyTemplate.save(doc, copyDrawn, true);
      templates.set(key, saved.template);
      pdfs.push(saved.pdf);
    } else {
      pdfs.push(await doc.save(saveOptions));
    }
  }
  return pdfs;
}

/** One string for a set of characters by face (equal sets, equal strings). */
const charactersKey = (chars: Characters): string =>
  JSON.stringify([...chars].map(([face, set]) => [face, [...set].sort().join("")]));

/** Draws a laid-out document as the PDF `options` ask for, not yet saved. */
async function drawPdf(
  tree: DocumentTree,
  layout: DocumentLayout,
  options: PdfOptions,
  /** What the copies of a document share, worked out once for all of them. */
  shared: { idStart: Hash; chars?: Characters },
): Promise<{ doc: PDFDocument; drawn: DrawnPages }> {
  const level = options.pdfa ?? "3b";
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithZlib(doc.context);
  const drawn = await drawPages(doc, layout, shared.chars);
  setInfo(doc, tree.meta);
  addXmpMetadata(doc, tree.meta, level);
  addOutputIntent(doc);
  addOutline(doc, layout.outline);
  const widgets = options.signatureFields
    ? addSignatureFields(
        doc,
        layout.signatures,
        new Map(tree.signing.parties.map((p) => [p.id, p.name])),
      )
    : undefined;
  addStructureTree(doc, layout.structure, drawn.marked, widgets);
  if (level === "3b" && options.attachments?.length) {
    await addAttachments(doc, options.attachments, metaDate(tree.meta.date));
  }
  setDocumentId(doc.context, documentId({ ...options, pdfa: level }, shared.idStart));
  return { doc, drawn };
}

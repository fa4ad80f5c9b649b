import type { Hash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import type { DocumentTree } from "../../document/types.js";
import {
  addAttachments,
  addOutline,
  addSignatureFields,
  documentIdStart,
  setDocumentId,
} from "./document.js";
import { type Characters, charactersByFace, drawPages, withCharacters } from "./draw.js";
import { compressWithZlib } from "./flate.js";
import { copyLabelBox, layoutDocument, withCopyLabel } from "./layout.js";
import { addOutputIntent, addXmpMetadata, metaDate, setInfo } from "./pdfa.js";
import { addStructureTree } from "./tags.js";
import type { DocumentLayout, PdfOptions } from "./types.js";

/**
 * Renders a document tree to a PDF contract: lays it out (`layoutDocument`), then draws it, as
 * PDF/A-3b (or, with `pdfa: "2b"`, PDF/A-2b without the attachments) and tagged PDF/UA-1.
 * The same tree and options give the same bytes, in any time zone.
 */
export async function renderPdf(tree: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  return drawPdf(tree, layoutDocument(tree, options), options);
}

/**
 * The signing copies of a document, one per label, laid out once: each copy is the document's
 * layout with its label added (`withCopyLabel`), drawn on its own; the characters of the pages
 * (for the font subsets) are collected and the tree's part of the /ID hashed once. Each PDF is
 * byte for byte the one `renderPdf(tree, { ...options, copyLabel: label })` gives.
 */
export async function renderPdfCopies(
  tree: DocumentTree,
  options: Omit<PdfOptions, "copyLabel">,
  labels: readonly string[],
): Promise<Uint8Array[]> {
  const { copyLabel: _, ...base } = options as PdfOptions;
  const layout = layoutDocument(tree, base);
  const shared = { idStart: documentIdStart(tree), chars: charactersByFace(layout) };
  const pdfs: Uint8Array[] = [];
  for (const label of labels) {
    const copy = withCopyLabel(layout, label);
    const chars = withCharacters(shared.chars, [copyLabelBox(label)]);
    pdfs.push(await drawPdf(tree, copy, { ...base, copyLabel: label }, { ...shared, chars }));
  }
  return pdfs;
}

/** Draws a laid-out document as the PDF `options` ask for. */
async function drawPdf(
  tree: DocumentTree,
  layout: DocumentLayout,
  options: PdfOptions,
  /** What the copies of a document share, worked out once for all of them. */
  shared?: { idStart: Hash; chars: Characters },
): Promise<Uint8Array> {
  const level = options.pdfa ?? "3b";
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithZlib(doc.context);
  const marked = await drawPages(doc, layout, shared?.chars);
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
  addStructureTree(doc, layout.structure, marked, widgets);
  if (level === "3b" && options.attachments?.length) {
    await addAttachments(doc, options.attachments, metaDate(tree.meta.date));
  }
  setDocumentId(doc, tree, { ...options, pdfa: level }, shared?.idStart);
  // A classic cross-reference table (no object streams): every reader and signer takes it.
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

import type { Hash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import type { DocumentTree } from "../../document/types.js";
import { CopyTemplate } from "./copies.js";
import {
  addAttachments,
  addOutline,
  addSignatureFields,
  documentIdStart,
  setDocumentId,
} from "./document.js";
import {
  type Characters,
  charactersByFace,
  type DrawnPage,
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
 */
export async function renderPdf(tree: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  const { doc } = await drawPdf(tree, layoutDocument(tree, options), options);
  return doc.save(saveOptions);
}

/** A classic cross-reference table (no object streams): every reader and signer takes it. */
const saveOptions = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY };

/**
 * The signing copies of a document, one per label, laid out once: each copy is the document's
 * layout with its label added (`withCopyLabel`); the characters of the pages (for the font
 * subsets) are collected and the tree's part of the /ID hashed once. The first copy of each set
 * of characters is drawn in full; the others with the same characters (as a rule all of them)
 * are written from it (`CopyTemplate`), with only their pages' contents and /ID their own. Each
 * PDF is byte for byte the one `renderPdf(tree, { ...options, copyLabel: label })` gives.
 */
export async function renderPdfCopies(
  tree: DocumentTree,
  options: Omit<PdfOptions, "copyLabel">,
  labels: readonly string[],
): Promise<Uint8Array[]> {
  const { copyLabel: _, ...base } = options as PdfOptions;
  const layout = layoutDocument(tree, base);
  const idStart = documentIdStart(tree);
  const documentChars = charactersByFace(layout);
  const copies = labels.map((label) => {
    const box = copyLabelBox(label);
    const chars = withCharacters(documentChars, [box]);
    return { label, box, chars, key: charactersKey(chars) };
  });
  const left = new Map<string, number>();
  for (const { key } of copies) left.set(key, (left.get(key) ?? 0) + 1);
  const templates = new Map<string, CopyTemplate>();
  const pdfs: Uint8Array[] = [];
  for (const { label, box, chars, key } of copies) {
    const copyOptions = { ...base, copyLabel: label };
    const rest = (left.get(key) ?? 0) - 1;
    left.set(key, rest);
    const template = templates.get(key);
    if (template) {
      pdfs.push(await template.draw(box, (doc) => setDocumentId(doc, tree, copyOptions, idStart)));
      continue;
    }
    const copy = withCopyLabel(layout, label);
    const { doc, pages } = await drawPdf(tree, copy, copyOptions, { idStart, chars });
    if (rest > 0 && pages.length > 0) {
      const saved = await CopyTemplate.save(doc, pages);
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
  shared?: { idStart: Hash; chars: Characters },
): Promise<{ doc: PDFDocument; pages: DrawnPage[] }> {
  const level = options.pdfa ?? "3b";
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithZlib(doc.context);
  const { marked, pages } = await drawPages(doc, layout, shared?.chars);
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
  return { doc, pages };
}

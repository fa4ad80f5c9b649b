import { PDFDocument } from "pdf-lib";
import type { DocumentTree } from "../../../document/types.js";
import {
  addAttachments,
  addOutline,
  addSignatureFields,
  metaDate,
  setDocumentId,
  setMetadata,
} from "./document.js";
import { drawPages } from "./draw.js";
import { compressWithZlib } from "./flate.js";
import { layoutDocument } from "./layout.js";
import type { PdfOptions } from "./types.js";

/**
 * Renders a document tree to a PDF contract: lays it out (`layoutDocument`), then draws it.
 * The same tree and options give the same bytes, in any time zone.
 */
export async function renderPdf(tree: DocumentTree, options: PdfOptions = {}): Promise<Uint8Array> {
  const layout = layoutDocument(tree, options);
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithZlib(doc.context);
  await drawPages(doc, layout);
  setMetadata(doc, tree.meta);
  addOutline(doc, layout.outline);
  if (options.signatureFields) addSignatureFields(doc, layout.signatures);
  if (options.attachments?.length) {
    await addAttachments(doc, options.attachments, metaDate(tree.meta.date));
  }
  setDocumentId(doc, tree, options);
  // A classic cross-reference table (no object streams): every reader and signer takes it.
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

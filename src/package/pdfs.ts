/**
 * A document's PDF files: its PDF, its signing copies, and the characters the PDF fonts cannot
 * draw (for the build's warnings). Rendered in the build's own process, or meanwhile in the PDF
 * helper process (src/helper/) with this same function, so the bytes are the same either way.
 *
 * This module imports only the PDF renderer and the copies, so the helper process starts without
 * the rest of the pipeline.
 */
import { basename } from "node:path";
import { documentText } from "../document/text.js";
import type { DocumentTree } from "../document/types.js";
import type { SourceFile } from "../load/source.js";
import type { PdfALevel } from "../render/pdf/levels.js";
import type { PdfAttachment } from "../render/pdf/types.js";
import type { RenderedCopies } from "./copies.js";
import { contentFingerprint } from "./fingerprint.js";

/** What a document's PDF files are rendered from: plain data, so it can go to another process. */
export interface PdfRequest {
  tree: DocumentTree;
  /** The YAML sources the document is built from, embedded in its PDFs. */
  attachments: PdfAttachment[];
  pdfa: PdfALevel;
  /** Render the document's own PDF (format `pdf`). */
  pdf: boolean;
  /** Render its signing copies (format `exemplar`). */
  copies: boolean;
}

export interface PdfFiles {
  pdf?: Uint8Array;
  copies?: RenderedCopies;
  /** The characters of the text the PDF fonts have no glyph for (`missingGlyphs`). */
  missing: string[];
}

/** The YAML files a document is built from, as its PDFs embed them. */
export const pdfAttachments = (files: readonly SourceFile[]): PdfAttachment[] =>
  files.map((f) => ({
    name: basename(f.path),
    data: f.bytes,
    description: "Källfil (YAML) som dokumentet är byggt från",
  }));

/** Renders the PDF files `request` asks for. */
export async function renderPdfFiles(request: PdfRequest): Promise<PdfFiles> {
  const { renderPdf, renderPdfCopies, missingGlyphs } = await import("../render/pdf/index.js");
  const { renderCopies } = await import("./copies.js");
  const { tree, attachments, pdfa } = request;
  const content = contentFingerprint(tree);
  const files: PdfFiles = { missing: missingGlyphs(documentText(tree)) };
  if (request.pdf) {
    files.pdf = await renderPdf(tree, { attachments, fingerprint: content.fingerprint, pdfa });
  }
  if (request.copies) {
    files.copies = await renderCopies(
      tree,
      renderPdf,
      { attachments, pdfa },
      renderPdfCopies,
      content,
    );
  }
  return files;
}

/**
 * PDF renderer: typesets a document tree as an A4 contract with pdf-lib.
 *
 * `layoutDocument` is the pure layout (pages of positioned boxes, testable without a PDF);
 * `renderPdf` lays out and draws.
 */
export { missingGlyphs } from "./fonts.js";
export { layoutDocument, withCopyLabel } from "./layout.js";
export { PDFA_LEVELS, type PdfALevel } from "./levels.js";
export { renderPdf, renderPdfCopies } from "./render.js";
export { page, textArea } from "./style.js";
export type {
  Box,
  DocumentLayout,
  FillBox,
  OutlineEntry,
  PageLayout,
  PdfAttachment,
  PdfOptions,
  RuleBox,
  SignatureSlot,
  StructElement,
  StructType,
  TextBox,
  TextRole,
} from "./types.js";

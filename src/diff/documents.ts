/** The document trees of an agreement, built exactly as `iop build` builds them. */
import type { Diagnostic } from "../diagnostics.js";
import type { DocumentTree } from "../document/types.js";
import type { Agreement } from "../model.js";
import { buildDocuments } from "../pipeline.js";

export function documentsOf(agreement: Agreement): {
  documents: DocumentTree[];
  diagnostics: Diagnostic[];
} {
  const { documents, diagnostics } = buildDocuments(agreement);
  return { documents: documents.map((d) => d.tree), diagnostics };
}

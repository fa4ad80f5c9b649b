/** The document trees of an agreement (compose, then build), as `iop build` makes them. */
import { composeAgreement } from "../compose/index.js";
import type { Diagnostic } from "../diagnostics.js";
import { buildDocument } from "../document/index.js";
import type { DocumentTree } from "../document/types.js";
import type { Agreement } from "../model.js";

export function documentsOf(agreement: Agreement): {
  documents: DocumentTree[];
  diagnostics: Diagnostic[];
} {
  const composed = composeAgreement(agreement);
  const built = composed.documents.map((doc) => buildDocument(doc));
  return {
    documents: built.map((b) => b.tree),
    diagnostics: [...composed.diagnostics, ...built.flatMap((b) => b.diagnostics)],
  };
}

import { composeAgreement } from "../compose/index.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Agreement } from "../model.js";
import { buildDocument } from "./build.js";

/**
 * The problems only composing and building the documents can find, for `iop check`: data a
 * clause needs but the YAML lacks, unknown bodies or parties in `parametrar`, and broken
 * `:avsnitt[id]` / `:part[id]` references, each at its YAML file:line:col.
 */
export function checkDocuments(agreement: Agreement): Diagnostic[] {
  const { documents, diagnostics } = composeAgreement(agreement);
  return [...diagnostics, ...documents.flatMap((doc) => buildDocument(doc).diagnostics)];
}

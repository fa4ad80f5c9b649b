import type { Diagnostic } from "../diagnostics.js";
import type { DocumentMeta, DocumentTree } from "../document/types.js";

/** One composed document: the agreement or one bilaga, as Markdown plus what the tree needs. */
export interface ComposedDocument {
  /** Output base name: "overenskommelse" or "bilaga-N". */
  name: "overenskommelse" | `bilaga-${number}`;
  kind: DocumentTree["kind"];
  /** The document in iop Markdown (see src/compose/README.md). */
  markdown: string;
  meta: DocumentMeta;
  signing: DocumentTree["signing"];
  /** Every party of the agreement (id and name), to resolve `:part[id]`. */
  parties: { id: string; name: string }[];
  /** Path of the YAML file the document was composed from, as shown in diagnostics. */
  source: string;
}

export interface ComposeResult {
  /** One per document, the agreement first, then the bilagor by number. */
  documents: ComposedDocument[];
  /** Problems found while composing (missing data a clause needs, bad parameters). */
  diagnostics: Diagnostic[];
}

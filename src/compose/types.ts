import type { Diagnostic } from "../diagnostics.js";
import type { DocumentMeta, DocumentTree } from "../document/types.js";
import type { SourceFile } from "../load/source.js";

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
  /**
   * The YAML files whose text the document holds (its own file first, then the agreement's), so
   * that the document stage can point a broken reference at its line. Absent when the Markdown
   * did not come from compose.
   */
  files?: readonly SourceFile[];
}

export interface ComposeResult {
  /** One per document, the agreement first, then the bilagor by number. */
  documents: ComposedDocument[];
  /** Problems found while composing (missing data a clause needs, bad parameters). */
  diagnostics: Diagnostic[];
}

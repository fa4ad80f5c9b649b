/**
 * The document tree: the one representation every renderer (Markdown, Word, PDF, HTML) and the
 * diff walk. It is built from the composed Markdown (see `document/build.ts`) and carries what the
 * renderers need and nothing they would have to recompute: section numbers are final, references
 * are resolved to text, derived text is already written out.
 *
 * Renderers dispatch on `type` with one small handler per node kind.
 */

/** A change mark used by redlines (`iop diff`); ordinary documents carry none. */
export type ChangeKind = "ins" | "del";

export interface TextNode {
  type: "text";
  value: string;
}
export interface StrongNode {
  type: "strong";
  children: Inline[];
}
export interface EmphasisNode {
  type: "emphasis";
  children: Inline[];
}
/** A hard line break inside a paragraph. */
export interface BreakNode {
  type: "break";
}
/** Inserted or deleted inline content in a redline. */
export interface ChangeNode {
  type: "change";
  kind: ChangeKind;
  children: Inline[];
}
export type Inline = TextNode | StrongNode | EmphasisNode | BreakNode | ChangeNode;

interface BlockBase {
  /** Set on whole blocks that a redline inserts or deletes. */
  change?: ChangeKind;
}

/** A section heading. `number` is final ("3", "3.1"); depth 1–3. */
export interface HeadingNode extends BlockBase {
  type: "heading";
  depth: 1 | 2 | 3;
  /**
   * "" for an unnumbered section (`numrerad: false`, and every section under one): renderers show
   * no number, and it still belongs in the outline at its depth.
   */
  number: string;
  /** The section id from the YAML, when it has one (stable across versions, used by the diff). */
  id?: string;
  children: Inline[];
}
export interface ParagraphNode extends BlockBase {
  type: "paragraph";
  children: Inline[];
}
export interface ListNode extends BlockBase {
  type: "list";
  ordered: boolean;
  /** Each item is a sequence of blocks (usually one paragraph, possibly a nested list). */
  items: Block[][];
}
export type Align = "left" | "right" | "center";
export interface TableNode extends BlockBase {
  type: "table";
  /** Alignment per column; amounts are right-aligned. */
  align: Align[];
  /** Header row (repeated when a table continues on the next page). */
  header: Inline[][];
  /** Body rows, cells of inline content. */
  rows: Inline[][][];
  /** The total row ("Summa"), rendered bold, when the table has one. */
  total?: Inline[][];
  /**
   * Redlines only: per body row, whether a redline inserted or deleted it (aligned with `rows`;
   * null for a row that is in both versions).
   */
  rowChanges?: (ChangeKind | null)[];
}
/** One party's signature block; kept together on one page. */
export interface SignatureBlock {
  /** Party id from the YAML (names the PDF signature field). */
  partyId: string;
  /** "För <party>" is written by the renderer from this name. */
  party: string;
  /** Signatory name and title; null where the source lacks them (the line stays empty). */
  name: string | null;
  title: string | null;
  /** Place for the "<ort> den ____________" line; null when unknown. */
  place: string | null;
  /** Year printed on the date line, when the agreement states it. */
  year?: number;
}
export interface SignaturesNode extends BlockBase {
  type: "signatures";
  blocks: SignatureBlock[];
}
export type Block = HeadingNode | ParagraphNode | ListNode | TableNode | SignaturesNode;

export interface DocumentMeta {
  /** Document title (first page and page header). */
  title: string;
  subtitle?: string;
  diarienummer: string;
  /** The public party, used as author. */
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date (YYYY-MM-DD) of the version, when known; used for created/modified. */
  date?: string;
  language: "sv-SE";
}

export interface DocumentTree {
  type: "document";
  kind: "overenskommelse" | "bilaga";
  /** Output base name, e.g. "overenskommelse" or "bilaga-1". */
  name: string;
  meta: DocumentMeta;
  signing: {
    mode: "papper" | "elektronisk";
    /** Signing parties in signature order. */
    parties: { id: string; name: string }[];
  };
  children: Block[];
}

/**
 * The laid-out document: pages of positioned boxes, produced by the pure layout step and consumed by
 * the drawing step. Coordinates are points from the top-left corner of the page; a text box's `y`
 * is its baseline.
 */
import type { PdfALevel } from "./levels.js";
import type { Face, Gray } from "./style.js";

export interface PdfAttachment {
  /** File name shown by PDF readers, e.g. "overenskommelse.yaml". */
  name: string;
  data: Uint8Array;
  description?: string;
}

export interface PdfOptions {
  /**
   * The PDF/A level: "3b" (default) embeds `attachments` as associated files (/AF, relationship
   * /Source); "2b" leaves them out, as PDF/A-2 allows no embedded files other than PDF/A.
   */
  pdfa?: PdfALevel;
  /** Source files embedded as file attachments (/EmbeddedFiles). Default: none. */
  attachments?: PdfAttachment[];
  /**
   * Printed in every page footer (an artifact, not part of the text), e.g.
   * "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland", so a loose page can be traced to its
   * copy. Default: nothing.
   */
  copyLabel?: string;
  /** Short content fingerprint printed in every page footer. Default: nothing. */
  fingerprint?: string;
  /**
   * One empty signature form field (AcroForm /FT /Sig) per signature block, named after its
   * `partyId`, over the signature line. Default: false (paper signing needs none).
   */
  signatureFields?: boolean;
}

/**
 * What a text box is, for readers of the layout (tests, text extraction): `body` is the document's
 * own text (what `documentText` returns); everything else is added by the renderer: the running
 * `header` and `footer`, list `marker`s, `label`s (copy label, date lines), and the `repeat` of a
 * table's header row on a continuation page.
 */
export type TextRole = "body" | "header" | "footer" | "marker" | "label" | "repeat";

export interface TextBox {
  kind: "text";
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width. */
  width: number;
  text: string;
  face: Face;
  size: number;
  gray: Gray;
  role: TextRole;
  /** Redline marks: inserted text is underlined, deleted text struck through. */
  change?: "ins" | "del";
  /**
   * The structure element the text belongs to (tagged PDF). Text without one (running header and
   * footer, a repeated table header) is drawn as an artifact, as are all rules and fills.
   */
  tag?: StructElement;
}

/** Standard structure types (PDF 32000-1, 14.8.4) the renderer uses. */
export type StructType =
  | "Document"
  | "H1"
  | "H2"
  | "H3"
  | "H4"
  | "H5"
  | "H6"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Div"
  | "Form";

/**
 * A node of the document's logical structure, in reading order. An element holds either other
 * elements (`children`) or content: the text boxes tagged with it, or (a Form) the signature
 * field of `field`.
 */
export interface StructElement {
  type: StructType;
  children: StructElement[];
  /** A table header cell's scope (/A << /O /Table /Scope … >>). */
  scope?: "Column" | "Row";
  /** A list's numbering (/A << /O /List /ListNumbering … >>). */
  numbering?: "Decimal" | "Disc";
  /** Title of the element (/T), e.g. the party of a signature block. */
  title?: string;
  /** A Form element: the party id of the signature field it stands for. */
  field?: string;
}

export interface RuleBox {
  kind: "rule";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  gray: Gray;
}

export interface FillBox {
  kind: "fill";
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  gray: Gray;
}

export type Box = TextBox | RuleBox | FillBox;

export interface PageLayout {
  boxes: Box[];
}

/** A bookmark: a numbered heading and where it is. */
export interface OutlineEntry {
  title: string;
  depth: 1 | 2 | 3;
  /** Zero-based page index. */
  page: number;
  /** Top of the heading. */
  y: number;
}

/** Where a party signs: the area over its signature line. */
export interface SignatureSlot {
  partyId: string;
  page: number;
  /** Rectangle in PDF user space (origin bottom-left), as written into the widget's /Rect. */
  rect: { x: number; y: number; width: number; height: number };
}

export interface DocumentLayout {
  pages: PageLayout[];
  /** The logical structure: a Document element whose descendants tag the pages' text boxes. */
  structure: StructElement;
  outline: OutlineEntry[];
  signatures: SignatureSlot[];
}

/**
 * The laid-out document: pages of positioned boxes, produced by the pure layout step and consumed by
 * the drawing step. Coordinates are points from the top-left corner of the page; a text box's `y`
 * is its baseline.
 */
import type { Face, Gray } from "./style.js";

export interface PdfAttachment {
  /** File name shown by PDF readers, e.g. "overenskommelse.yaml". */
  name: string;
  data: Uint8Array;
  description?: string;
}

export interface PdfOptions {
  /** Source files embedded as file attachments (/EmbeddedFiles). Default: none. */
  attachments?: PdfAttachment[];
  /**
   * Printed on the signature page above the signature blocks, e.g.
   * "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland". Default: nothing.
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
  outline: OutlineEntry[];
  signatures: SignatureSlot[];
}

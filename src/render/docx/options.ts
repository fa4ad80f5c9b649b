/** Options of {@link renderDocx}. */
export interface DocxOptions {
  /**
   * A line printed on the signature page, naming this copy, e.g.
   * "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland".
   * Default: none, since a document that is not one of several originals has no copy to name.
   */
  copyLabel?: string;
  /**
   * The document's content fingerprint ("3f2a 91c0 77be"), printed in every page footer as in
   * the PDF ("Kontrollsumma 3f2a 91c0 77be"). Default: none.
   */
  fingerprint?: string;
  /**
   * Who made the tracked changes of a redline (`change` nodes and blocks) and when.
   * Default: author "iop diff" and no date: the diff does not know when the text changed, and an
   * invented date would make the output depend on the clock.
   */
  revision?: {
    author: string;
    /** ISO date (`2025-03-25`) or date-time (`2025-03-25T12:00:00Z`). */
    date?: string;
  };
}

export const DEFAULT_REVISION_AUTHOR = "iop diff";

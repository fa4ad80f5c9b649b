import type { Block, HeadingNode, Inline } from "../../document/types.js";

/** Where a moved block stands in a redline, and the name of its move (pairs `from` with `to`). */
export interface MovePlace {
  place: "from" | "to";
  name: string;
}

/**
 * What a redline (`iop diff`) adds to a document tree's change marks, for Word's own revision
 * markup: every part is optional, and a tree without it renders as before.
 */
export interface RedlineOptions {
  /** The title and subtitle with their changes, shown in the Title and Subtitle paragraphs. */
  title?: Inline[];
  subtitle?: Inline[];
  /** The page header's title and "Dnr …" with their changes. */
  header?: { title: Inline[]; diarienummer: Inline[] };
  /**
   * Blocks on a first page of their own before the title (the summary of the changes), not
   * tracked: they belong to neither version.
   */
  cover?: Block[];
  /**
   * Headings whose paragraph properties were different in the old version (another level, or
   * unnumbered), or whose number changed: their old level and whether they were numbered, written
   * as a tracked paragraph-property change (`w:pPrChange`), so that rejecting every change gives
   * the old numbers through Word's numbering and the renumbering is listed as a change.
   */
  previousHeadings?: ReadonlyMap<HeadingNode, { depth: 1 | 2 | 3; numbered: boolean }>;
  /**
   * Moved blocks (the top-level blocks of a moved section, on each side): their insertion or
   * deletion is written as `w:moveTo` / `w:moveFrom` with range marks named after the move;
   * changes inside a moved block (inline `change` nodes, blocks with their own `change`) stay
   * insertions and deletions within the move.
   */
  moves?: ReadonlyMap<Block, MovePlace>;
  /** More blocks to keep on the page of the next (a bilaga's title in a combined redline). */
  keepWithNext?: ReadonlySet<Block>;
  /**
   * Blocks that start a new document in a combined redline (a bilaga's title): the headings after
   * each are numbered from 1 again, in a list instance of their own.
   */
  restartNumbering?: ReadonlySet<Block>;
}

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
  /** Revision markup beyond insertions and deletions, for redlines. */
  redline?: RedlineOptions;
}

export const DEFAULT_REVISION_AUTHOR = "iop diff";

/**
 * Page geometry and type scale of the PDF contract, in PostScript points (1/72 inch), measured from
 * the top-left corner of the page (the drawing step flips y for PDF).
 *
 * A4 with 25 mm side margins gives a measure of about 75 characters of 10.5 pt DejaVu Sans, the
 * range that reads best; header and footer sit in the top and bottom margins.
 */

/** A font face; each is one embedded (subset) font. */
export type Face = "regular" | "bold" | "italic" | "boldItalic";

/** Grey level of ink: 0 is black, 1 is white. */
export type Gray = number;

const MM = 72 / 25.4;

export const page = {
  width: 595.28,
  height: 841.89,
  margin: { top: 25 * MM, bottom: 25 * MM, left: 25 * MM, right: 25 * MM },
} as const;

/** The text area: every line of body text lies inside it. */
export const textArea = {
  left: page.margin.left,
  right: page.width - page.margin.right,
  top: page.margin.top,
  bottom: page.height - page.margin.bottom,
  width: page.width - page.margin.left - page.margin.right,
  height: page.height - page.margin.top - page.margin.bottom,
} as const;

export interface TextStyle {
  face: Face;
  size: number;
  /** Baseline-to-baseline distance. */
  leading: number;
  gray: Gray;
}

export const style = {
  body: { face: "regular", size: 10.5, leading: 15, gray: 0 },
  title: { face: "bold", size: 17, leading: 21, gray: 0 },
  subtitle: { face: "regular", size: 12, leading: 16, gray: 0.2 },
  heading: {
    1: { face: "bold", size: 14, leading: 18, gray: 0 },
    2: { face: "bold", size: 12, leading: 16, gray: 0 },
    3: { face: "boldItalic", size: 10.5, leading: 15, gray: 0 },
  },
  /** Table text; the leading is a text table's (an amount table sets its lines closer: `table`). */
  table: { face: "regular", size: 9.5, leading: 13, gray: 0 },
  running: { face: "regular", size: 8, leading: 10, gray: 0.35 },
  label: { face: "italic", size: 9, leading: 12, gray: 0.3 },
} as const satisfies Record<string, TextStyle | Record<number, TextStyle>>;

/** Vertical spacing between blocks (the larger of one block's after and the next one's before). */
export const space = {
  paragraph: 7,
  headingBefore: { 1: 20, 2: 14, 3: 10 },
  headingAfter: { 1: 6, 2: 4, 3: 3 },
  subtitle: 6,
  titleAfter: 22,
  listItem: 3,
  list: 7,
  table: 10,
  signatureBlock: 22,
} as const;

/**
 * What poppler's layout analysis (pdftotext in its default mode, and the search and copy of PDF
 * viewers built on poppler) reads as one text, in ems of the font size: words on one baseline up
 * to `wordGap` apart are one line; lines of one font size up to `lineGap` apart (baseline to
 * baseline) that overlap horizontally are one block, read line by line. Text further apart falls
 * into separate blocks, which poppler orders as columns: everything in the left one first.
 */
export const reader = { wordGap: 0.7, lineGap: 1.5 } as const;

export const heading = {
  /**
   * Space between a heading's number and its text, in ems: an en space, well under
   * `reader.wordGap`, so number and text read as one line (a wider gap splits them into two
   * columns).
   */
  numberGap: 0.5,
} as const;

export const list = {
  /** Hanging indent of a bullet item. */
  bulletIndent: 16,
  /** Gap between an item's number and its text. */
  numberGap: 5,
  bullets: ["\u2022", "\u2013", "\u2022"],
} as const;

/** Cell padding and the leading of a table's lines (see the table handler for which is used). */
export interface TableGeometry {
  padX: number;
  padY: number;
  leading: number;
}

export const table = {
  /**
   * A table with amounts, as wide as its content, one block of text for poppler (see `reader`):
   * a column's text starts 2 × padX (under 0.7 em) after the widest line of the column before;
   * lines of neighbouring rows are leading + 2 × padY (under 1.5 em) apart.
   */
  compact: { padX: 3, padY: 0.75, leading: 12.5 } satisfies TableGeometry,
  /**
   * A table of text columns across the measure, every cell a block of its own for poppler: rows
   * leading + 2 × padY (over 1.5 em) apart, columns at least 2 × padX (over 1 em) apart.
   */
  grid: { padX: 5, padY: 3.5, leading: 13 } satisfies TableGeometry,
  rule: { width: 0.5, gray: 0.45 },
  /** The rule under the header row and over the total row. */
  strongRule: { width: 0.9, gray: 0.15 },
  headerFill: 0.9,
  totalFill: 0.95,
} as const;

export const signature = {
  /** Width of a signature block and its signature line. */
  width: 250,
  /** Room above the signature line for the handwritten signature: 26.1 mm (at least 25 mm). */
  room: 74,
  /** Room above the line for a handwritten name clarification (unnamed signatories): 9.2 mm. */
  nameRoom: 26,
  rule: { width: 0.6, gray: 0 },
  /** The signature field: its bottom just under the line, its top below the party's name. */
  field: { below: 2, height: 72 },
} as const;

/** Running header and footer: baselines measured from the top of the page. */
export const running = {
  /** The header's last line (the diarienummer); the title stands a leading above it. */
  headerBaseline: page.margin.top - 24,
  headerRule: page.margin.top - 18,
  footerRule: page.height - page.margin.bottom + 18,
  footerBaseline: page.height - page.margin.bottom + 30,
  rule: { width: 0.4, gray: 0.6 },
} as const;

/** Ascent and descent of DejaVu Sans as fractions of the font size. */
export const fontBox = { ascent: 1901 / 2048, descent: 483 / 2048 } as const;

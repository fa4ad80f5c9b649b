/**
 * Page geometry and typography shared by the handlers. Lengths are in twips (1/20 pt) and font
 * sizes in half-points, the units Word stores.
 */

/** A4 portrait. */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
/** 25 mm on every side. */
export const MARGIN = 1417;
/** Distance of header and footer from the page edge: 12.5 mm. */
export const HEADER_DISTANCE = 709;
/** Width of the text between the margins. */
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/**
 * DejaVu Sans, the typeface of the PDF (src/render/pdf/fonts.ts), so both formats look alike.
 * Few readers have it installed (Windows and macOS do not), so the .docx embeds its four faces
 * (`embeddedFonts` in render.ts, from the same npm package `dejavu-fonts-ttf` the PDF embeds
 * from); Word and LibreOffice use an embedded font.
 */
export const FONT = "DejaVu Sans";
/** 11 pt. */
export const BODY_SIZE = 22;
export const SMALL_SIZE = 18;
export const LANGUAGE = "sv-SE";
export const MUTED_COLOR = "595959";

/** Height of the text area: the page less the top and bottom margins. */
export const TEXT_HEIGHT = PAGE_HEIGHT - 2 * MARGIN;
/**
 * Height of one line of body text (11 pt DejaVu Sans at the document's 1.1 line spacing), an
 * upper bound; for estimates only.
 */
export const LINE_HEIGHT = 300;

/** Left and right padding of table cells (Word's default): 1.9 mm. */
export const CELL_MARGIN = 108;

/** Indentation step of list levels: 10 mm. */
export const LIST_INDENT = 567;
/** Hanging indent of a list number or bullet. */
export const LIST_HANGING = 340;
/** Hanging indent of a heading number (12.5 mm), so heading text lines up whatever its number. */
export const HEADING_HANGING = 709;

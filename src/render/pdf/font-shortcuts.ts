/**
 * Three shortcuts on a parsed font (fontkit 1.1.1, pinned in package.json) that give what fontkit
 * gives without decoding what iop never reads. Each replaces a step of a fresh process that
 * fontkit runs in JavaScript, one field at a time, before the code has warmed up:
 *
 * - `post`: pdf-lib reads the italic angle and the fixed-pitch flag, the table's first 32 bytes.
 *   fontkit decodes the whole table, with a name for each of DejaVu's 6 000 glyphs (about 13 ms
 *   per process). The header is read here and put where fontkit keeps the tables it has decoded;
 *   the rest of the table is fontkit's own decoding, done when something reads it.
 * - `postscriptName`: pdf-lib reads it when it embeds a font, which decodes the `name` table
 *   (about 3 ms). The face's name is known (`postScriptNames`).
 * - A subset's `_addGlyph`: fontkit decodes each glyph's whole outline (every point) only to
 *   learn whether it is made of other glyphs, whose numbers the subset must change (about 20 ms a
 *   process). A simple glyph is copied as the bytes it is; the glyph's count of contours, its
 *   first two bytes, tells which it is. Composite glyphs and variable fonts take fontkit's way.
 *
 * They change when fontkit decodes, never what it gives: test/render/pdf/font-shortcuts.test.ts
 * compares the tables, the name and subsets of thousands of glyphs with fontkit's own, byte for
 * byte, and every PDF is compared with the build before them. A fontkit upgrade that moves these
 * internals fails that test.
 */
import type fontkit from "@pdf-lib/fontkit";

/** A table's entry in the font's directory. */
interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

/** The parts of fontkit's TTFFont the shortcuts read (internal, as of 1.1.1). */
interface FontInternals {
  directory: { tables: Record<string, TableEntry | undefined> };
  /** The tables decoded so far, by tag: what the font's table properties give. */
  _tables: Record<string, unknown>;
  _decodeTable(table: TableEntry): unknown;
  loca: { offsets: ArrayLike<number> };
  _variationProcessor: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  getGlyph(id: number): fontkit.Glyph & { _getMetrics(): { leftBearing: number } };
  createSubset(): SubsetInternals;
}

/** The parts of fontkit's TTFSubset `_addGlyph` uses (internal, as of 1.1.1). */
interface SubsetInternals {
  font: FontInternals;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(id: number): number;
}

/** The fields every version of the `post` table starts with (OpenType `post`, 32 bytes). */
function postHeader(bytes: Uint8Array, offset: number): Record<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 32);
  const fixed = (at: number): number => view.getInt32(at) / 65536;
  return {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
}

/** The fields of the `post` table after its header, in the versions that have them. */
const POST_REST = ["numberOfGlyphs", "glyphNameIndex", "names", "offsets", "map"];

/**
 * Sets the shortcuts on a font fontkit has just parsed from `bytes`, whose PostScript name is
 * `postScriptName` when the caller knows it.
 */
export function addShortcuts(
  parsed: fontkit.Font,
  bytes: Uint8Array,
  postScriptName: string | undefined,
): void {
  const font = parsed as unknown as FontInternals;
  const post = font.directory.tables.post;
  if (post && post.length >= 32 && !("post" in font._tables)) {
    let whole: Record<string, unknown> | undefined;
    const full = (): Record<string, unknown> =>
      (whole ??= font._decodeTable(post) as Record<string, unknown>);
    const header: Record<string, unknown> = postHeader(bytes, post.offset);
    for (const key of POST_REST) Object.defineProperty(header, key, { get: () => full()[key] });
    font._tables.post = header;
  }
  if (postScriptName !== undefined) {
    Object.defineProperty(font, "postscriptName", { value: postScriptName });
  }
  // A TrueType font (its subsets are TTFSubsets), not a variable one.
  if (font.directory.tables.glyf && !font.directory.tables["CFF "] && !font._variationProcessor) {
    const createSubset = font.createSubset.bind(font);
    Object.defineProperty(font, "createSubset", {
      value: () => {
        const subset = createSubset();
        subset._addGlyph = addGlyph.bind(subset, subset._addGlyph);
        return subset;
      },
    });
  }
}

/**
 * fontkit's TTFSubset `_addGlyph` (adds glyph `id` and returns its number in the subset) without
 * decoding a simple glyph: its bytes, its place in `loca` and its metrics, as fontkit adds them.
 */
function addGlyph(this: SubsetInternals, own: (id: number) => number, id: number): number {
  const font = this.font;
  const start = font.loca.offsets[id] as number;
  const length = (font.loca.offsets[id + 1] as number) - start;
  const stream = font._getTableStream("glyf");
  if (!stream) return own.call(this, id);
  stream.pos += start;
  const bytes = stream.readBuffer(length);
  // numberOfContours, an int16: negative for a composite glyph (an empty glyph has no bytes).
  if (length >= 2 && (bytes[0] as number) & 0x80) return own.call(this, id);
  const glyph = font.getGlyph(id);
  this.glyf.push(bytes);
  this.loca.offsets.push(this.offset);
  this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
  this.offset += bytes.length;
  return this.glyf.length - 1;
}

/**
 * Four shortcuts on a parsed font (fontkit 1.1.1, pinned in package.json) that give what fontkit
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
 * - A subset's `encode`: fontkit writes the font program field by field, through its generic
 *   structure encoder (about 15 ms a process, most of it the hinting tables, which are the font's
 *   own bytes). `encodeSubset` writes the same bytes: the font's tables as they are, with the
 *   fields fontkit changes changed and the fields its encoder drops dropped.
 *
 * They change when fontkit decodes, never what it gives: test/render/pdf/font-shortcuts.test.ts
 * compares the table, the name and subsets of up to every glyph of each face with fontkit's own,
 * byte for byte, also for a font with the fields fontkit's encoder changes. A fontkit upgrade that
 * moves these internals fails that test.
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

/**
 * The stream fontkit encodes into (restructure's): its chunks must be of the Buffer class fontkit
 * bundles (a browser polyfill), the class of the stream's own buffer.
 */
interface EncodeStream {
  buffer: {
    constructor: { from(data: ArrayBufferLike, offset: number, length: number): Uint8Array };
  };
  writeBuffer(bytes: Uint8Array): void;
}

/** The parts of fontkit's TTFSubset its `_addGlyph` and `encode` use (internal, as of 1.1.1). */
interface SubsetInternals {
  font: FontInternals;
  /** The glyphs of the subset, by their number in it (the font's glyph ids). */
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  _addGlyph(id: number): number;
  encode(stream: EncodeStream): void;
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
        subset.encode = (stream) => {
          const file = encodeSubset(subset, bytes);
          const { from } = stream.buffer.constructor;
          stream.writeBuffer(
            from.call(stream.buffer.constructor, file.buffer, file.byteOffset, file.length),
          );
        };
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

/**
 * The font program of a subset, byte for byte as fontkit's TTFSubset `encode` writes it from the
 * font's `bytes`: its glyphs added (`_addGlyph`), then a table directory (tag "true", checksums
 * 0) and the tables, in fontkit's order, one after the other, unpadded. fontkit decodes and
 * encodes head, hhea and maxp, which gives their bytes with `indexToLocFormat`,
 * `numberOfMetrics` and `numGlyphs` set, the reserved words of hhea as zeros and only the 7 named
 * bits of `macStyle`; the hinting tables (cvt, prep, fpgm) come back as they are (cvt in whole
 * 16-bit values: one of an odd length takes the next byte of the file with its last value).
 */
function encodeSubset(subset: SubsetInternals, bytes: Uint8Array): Uint8Array {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [] };
  subset.hmtx = { metrics: [], bearings: [] };
  // Not a for-of: adding a composite glyph adds the glyphs it holds to the list.
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i] as number);
  const offsets = [...subset.loca.offsets, subset.offset];
  const long = (offsets.at(-1) as number) > 0xffff;
  const metrics = subset.hmtx.metrics;
  const table = fontTable(subset.font, bytes);
  const tables: [string, Uint8Array | undefined][] = [
    [
      "head",
      table(
        "head",
        () => 54,
        (head) => {
          head.setUint16(44, head.getUint16(44) & 0x7f);
          head.setInt16(50, long ? 1 : 0);
        },
      ),
    ],
    [
      "hhea",
      table(
        "hhea",
        () => 36,
        (hhea) => {
          for (let at = 24; at < 32; at += 2) hhea.setInt16(at, 0);
          hhea.setUint16(34, metrics.length);
        },
      ),
    ],
    [
      "loca",
      written(offsets.length * (long ? 4 : 2), (loca) => {
        for (const [i, o] of offsets.entries()) {
          if (long) loca.setUint32(i * 4, o);
          else loca.setUint16(i * 2, o >>> 1);
        }
      }),
    ],
    [
      "maxp",
      table(
        "maxp",
        () => 32,
        (maxp) => maxp.setUint16(4, subset.glyf.length),
      ),
    ],
    ["cvt ", table("cvt ", (length) => (length + 1) & ~1)],
    ["prep", table("prep")],
    ["glyf", Buffer.concat(subset.glyf)],
    [
      "hmtx",
      written(metrics.length * 4, (hmtx) => {
        for (const [i, { advance, bearing }] of metrics.entries()) {
          hmtx.setUint16(i * 4, advance);
          hmtx.setInt16(i * 4 + 2, bearing);
        }
      }),
    ],
    ["fpgm", table("fpgm")],
  ];
  return directory(tables.filter((t): t is [string, Uint8Array] => t[1] !== undefined));
}

/** `size` bytes written through `write`. */
function written(size: number, write: (view: DataView) => void): Uint8Array {
  const view = new DataView(new ArrayBuffer(size));
  write(view);
  return new Uint8Array(view.buffer);
}

/**
 * A copy of a table of the font's `bytes` (the first `size(length)` bytes, changed by `edit`),
 * undefined when the font has no such table, as fontkit leaves it out.
 */
const fontTable =
  (font: FontInternals, bytes: Uint8Array) =>
  (
    tag: string,
    size = (length: number) => length,
    edit?: (view: DataView) => void,
  ): Uint8Array | undefined => {
    const entry = font.directory.tables[tag];
    if (!entry || entry.length === 0) return undefined;
    const table = bytes.slice(entry.offset, entry.offset + size(entry.length));
    edit?.(new DataView(table.buffer));
    return table;
  };

/** A TrueType file of `tables` as fontkit's Directory writes it: tag "true", checksums 0. */
function directory(tables: [string, Uint8Array][]): Uint8Array {
  const start = 12 + 16 * tables.length;
  const size = tables.reduce((sum, [, t]) => sum + t.length, start);
  const file = new Uint8Array(size);
  const view = new DataView(file.buffer);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  file.set(Buffer.from("true", "latin1"), 0);
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let at = start;
  tables.forEach(([tag, table], i) => {
    file.set(Buffer.from(tag, "latin1"), 12 + i * 16);
    view.setUint32(12 + i * 16 + 8, at);
    view.setUint32(12 + i * 16 + 12, table.length);
    file.set(table, at);
    at += table.length;
  });
  return file;
}

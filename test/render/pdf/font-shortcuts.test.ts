import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { fontBytes, postScriptNames } from "../../../src/render/pdf/font-files.js";
import { addShortcuts } from "../../../src/render/pdf/font-shortcuts.js";
import { fontkitCache } from "../../../src/render/pdf/fonts.js";
import type { Face } from "../../../src/render/pdf/style.js";

const FACES: Face[] = ["regular", "bold", "italic", "boldItalic"];

/** The face parsed by fontkit as it is, and with the shortcuts (each its own parse). */
function parse(face: Face, shortcuts: boolean): fontkit.Font {
  const font = fontkit.create(Buffer.from(fontBytes(face)));
  if (shortcuts) addShortcuts(font, fontBytes(face), postScriptNames[face]);
  return font;
}

type Emitter = { on(event: string, f: (x?: Uint8Array) => void): Emitter };
type Subset = {
  glyphs: number[];
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
  encodeStream(): Emitter;
};

/**
 * A subset of the glyphs `ids`, as pdf-lib writes it (`serializeFont`), and how many glyphs
 * fontkit's own `_addGlyph` added (decoding them).
 */
async function subset(
  font: fontkit.Font,
  ids: number[],
): Promise<{ bytes: Buffer; own: number; glyphs: number[] }> {
  const make = () => (font as unknown as { createSubset(): Subset }).createSubset();
  const prototype = Object.getPrototypeOf(make()) as Subset;
  const add = prototype._addGlyph;
  let own = 0;
  prototype._addGlyph = function (this: Subset, id: number) {
    own++;
    return add.call(this, id);
  };
  try {
    const s = make();
    for (const id of ids) s.includeGlyph(id);
    const parts: Uint8Array[] = [];
    await new Promise((resolve) =>
      s
        .encodeStream()
        .on("data", (b) => parts.push(b as Uint8Array))
        .on("end", resolve),
    );
    return { bytes: Buffer.concat(parts), own, glyphs: s.glyphs };
  } finally {
    prototype._addGlyph = add;
  }
}

/** The first glyph id whose data starts `bytes` or more into the font's glyf table. */
function firstPast(font: fontkit.Font, bytes: number): number {
  const offsets = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
  return offsets.findIndex((offset) => offset >= bytes);
}

/** Whether glyph `id` is a composite (its contour count, the glyph's first int16, negative). */
function composite(font: fontkit.Font, face: Face, id: number): boolean {
  const f = font as unknown as {
    loca: { offsets: number[] };
    directory: { tables: { glyf: { offset: number } } };
  };
  const start = f.loca.offsets[id] as number;
  if (f.loca.offsets[id + 1] === start) return false;
  return Buffer.from(fontBytes(face)).readInt16BE(f.directory.tables.glyf.offset + start) < 0;
}

describe("the font shortcuts (font-shortcuts.ts) give what fontkit gives", {
  timeout: 60_000,
}, () => {
  it("reads the post table's header as fontkit decodes it, and the rest through fontkit", () => {
    for (const face of FACES) {
      const theirs = parse(face, false) as unknown as { post: Record<string, unknown> };
      const ours = parse(face, true) as unknown as {
        post: Record<string, unknown>;
        _tables: object;
      };
      expect(Object.keys(ours.post).length).toBe(9);
      for (const key of Object.keys(ours.post)) expect(ours.post[key]).toEqual(theirs.post[key]);
      expect((ours as unknown as fontkit.Font).italicAngle).toBe(
        (theirs as unknown as fontkit.Font).italicAngle,
      );
      if (face.startsWith("italic") || face === "boldItalic") {
        expect(ours.post.italicAngle).not.toBe(0);
      }
      // Not decoded until read, then fontkit's own.
      expect(ours.post.glyphNameIndex).toEqual(theirs.post.glyphNameIndex);
      expect((ours.post.names as string[]).length).toBeGreaterThan(1000);
      expect(ours.post.names).toEqual(theirs.post.names);
    }
  });

  it("gives each face's PostScript name as fontkit reads it from the name table", () => {
    for (const face of FACES) {
      expect(parse(face, true).postscriptName).toBe(parse(face, false).postscriptName);
    }
  });

  it("writes subsets byte for byte as fontkit does, copying simple glyphs without decoding them", async () => {
    const text = [..."Överenskommelse – Brottsofferjouren, 650 000 kr (ÅÄÖ åäö é ü ß)"];
    for (const face of FACES) {
      const theirs = parse(face, false);
      const ours = parse(face, true);
      const count = theirs.numGlyphs;
      const composites = Array.from({ length: count }, (_, id) => id).filter((id) =>
        composite(theirs, face, id),
      );
      expect(composites.length).toBeGreaterThan(100);
      const sets: number[][] = [
        text.map((ch) => theirs.glyphForCodePoint(ch.codePointAt(0) as number).id),
        composites.slice(0, 40),
        Array.from({ length: 300 }, (_, i) => (i * 7919) % count),
        [0],
        // Glyph data past 64 KiB: long offsets in loca where the short ones (halved) would fit.
        Array.from({ length: firstPast(theirs, 0x18000) }, (_, id) => id),
        // Long enough for 32-bit offsets in loca.
        Array.from({ length: count }, (_, id) => id),
      ];
      for (const ids of sets) {
        const a = await subset(theirs, ids);
        const b = await subset(ours, ids);
        expect(b.bytes.equals(a.bytes)).toBe(true);
        // fontkit's own way for the composites only (with the glyphs they hold, and glyph 0).
        expect(a.own).toBe(a.glyphs.length);
        expect(b.own).toBe(b.glyphs.filter((id) => composite(theirs, face, id)).length);
      }
    }
  });

  it("writes what fontkit writes for the fields its encoder changes: reserved words, style bits", async () => {
    // A copy of the regular face with hhea's reserved words and macStyle's unnamed bits set...
    const bytes = Buffer.from(fontBytes("regular"));
    const tables = (
      fontkit.create(bytes) as unknown as {
        directory: { tables: Record<string, { offset: number }> };
      }
    ).directory.tables;
    bytes.fill(0x5a, (tables.hhea?.offset as number) + 24, (tables.hhea?.offset as number) + 32);
    bytes.writeUInt16BE(
      0xff80 | bytes.readUInt16BE((tables.head?.offset as number) + 44),
      (tables.head?.offset as number) + 44,
    );
    // ...and a cvt table of an odd length (its directory entry says one byte less).
    for (let entry = 12; entry < 12 + 16 * bytes.readUInt16BE(4); entry += 16) {
      if (bytes.toString("latin1", entry, entry + 4) === "cvt ") {
        bytes.writeUInt32BE(bytes.readUInt32BE(entry + 12) - 1, entry + 12);
      }
    }
    const theirs = fontkit.create(bytes);
    const ours = fontkit.create(bytes);
    addShortcuts(ours, new Uint8Array(bytes), undefined);
    const cvt = (theirs as unknown as Record<string, { controlValues: number[] }>)["cvt "];
    expect(cvt?.controlValues.length).toBe(255);
    const ids = Array.from({ length: 50 }, (_, i) => i * 3);
    expect((await subset(ours, ids)).bytes.equals((await subset(theirs, ids)).bytes)).toBe(true);
  });

  it("is what the renderer's fonts have", () => {
    const font = fontkitCache.create(fontBytes("bold")) as unknown as { _tables: object };
    expect(Object.getOwnPropertyNames(font)).toContain("createSubset");
    expect(Object.getOwnPropertyDescriptor(font, "postscriptName")?.value).toBe("DejaVuSans-Bold");
  });
});

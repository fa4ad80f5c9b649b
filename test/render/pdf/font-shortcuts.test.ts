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

/** Whether glyph `id` is a composite (its contour count, the glyph's first int16, negative). */
function composite(font: fontkit.Font, id: number): boolean {
  const f = font as unknown as {
    loca: { offsets: number[] };
    directory: { tables: { glyf: { offset: number } } };
  };
  const start = f.loca.offsets[id] as number;
  if (f.loca.offsets[id + 1] === start) return false;
  return Buffer.from(fontBytes("regular")).readInt16BE(f.directory.tables.glyf.offset + start) < 0;
}

describe("the font shortcuts (font-shortcuts.ts) give what fontkit gives", () => {
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
    const theirs = parse("regular", false);
    const ours = parse("regular", true);
    const count = theirs.numGlyphs;
    const composites = Array.from({ length: count }, (_, id) => id).filter((id) =>
      composite(theirs, id),
    );
    expect(composites.length).toBeGreaterThan(100);
    const text = [..."Överenskommelse – Brottsofferjouren, 650 000 kr (ÅÄÖ åäö é ü ß)"];
    const sets: number[][] = [
      text.map((ch) => theirs.glyphForCodePoint(ch.codePointAt(0) as number).id),
      composites.slice(0, 40),
      Array.from({ length: 300 }, (_, i) => (i * 7919) % count),
      [0],
      Array.from({ length: count }, (_, id) => id),
    ];
    for (const ids of sets) {
      const a = await subset(theirs, ids);
      const b = await subset(ours, ids);
      expect(b.bytes.equals(a.bytes)).toBe(true);
      // fontkit's own way for the composites only (with the glyphs they hold, and glyph 0).
      expect(a.own).toBe(a.glyphs.length);
      expect(b.own).toBe(b.glyphs.filter((id) => composite(theirs, id)).length);
    }
  });

  it("is what the renderer's fonts have", () => {
    const font = fontkitCache.create(fontBytes("bold")) as unknown as { _tables: object };
    expect(Object.getOwnPropertyNames(font)).toContain("createSubset");
    expect(Object.getOwnPropertyDescriptor(font, "postscriptName")?.value).toBe("DejaVuSans-Bold");
  });
});

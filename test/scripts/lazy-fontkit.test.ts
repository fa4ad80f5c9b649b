import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type fontkit from "@pdf-lib/fontkit";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { lazyFontkit } from "../../scripts/lazy-fontkit.mjs";

const require = createRequire(import.meta.url);
const fontkitPath = require.resolve("@pdf-lib/fontkit/dist/fontkit.umd.js");
const original = readFileSync(fontkitPath, "utf8");
const dir = mkdtempSync(join(tmpdir(), "iop-lazy-fontkit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** fontkit from `source`, loaded as the CommonJS module it is, with decodings counted. */
function load(source: string, name: string): { fontkit: typeof fontkit; decoded: () => number } {
  const counter = `__iopDecoded_${name}`;
  const g = globalThis as unknown as Record<string, number>;
  g[counter] = 0;
  // Every table fontkit decodes at load goes through pako's inflate or a UnicodeTrie.
  const counted = source
    .replaceAll("pako_1.inflate(", `(globalThis.${counter}++, pako_1.inflate)(`)
    .replaceAll("new unicodeTrie(", `new (globalThis.${counter}++, unicodeTrie)(`);
  const path = join(dir, `${name}.cjs`);
  writeFileSync(path, counted);
  return { fontkit: require(path), decoded: () => g[counter] as number };
}

const font = readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
/** Latin with ligatures, Arabic (joining), Devanagari (Indic shaper), Javanese (USE). */
const TEXTS = ["Hej på dig, ÅÄÖ åäö – fi ffl", "مرحبا بالعالم", "नमस्ते दुनिया", "ꦲꦤꦕꦫꦏ"];

describe("lazy-fontkit (the bundle's fontkit patch, scripts/lazy-fontkit.mjs)", () => {
  const lazy = load(lazyFontkit(original), "lazy");
  const eager = load(original, "eager");

  it("should decode none of the layout tables when fontkit loads (the unpatched one does)", () => {
    expect(eager.decoded()).toBeGreaterThan(0);
    expect(lazy.decoded()).toBe(0);
  });

  it("should lay out every script as the unpatched fontkit does, decoding the tables on first use", () => {
    for (const text of TEXTS) {
      const ours = lazy.fontkit.create(font).layout(text);
      const theirs = eager.fontkit.create(font).layout(text);
      expect(ours.glyphs.map((g) => g.id)).toEqual(theirs.glyphs.map((g) => g.id));
      expect(ours.positions).toEqual(theirs.positions);
    }
    expect(lazy.decoded()).toBeGreaterThan(0);
  });

  it("should make glyphs for Swedish text without the Unicode data, with fontkit's mark test", () => {
    const fresh = load(lazyFontkit(original), "marks");
    const ours = fresh.fontkit.create(font);
    /** fontkit's `isMark` of a glyph (not in its type declarations). */
    const mark = (glyph: fontkit.Glyph) => (glyph as fontkit.Glyph & { isMark: boolean }).isMark;
    for (const ch of "Överenskommelse – ”IOP” 650 000 € → ✓ § ½ ÅÄÖ åäö") {
      expect(mark(ours.glyphForCodePoint(ch.codePointAt(0) as number))).toBe(false);
    }
    expect(fresh.decoded()).toBe(0);
    // Every code point the patch answers without the data has no mark in it (fontkit's data,
    // read through glyphs of the unpatched fontkit, each a new glyph id)...
    const theirs = eager.fontkit.create(font);
    let id = 100_000;
    const isMark = (f: fontkit.Font, cp: number) => mark(f.getGlyph(id++, [cp]));
    const ranges = [
      [0, 0x300],
      [0x2000, 0x20d0],
      [0x2100, 0x2cef],
    ] as const;
    for (const [from, to] of ranges) {
      for (let cp = from; cp < to; cp++) expect(isMark(theirs, cp)).toBe(false);
    }
    // ...and around them, the patched fontkit answers as the unpatched one (with the data).
    const around = [0x300, 0x301, 0x36f, 0x1fff, 0x20d0, 0x20f0, 0x20ff, 0x2cef, 0x2cf1, 0xfe20];
    for (const cp of around) expect(isMark(ours, cp)).toBe(isMark(theirs, cp));
    expect(isMark(ours, 0x301)).toBe(true);
    expect(fresh.decoded()).toBeGreaterThan(0);
  });

  it("should refuse a fontkit whose text differs rather than ship it unpatched", () => {
    const changed = original.replace("var trie$1 = new unicodeTrie(trieData$1);", "");
    expect(() => lazyFontkit(changed)).toThrow(/lazy-fontkit: expected the Arabic shaper/);
    expect(() => lazyFontkit(`${original}\n\tdictionary.init(BrotliDecompressBuffer);\n`)).toThrow(
      /found it 2 times/,
    );
  });
});

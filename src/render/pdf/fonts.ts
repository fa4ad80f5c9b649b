/**
 * The fonts (DejaVu Sans from npm `dejavu-fonts-ttf`: every Swedish letter, free licence) and their
 * measurement. Layout measures text here; drawing embeds the same files as subsets, so what is
 * measured is what is drawn.
 *
 * Glyphs are looked up one code point at a time, without OpenType shaping (no ligatures, no
 * kerning): the same advance widths pdf-lib writes into the font's /W array, an exact match between
 * layout and drawing, and a word measured once is never shaped again. Widths are cached per face,
 * per character and per word, for the life of the process.
 */
import fontkit from "@pdf-lib/fontkit";
import { inLongRun } from "../../jit.js";
import { ownCopy } from "../../recent.js";
import { faceOf, fontBytes, postScriptNames } from "./font-files.js";
import { addShortcuts } from "./font-shortcuts.js";
import type { Face } from "./style.js";

export { fontBytes, postScriptNames } from "./font-files.js";

/** `drawable` without the memo (for a whole document's text, read once). */
export const asDrawn = (text: string): string =>
  text
    .normalize("NFC")
    .replace(/\u00a0/g, " ")
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "");

/**
 * A text as these caches keep it: in a long run (src/jit.ts), a copy, as the text is often cut
 * from a document or a YAML file that it would otherwise keep alive (`ownCopy`); a short run ends
 * before that matters, and copies nothing.
 */
const kept = (text: string): string => (inLongRun() ? ownCopy(text) : text);

/**
 * `drawable` of the texts seen in this process: every copy of a document draws the same boxes,
 * and the glyph check and the subsetting read them again.
 */
const drawn = new Map<string, string>();

/**
 * The text as drawn: composed (NFC, so "å" typed as "a" + combining ring is one glyph), a no-break
 * space measured and drawn as a space (it only differs for line breaking), and the characters
 * Unicode says not to show (Default_Ignorable_Code_Point: soft hyphens, zero-width spaces and
 * joiners, direction marks, variation selectors) left out.
 */
export function drawable(text: string): string {
  let out = drawn.get(text);
  if (out === undefined) {
    const own = kept(text);
    out = asDrawn(own);
    if (drawn.size > 50_000) drawn.clear();
    drawn.set(own, out);
  }
  return out;
}

const parsed = new WeakMap<Uint8Array, fontkit.Font>();

/**
 * The parsed font of a face's file, parsed once per process and shared by measuring and embedding
 * (pdf-lib gets it through `registerFontkit(fontkitCache)`): parsing the file and the layout
 * tables costs about 25 ms per face, which every document would pay again. The font has the
 * shortcuts of font-shortcuts.ts: fontkit's answers without decoding what iop never reads.
 * (fontkit caches glyph objects with the code points they were first looked up with; drawing sets
 * the ones each document's ToUnicode map needs, see `mapToUnicode` in draw.ts.)
 */
export const fontkitCache = {
  create(bytes: Uint8Array): fontkit.Font {
    let font = parsed.get(bytes);
    if (!font) {
      // Its ArrayBuffer, not the Uint8Array: fontkit's Buffer copies a typed array byte by byte
      // (~3 ms per face) but wraps an ArrayBuffer as it is.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const data = whole ? bytes.buffer : bytes.slice().buffer;
      font = fontkit.create(data as unknown as Uint8Array);
      const face = faceOf(bytes);
      addShortcuts(font, bytes, face && postScriptNames[face]);
      parsed.set(bytes, font);
    }
    return font;
  },
};

class Metrics {
  private readonly font: fontkit.Font;
  private readonly scale: number;
  private readonly chars = new Map<number, number>();
  private readonly words = new Map<string, number>();
  private readonly absent = new Map<string, boolean>();

  constructor(face: Face) {
    this.font = fontkitCache.create(fontBytes(face));
    this.scale = 1000 / this.font.unitsPerEm;
  }

  /** Whether the font has a glyph for the code point (not its .notdef box). */
  has(codePoint: number): boolean {
    return this.font.glyphForCodePoint(codePoint).id !== 0;
  }

  /**
   * Whether a character (one code point) would be drawn as an empty box: not white space and
   * without a glyph. Answered once per character for the life of the process.
   */
  missing(ch: string): boolean {
    let answer = this.absent.get(ch);
    if (answer === undefined) {
      answer = !/\s/.test(ch) && !this.has(ch.codePointAt(0) as number);
      this.absent.set(ch, answer);
    }
    return answer;
  }

  /** Width of one code point in thousandths of the font size. */
  char(codePoint: number): number {
    let width = this.chars.get(codePoint);
    if (width === undefined) {
      width = this.font.glyphForCodePoint(codePoint).advanceWidth * this.scale;
      this.chars.set(codePoint, width);
    }
    return width;
  }

  /** Width of a string as drawn (see `drawable`) in thousandths of the font size. */
  text(text: string): number {
    let width = this.words.get(text);
    if (width === undefined) {
      width = 0;
      for (const ch of drawable(text)) width += this.char(ch.codePointAt(0) as number);
      if (this.words.size > 50_000) this.words.clear();
      this.words.set(kept(text), width);
    }
    return width;
  }
}

const metrics = new Map<Face, Metrics>();

function metricsOf(face: Face): Metrics {
  let m = metrics.get(face);
  if (!m) {
    m = new Metrics(face);
    metrics.set(face, m);
  }
  return m;
}

/** Width in points of `text` set in `face` at `size` (no-break spaces count as spaces). */
export function textWidth(text: string, face: Face, size: number): number {
  return (metricsOf(face).text(text) * size) / 1000;
}

/**
 * The characters of `text` that the fonts have no glyph for (emoji, most scripts other than
 * Latin, Greek and Cyrillic), each once, in order: they would be drawn as empty boxes. White
 * space and characters that are not drawn (see `drawable`) are not counted.
 */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  const m = metricsOf("regular");
  for (const ch of asDrawn(text)) {
    if (!m.missing(ch)) continue;
    missing.add(ch);
  }
  return [...missing];
}

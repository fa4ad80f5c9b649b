import { describe, expect, it } from "vitest";
import {
  asDrawn,
  drawable,
  fontBytes,
  fontkitCache,
  missingGlyphs,
  textWidth,
} from "../../../src/render/pdf/fonts.js";

describe("the text as drawn", () => {
  it("should compose combining marks, draw a no-break space as a space", () => {
    expect(drawable("a\u030a 650\u00a0000")).toBe("å 650 000");
  });

  it("should leave out what Unicode says not to show (soft hyphen, zero widths, marks, selectors)", () => {
    expect(drawable("av\u00adtal\u200b \u200eä\u200fn\u2060d\ufe0fr\u034fi\ufeffng")).toBe(
      "avtal ändring",
    );
  });

  it("should measure a string as it is drawn", () => {
    expect(textWidth("av\u00adtal\u200e", "regular", 10)).toBe(textWidth("avtal", "regular", 10));
  });
});

describe("the memo of drawn text and of missing glyphs", () => {
  /** Characters from every block up to U+33FF and some beyond (emoji, CJK, private use). */
  const sample = Array.from({ length: 0x3400 }, (_, i) => i)
    .concat([0x1f642, 0x1f600, 0x4e00, 0xe000, 0xfffd, 0xfeff])
    .filter((cp) => cp < 0xd800 || cp > 0xdfff)
    .map((cp) => String.fromCodePoint(cp))
    .join("");
  const regular = fontkitCache.create(fontBytes("regular"));
  /** What the glyph check gave before it kept its answers: each character looked up in the font. */
  const reference = (text: string): string[] => [
    ...new Set(
      Array.from(asDrawn(text)).filter(
        (ch) => !/\s/.test(ch) && regular.glyphForCodePoint(ch.codePointAt(0) as number).id === 0,
      ),
    ),
  ];

  it("gives the text as drawn, the first time and from the memo", () => {
    for (const text of [sample, "a\u030a 650\u00a0000", "av\u00adtal\u200b", ""]) {
      expect(drawable(text)).toBe(asDrawn(text));
      expect(drawable(text)).toBe(asDrawn(text));
    }
  });

  it("finds the characters without a glyph the font lookup finds, again from the memo", () => {
    const expected = reference(sample);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected).toContain("🙂");
    expect(missingGlyphs(sample)).toEqual(expected);
    expect(missingGlyphs(sample)).toEqual(expected);
    const reversed = Array.from(sample).reverse().join("");
    expect(missingGlyphs(reversed)).toEqual(reference(reversed));
  });
});

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listMatches, replacements } from "../../src/lint/klarsprak.js";
import { textValues } from "../../src/lint/strings.js";
import { readAgreement } from "../../src/load/agreement.js";
import { agreementForRules } from "../../src/validate/index.js";
import { validateSchema } from "../../src/validate/schema.js";
import { SchemaErrors } from "../../src/validate/schema-errors.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const FOLDERS = ["agreements", "test/fixtures/agreements"].flatMap((parent) =>
  readdirSync(join(ROOT, parent)).map((name) => join(ROOT, parent, name)),
);

/** What the list finds in a text scanned with each entry's own pattern in turn (the reference). */
const perEntry = (text: string) =>
  replacements().flatMap(({ entry, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({ entry, index: m.index, found: m[0] })),
  );

/** The text values of an example agreement, as the lint reads them. */
async function textsOf(dir: string): Promise<string[]> {
  const { sources } = await readAgreement(dir, ROOT);
  if (!sources) throw new Error(`${dir} does not read`);
  const schema = new SchemaErrors();
  validateSchema("agreement", sources.agreement, schema);
  for (const b of sources.bilagor) validateSchema("bilaga", b, schema);
  return textValues(agreementForRules(sources, schema), schema).map((v) => v.text);
}

/** A deterministic pseudo-random generator (a linear congruential one), for generated texts. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/** Other ways to write a letter that match it in any case (Unicode case folding): ſ, K, Å. */
const FOLDS: Record<string, string[]> = { s: ["S", "ſ"], k: ["K", "\u212a"], å: ["Å", "\u212b"] };
const SEPARATORS = [" ", "  ", "\n", "\t", "\u00a0", " \n ", "-", ".", "", "1", "x", "ä", ", "];
const WORDS = ["att", "och", "parterna", "ska", "med", "den", "som", "av", "rätt", "i", "ett"];

/** A text of entries (in any case, any spacing, sometimes glued to a letter or digit) and words. */
function generated(pick: (n: number) => number): string {
  const phrases = replacements().map(({ entry }) => entry.skriv_inte);
  let text = "";
  for (let k = pick(12); k >= 0; k--) {
    const phrase =
      pick(3) === 0
        ? (WORDS[pick(WORDS.length)] as string)
        : (phrases[pick(phrases.length)] as string);
    const written = [...phrase]
      .map((c) => {
        if (c === " ") return [" ", "  ", "\n", "\u00a0", "\t"][pick(5)];
        const other = FOLDS[c];
        if (other && pick(3) === 0) return other[pick(other.length)];
        return pick(4) === 0 ? c.toUpperCase() : c;
      })
      .join("");
    text += written + SEPARATORS[pick(SEPARATORS.length)];
  }
  return text;
}

describe("the plain-Swedish list (data/klarsprak.json) scanned in one pass", () => {
  it("should hold what makes one scan find what a scan per entry finds", () => {
    // Each word of an entry is lower-case letters whose other cases are letters too (Latin-1),
    // so a match covers whole words of the text; and no entry's words overlap another's (one's
    // end is not the other's start, one is not inside the other), so no two entries can match
    // the same words and the one pattern's alternatives never hide one another.
    const words = replacements().map(({ entry }) => entry.skriv_inte.split(/\s+/));
    for (const w of words) for (const word of w) expect(word).toMatch(/^[a-zà-öø-ÿ]+$/);
    const same = (a: string[], b: string[]) =>
      a.length === b.length && a.every((x, i) => x === b[i]);
    words.forEach((a, i) => {
      words.forEach((b, j) => {
        if (i === j) return;
        for (let shift = 1 - b.length; shift < a.length; shift++) {
          // b placed from word `shift` of a: the words where they overlap.
          const from = Math.max(0, shift);
          const to = Math.min(a.length, shift + b.length);
          const overlap = same(a.slice(from, to), b.slice(from - shift, to - shift));
          expect(overlap, `${a.join(" ")} / ${b.join(" ")}`).toBe(false);
        }
      });
    });
  });

  it("should find in every text of the examples what each entry's own pattern finds, in order", async () => {
    let found = 0;
    for (const dir of FOLDERS) {
      for (const text of await textsOf(dir)) {
        const expected = perEntry(text);
        expect(listMatches(text)).toEqual(expected);
        found += expected.length;
      }
    }
    // The examples reproduce signed texts in their old wording: the list has things to find.
    expect(found).toBeGreaterThan(20);
  });

  it("should find in generated texts what each entry's own pattern finds, in order", () => {
    const pick = random(18);
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      const text = generated(pick);
      const expected = perEntry(text);
      expect(listMatches(text), JSON.stringify(text)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(3000);
  });
});

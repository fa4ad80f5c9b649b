import { describe, expect, it } from "vitest";
import { mayHoldWordOf, partyNameVariants, runsWithWordOf } from "../../src/lint/partnamn.js";
import { AGREEMENT } from "../helpers/fixture.js";
import { forRules } from "../helpers/mutate.js";

/** A deterministic pseudo-random generator (a linear congruential one). */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(state / 2 ** 16) % n;
  };
}

describe("runsWithWordOf", () => {
  it("should give exactly the runs of n words that hold a word of the set, in order", () => {
    const pick = random(7);
    const set = new Set(["brottsofferjouren", "västerort"]);
    const vocabulary = [...set, "och", "stöd", "söder"];
    for (let k = 0; k < 2000; k++) {
      const words = Array.from({ length: pick(12) }, () => ({
        lower: vocabulary[pick(vocabulary.length)] as string,
      }));
      const n = 1 + pick(4);
      const every = Array.from({ length: Math.max(0, words.length - n + 1) }, (_, i) => i);
      const holding = every.filter((i) => words.slice(i, i + n).some((w) => set.has(w.lower)));
      expect(runsWithWordOf(words, set, n), JSON.stringify({ words, n })).toEqual(holding);
    }
  });
});

describe("mayHoldWordOf", () => {
  const may = mayHoldWordOf(["brottsofferjouren", "västerort", "οδος"]);

  it("should tell a text that holds a word of the list in any case from one that holds none", () => {
    expect(may("Stöd till BROTTSOFFERJOUREN.")).toBe(true);
    expect(may("Verksamhet i VÄSTERORT")).toBe(true);
    expect(may("Stöd till brottsoffer i hela staden.")).toBe(false);
    expect(may("")).toBe(false);
  });

  it("should not miss a word with Σ, whose lower case depends on the letters around it", () => {
    // As a word on its own ΟΔΟΣ is "οδος" (a final ς); before ’s in a text its Σ is no final one.
    expect("ΟΔΟΣ".toLowerCase()).toBe("οδος");
    expect("Föreningen ΟΔΟΣ’s stöd".toLowerCase().includes("οδος")).toBe(false);
    expect(may("Föreningen ΟΔΟΣ’s stöd")).toBe(true);
  });
});

/** The line of the fixture's syfte (1-based). */
const SYFTE_LINE = AGREEMENT.split("\n").findIndex((l) => l.startsWith("syfte:")) + 1;

describe("partyNameVariants", () => {
  /** The texts a name variant is found at in a syfte, with its column in the text. */
  const variants = (syfte: string) => {
    const { agreement, schema } = forRules(
      AGREEMENT.replace("syfte: Att erbjuda brottsofferstöd i hela staden.", `syfte: ${syfte}`),
    );
    return partyNameVariants(agreement, schema)
      .filter((d) => d.line === SYFTE_LINE)
      .map((d) => [d.col - 8, d.message.replace(/^.* skrivs här ”(.*)”\..*$/, "$1")]);
  };

  it("should find variants next to each other and after a repeated word, none overlapping", () => {
    expect(variants("Brottsofferjouren västerort brottsofferjouren Västerort.")).toEqual([
      [0, "Brottsofferjouren västerort"],
      [28, "brottsofferjouren Västerort"],
    ]);
    expect(variants("Brottsofferjouren brottsofferjouren västerort och Västerort.")).toEqual([
      [18, "brottsofferjouren västerort"],
    ]);
    expect(variants("Brottsofferjouren Västerort och Västerort-brottsofferjouren.")).toEqual([]);
  });

  it("should find a name written in capitals, and nothing in a text without a word of a name", () => {
    expect(variants("BROTTSOFFERJOUREN VÄSTERORT ger stöd.")).toEqual([
      [0, "BROTTSOFFERJOUREN VÄSTERORT"],
    ]);
    expect(variants("Att erbjuda stöd till brottsoffer i hela staden.")).toEqual([]);
  });
});

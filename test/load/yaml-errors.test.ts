import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { parseSource } from "../../src/load/source.js";
import { AGREEMENT, BILAGA } from "../helpers/fixture.js";

const diagnose = (text: string): Diagnostic[] =>
  parseSource("t.yaml", new TextEncoder().encode(text)).diagnostics;
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.col}: ${d.message} [${d.rule}]`);
const lineOf = (text: string, needle: string): number =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("YAML syntax errors: one diagnostic per slip, at its line", () => {
  it("should report one line indented a space too far once, at that line, with the indentation it needs", () => {
    const text = AGREEMENT.replace("    sektor: idéburen", "     sektor: idéburen");
    expect(show(diagnose(text))).toEqual([
      `${lineOf(text, "     sektor: idéburen")}:6: Raden är indragen 5 mellanslag men ska troligen vara indragen 4, som raderna på samma nivå. Nycklar i samma objekt ska börja i samma kolumn. [yaml-indrag]`,
    ]);
  });

  it("should report one line a space short once, at that line, not the errors that follow from it", () => {
    const text = AGREEMENT.replace("  - id: socialnamnden", " - id: socialnamnden");
    expect(show(diagnose(text))).toEqual([
      `${lineOf(text, " - id: socialnamnden")}:2: Raden är indragen 1 mellanslag men ska troligen vara indragen 2, som raderna på samma nivå. Nycklar i samma objekt ska börja i samma kolumn. [yaml-indrag]`,
    ]);
  });

  for (const [name, fixture] of [
    ["overenskommelse", AGREEMENT],
    ["bilaga", BILAGA],
  ] as const) {
    it(`should report any line of the ${name} fixture moved by a space once, at that line`, () => {
      const lines = fixture.split("\n");
      let tried = 0;
      for (const [i, line] of lines.entries()) {
        if (!/^ +\S/.test(line)) continue;
        for (const moved of [` ${line}`, line.slice(1)]) {
          const text = [...lines.slice(0, i), moved, ...lines.slice(i + 1)].join("\n");
          const ds = diagnose(text).filter((d) => d.rule.startsWith("yaml-"));
          // Some moves are still valid YAML (a list item may sit under its key's column). Which
          // indentation is meant is not always clear (a key a space short may belong one level
          // up or down), so only the place is asserted here.
          if (ds.length === 0) continue;
          tried++;
          expect(show(ds), `line ${i + 1}: ${JSON.stringify(moved)}`).toEqual([
            expect.stringMatching(
              new RegExp(
                `^${i + 1}:${moved.length - moved.trimStart().length + 1}: Raden är indragen \\d+ mellanslag men ska troligen vara indragen \\d+, .*\\[yaml-indrag\\]$`,
              ),
            ),
          ]);
        }
      }
      expect(tried).toBeGreaterThan(name === "bilaga" ? 10 : 40);
    });
  }

  it("should ask to quote a value that contains a colon, at the value", () => {
    const text = AGREEMENT.replace("    rubrik: Övrigt", "    rubrik: Övrigt: annat");
    expect(show(diagnose(text))).toEqual([
      `${lineOf(text, "rubrik: Övrigt: annat")}:13: Värdet innehåller kolon och måste därför stå inom citattecken. Sätt värdet inom citattecken: rubrik: "Övrigt: annat" [yaml-kolon-i-varde]`,
    ]);
  });

  it("should ask to quote a list item's value that contains a colon", () => {
    const text = BILAGA.replace(
      "    - Stödsamtal via telefon och personliga möten.",
      "    - text: Stödsamtal: via telefon",
    );
    expect(show(diagnose(text))).toEqual([
      `${lineOf(text, "text: Stödsamtal:")}:13: Värdet innehåller kolon och måste därför stå inom citattecken. Sätt värdet inom citattecken: - text: "Stödsamtal: via telefon" [yaml-kolon-i-varde]`,
    ]);
  });
});

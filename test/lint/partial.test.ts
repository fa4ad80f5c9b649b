import { describe, expect, it } from "vitest";
import { missingSections } from "../../src/lint/avsnitt.js";
import { missingOwnContribution } from "../../src/lint/egen-insats.js";
import { lintAgreement, switchedOff } from "../../src/lint/index.js";
import { wordingDiagnostic, wordingFindings } from "../../src/lint/klarsprak.js";
import { partyNameVariants } from "../../src/lint/partnamn.js";
import { AGREEMENT, BILAGA } from "../helpers/fixture.js";
import { brokenFixtures, forRules } from "../helpers/mutate.js";

/** Each lint rule on its own (no safety net), and the whole lint with the switch-offs. */
function lint(agreementText: string, bilagaText: string) {
  const { agreement, schema, schemaDiagnostics } = forRules(agreementText, bilagaText);
  const each = [
    ...missingSections(agreement, schema),
    ...missingOwnContribution(agreement, schema),
    ...wordingFindings(agreement, schema).map(wordingDiagnostic),
    ...partyNameVariants(agreement, schema),
    ...switchedOff(agreement, schema).diagnostics,
  ];
  const all = lintAgreement(agreement, schema);
  return { schemaDiagnostics, each, all: [...all.errors, ...all.warnings()] };
}

describe("the drafting lint on data with schema errors", () => {
  it("should neither fail nor warn about anything new when any one node of the fixture is broken", () => {
    const valid = lint(AGREEMENT, BILAGA);
    expect(valid.schemaDiagnostics).toEqual([]);
    // Without its switch-offs the fixture lacks sections and the party's own contribution.
    const baseline = new Set(valid.each.map((d) => d.rule));
    expect([...baseline].sort()).toEqual([
      "egen-insats-saknas",
      "saknat-avsnitt-andringar",
      "saknat-avsnitt-bakgrund",
      "saknat-avsnitt-brister",
      "saknat-avsnitt-malgrupp",
      "saknat-avsnitt-oenighet",
      "saknat-avsnitt-styrgrupp",
      "saknat-avsnitt-uppfoljning",
      "saknat-avsnitt-vardegrund",
    ]);
    expect(valid.all).toEqual([]);
    let broken = 0;
    for (const { agreement, bilaga, what } of brokenFixtures()) {
      const result = lint(agreement, bilaga);
      if (result.schemaDiagnostics.every((d) => d.rule === "schema-minitems")) continue;
      broken++;
      const rules = [...result.each, ...result.all].map((d) => d.rule);
      expect(
        rules.filter((r) => !baseline.has(r)),
        what,
      ).toEqual([]);
    }
    expect(broken).toBeGreaterThan(300);
  });
});

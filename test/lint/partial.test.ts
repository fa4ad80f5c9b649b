import { describe, expect, it } from "vitest";
import { missingSections } from "../../src/lint/avsnitt.js";
import { missingOwnContribution } from "../../src/lint/egen-insats.js";
import { lintAgreement, switchedOff } from "../../src/lint/index.js";
import { wordingDiagnostic, wordingFindings } from "../../src/lint/klarsprak.js";
import { partyNameVariants } from "../../src/lint/partnamn.js";
import { parseSource, type SourceFile } from "../../src/load/source.js";
import { agreementForRules } from "../../src/validate/index.js";
import { validateSchema } from "../../src/validate/schema.js";
import { SchemaErrors } from "../../src/validate/schema-errors.js";
import { AGREEMENT, BILAGA } from "../helpers/fixture.js";
import { BAD_VALUES, mutate, paths, REMOVE } from "../helpers/mutate.js";

const source = (name: string, text: string): SourceFile => {
  const { file } = parseSource(name, new TextEncoder().encode(text));
  if (!file) throw new Error(`${name} does not parse`);
  return file;
};

/** Each lint rule on its own (no safety net), and the whole lint with the switch-offs. */
function lint(agreementText: string, bilagaText: string) {
  const file = source("overenskommelse.yaml", agreementText);
  const bilaga = source("bilaga-1.yaml", bilagaText);
  const schema = new SchemaErrors();
  const schemaDiagnostics = [
    ...validateSchema("agreement", file, schema),
    ...validateSchema("bilaga", bilaga, schema),
  ];
  const agreement = agreementForRules(
    { dir: "test-iop", name: "test-iop", agreement: file, bilagor: [bilaga] },
    schema,
  );
  const each = [
    ...missingSections(agreement, schema),
    ...missingOwnContribution(agreement, schema),
    ...wordingFindings(agreement, schema).map(wordingDiagnostic),
    ...partyNameVariants(agreement, schema),
    ...switchedOff(agreement, schema).diagnostics,
  ];
  return { schemaDiagnostics, each, all: lintAgreement(agreement, schema) };
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
    for (const [which, text] of [
      ["agreement", AGREEMENT],
      ["bilaga", BILAGA],
    ] as const) {
      for (const path of paths(text)) {
        for (const value of BAD_VALUES) {
          const changed = mutate(text, path, value);
          const result = which === "agreement" ? lint(changed, BILAGA) : lint(AGREEMENT, changed);
          if (result.schemaDiagnostics.every((d) => d.rule === "schema-minitems")) continue;
          broken++;
          const what = `${which} ${path.join(".")} = ${String(value === REMOVE ? "(removed)" : JSON.stringify(value))}`;
          const rules = [...result.each, ...result.all].map((d) => d.rule);
          expect(
            rules.filter((r) => !baseline.has(r)),
            what,
          ).toEqual([]);
        }
      }
    }
    expect(broken).toBeGreaterThan(300);
  });
});

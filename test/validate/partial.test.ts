import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { rules } from "../../src/validate/rules/index.js";
import { AGREEMENT, BILAGA } from "../helpers/fixture.js";
import { brokenFixtures, forRules } from "../helpers/mutate.js";

/** Schema diagnostics, and each rule run on its own (no safety net), on the two files. */
function check(agreementText: string, ...bilagaTexts: string[]) {
  const { agreement, schema, schemaDiagnostics } = forRules(agreementText, ...bilagaTexts);
  const ruleDiagnostics: Diagnostic[] = [];
  for (const rule of rules) ruleDiagnostics.push(...rule.run(agreement, schema));
  return { schemaDiagnostics, ruleDiagnostics };
}

describe("rules on data with schema errors", () => {
  it("should neither fail nor report anything when any one node of the valid fixture is broken", () => {
    expect(check(AGREEMENT, BILAGA)).toEqual({ schemaDiagnostics: [], ruleDiagnostics: [] });
    let broken = 0;
    for (const { agreement, bilaga, what } of brokenFixtures()) {
      const result = check(agreement, bilaga);
      // Data the schema accepts may well break a rule, and so may a list made shorter (one
      // party too few is a schema error; references to it are rightly unresolved).
      if (result.schemaDiagnostics.every((d) => d.rule === "schema-minitems")) continue;
      broken++;
      // The fixture passes every rule, and a rule leaves the broken node alone: nothing new.
      expect(result.ruleDiagnostics, what).toEqual([]);
    }
    expect(broken).toBeGreaterThan(300);
  });

  it("should neither fail nor report anything when a whole file is not a set of keys", () => {
    for (const root of ["~", "- a\n- b\n", "bara text\n", "42\n"]) {
      for (const [agreement, bilaga] of [
        [root, BILAGA],
        [AGREEMENT, root],
        [root, root],
      ] as const) {
        const result = check(agreement, bilaga);
        expect(result.schemaDiagnostics.length, root).toBeGreaterThan(0);
        expect(result.ruleDiagnostics, root).toEqual([]);
      }
    }
  });

  it("should tell that a party has two bilagor when a bilaga's number has a schema error", () => {
    const bad = BILAGA.replace("nummer: 1", 'nummer: "två"');
    const found = (...bilagor: string[]) =>
      check(AGREEMENT, ...bilagor).ruleDiagnostics.map(
        (d) => `${d.file}:${d.line}:${d.col}: ${d.message} [${d.rule}]`,
      );
    // A bilaga without a valid number is taken last.
    expect(found(BILAGA, bad)).toEqual([
      'bilaga-2.yaml:3:7: Parten "bo-vasterort" har redan bilaga 1. [bilaga-part-dubblett]',
    ]);
    expect(found(bad, BILAGA)).toEqual([
      'bilaga-1.yaml:3:7: Parten "bo-vasterort" har redan bilaga 1. [bilaga-part-dubblett]',
    ]);
    expect(found(bad, bad)).toEqual([
      'bilaga-2.yaml:3:7: Parten "bo-vasterort" har redan en bilaga. [bilaga-part-dubblett]',
    ]);
  });

  it("should name a party whose namn and id have schema errors by its place, not as undefined", () => {
    const agreement = AGREEMENT.replace(
      "  - id: bo-vasterort\n    namn: Brottsofferjouren Västerort\n",
      "  - förvaltning: Föreningens kansli\n",
    );
    const messages = check(agreement).ruleDiagnostics.map((d) => d.message);
    expect(messages).toContain(
      "Parten nr 2 är en idéburen part och kan inte ha en förvaltning; förvaltning anges för en offentlig part (t.ex. den förvaltning som handlar för nämnden).",
    );
    expect(messages.join("\n")).not.toContain("undefined");
  });

  it("should still run the rules on the parts without schema errors", () => {
    const agreement = AGREEMENT.replace("    sektor: idéburen", "    sektor: ideell").replace(
      '"212000-0142"',
      '"212000-0143"',
    );
    const bilaga = BILAGA.replace("summa: 704000", "summa: 705000").replace(
      "nummer: 1",
      "nummer: 1\nokänd: ja",
    );
    const { schemaDiagnostics, ruleDiagnostics } = check(agreement, bilaga);
    expect(schemaDiagnostics.map((d) => d.rule)).toEqual(["schema-enum", "schema-okand-nyckel"]);
    expect(ruleDiagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`)).toEqual([
      `overenskommelse.yaml:${AGREEMENT.split("\n").findIndex((l) => l.includes("212000-0142")) + 1}:26 organisationsnummer-kontrollsiffra`,
      `bilaga-1.yaml:${bilaga.split("\n").indexOf("    summa: 705000") + 1}:12 budget-summa`,
    ]);
  });
});

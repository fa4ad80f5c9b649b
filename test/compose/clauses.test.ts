import { beforeAll, describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import type { Agreement, Avsnitt } from "../../src/model.js";
import { copy, EXAMPLES, GARBAGE, loadExample, loadFixture } from "./load.js";

type ClauseName = NonNullable<Avsnitt["klausul"]>;
const BILAGA_ONLY: ClauseName[] = [
  "bilaga-inledning",
  "bilaga-part",
  "bilaga-ataganden",
  "ersattning",
  "egenfinansiering",
  "andringslogg",
];
const CLAUSES: ClauseName[] = [
  "bakgrund",
  "parter",
  "syfte",
  "mal",
  "syfte-och-mal",
  "malgrupp",
  "vardegrund",
  "organ",
  "uppfoljning",
  "klagomal",
  "period",
  "ekonomi",
  "uppsagning",
  "brister",
  "aterkrav",
  "sekretess",
  "andringar",
  "informationsskyldighet",
  "oenighet",
  "forsakring",
  "bilagor",
  "signering",
  ...BILAGA_ONLY,
];
/**
 * What a clause may report when an agreement lacks the data: instead of rendering (errors), or,
 * as a warning, that its default wording speaks of data the agreement does not have (Stockholm
 * 2022 has no värdegrund, which bilaga-inledning mentions).
 */
const DATA_MISSING = new Set([
  "klausul-data-saknas",
  "klausul-parameter-saknas",
  "klausul-forutsatter",
]);

/** The agreement with one document reduced to a single section using `clause`. */
function withOnly(agreement: Agreement, clause: ClauseName, parametrar = {}): Agreement {
  const result = copy(agreement);
  const bodies = result.data.styrning ?? [];
  const section: Avsnitt = {
    id: "prov",
    klausul: clause,
    parametrar: {
      ...(["organ", "oenighet"].includes(clause) && bodies[0] ? { organ: bodies.at(-1)?.id } : {}),
      ...(bodies[0] ? { forum: bodies[0].id } : {}),
      ...parametrar,
    },
  };
  const bilaga = result.bilagor[0];
  if (BILAGA_ONLY.includes(clause) && bilaga) bilaga.data.avsnitt = [section];
  else result.data.avsnitt = [section];
  return result;
}

const documentOf = (agreement: Agreement, clause: ClauseName) => {
  const { documents, diagnostics } = composeAgreement(agreement);
  const doc = BILAGA_ONLY.includes(clause) ? documents[1] : documents[0];
  return { markdown: doc?.markdown ?? "", diagnostics };
};

const examples = new Map<string, Agreement>();
let mini: Agreement;
beforeAll(async () => {
  for (const id of EXAMPLES) examples.set(id, await loadExample(id));
  mini = await loadFixture("compose/fixtures/mini");
});

describe("every clause", () => {
  it.each(EXAMPLES)("should render for %s without garbage, or report missing data", (id) => {
    const agreement = examples.get(id) as Agreement;
    for (const clause of CLAUSES) {
      if (BILAGA_ONLY.includes(clause) && agreement.bilagor.length === 0) continue;
      const { markdown, diagnostics } = documentOf(withOnly(agreement, clause), clause);
      expect(markdown, `${id} ${clause}`).not.toMatch(GARBAGE);
      for (const d of diagnostics)
        expect(DATA_MISSING, `${id} ${clause}: ${d.message}`).toContain(d.rule);
    }
  });

  it("should render with data in the test fixture without any diagnostic", () => {
    for (const clause of CLAUSES) {
      const { markdown, diagnostics } = documentOf(withOnly(mini, clause), clause);
      expect(diagnostics, clause).toEqual([]);
      expect(markdown.replaceAll("{{x}}", ""), clause).not.toMatch(GARBAGE);
    }
  });

  it("should put parametrar.inledning in place of its first sentence or first", () => {
    for (const clause of CLAUSES) {
      const agreement = withOnly(mini, clause, { inledning: "INLEDNINGEN." });
      const { markdown } = documentOf(agreement, clause);
      expect(markdown, clause).toContain("INLEDNINGEN.");
    }
  });

  it("should append parametrar.avslutning after the clause", () => {
    for (const clause of CLAUSES) {
      const { markdown } = documentOf(
        withOnly(mini, clause, { avslutning: "AVSLUTNINGEN." }),
        clause,
      );
      expect(
        markdown.trimEnd().endsWith("AVSLUTNINGEN.") || markdown.includes("AVSLUTNINGEN.\n"),
        clause,
      ).toBe(true);
    }
  });

  it("should replace a fixed first sentence rather than add to it", () => {
    const { markdown } = documentOf(
      withOnly(mini, "uppsagning", { inledning: "Båda parter kan påkalla omförhandling." }),
      "uppsagning",
    );
    expect(markdown).toContain(
      "Båda parter kan påkalla omförhandling. Uppsägningen ska ske skriftligen",
    );
    expect(markdown).not.toContain("Samtliga parter har rätt");
  });
});

describe("clause problems", () => {
  it("should report data a clause needs at the section's line in the YAML", () => {
    const kalmar = examples.get("kalmar-brottsofferstod-2018") as Agreement;
    const { diagnostics } = composeAgreement(withOnly(kalmar, "bakgrund"));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "fel", rule: "klausul-data-saknas" });
    expect(diagnostics[0]?.message).toMatch(/bakgrund/);
    expect(diagnostics[0]?.file).toMatch(/overenskommelse\.yaml$/);
  });

  it("should point at the YAML line of the failing section", () => {
    const agreement = copy(mini);
    const brister = agreement.data.avsnitt.find((s) => s.id === "villkor")?.avsnitt?.[2];
    if (brister?.parametrar) brister.parametrar.forum = "finns-inte";
    const { diagnostics } = composeAgreement(agreement);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: "klausul-parameter-okand" });
    const line = mini.file.text.split("\n")[(diagnostics[0]?.line ?? 1) - 1];
    expect(line).toContain("id: brister");
  });

  it("should keep the failing section's heading so numbering is unchanged", () => {
    const agreement = copy(mini);
    agreement.data.syfte = undefined;
    const { documents } = composeAgreement(agreement);
    expect(documents[0]?.markdown).toContain("## Syfte och mål {#syfte-och-mal}");
    expect(documents[0]?.markdown).toContain("### Syfte {#syfte}");
  });

  it("should refuse a bilaga clause in the agreement", () => {
    const agreement = copy(mini);
    agreement.data.avsnitt = [{ id: "x", klausul: "ersattning" }];
    const { diagnostics } = composeAgreement(agreement);
    expect(diagnostics.map((d) => d.rule)).toEqual(["klausul-fel-dokument"]);
  });

  it("should refuse sections nested deeper than three levels", () => {
    const agreement = copy(mini);
    agreement.data.avsnitt = [
      {
        rubrik: "A",
        avsnitt: [{ rubrik: "B", avsnitt: [{ rubrik: "C", avsnitt: [{ rubrik: "D" }] }] }],
      },
    ];
    const { diagnostics } = composeAgreement(agreement);
    expect(diagnostics.map((d) => d.rule)).toEqual(["avsnitt-for-djupt"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { LINT_RULES } from "../../src/lint/index.js";
import { loadAgreement } from "../../src/validate/index.js";
import { AGREEMENT, BILAGA, writeAgreement } from "../helpers/fixture.js";

/** The fixture's switch-offs, which tests remove to see the rules. */
const SWITCH_OFFS = `avstängda_regler:
  - regel: saknat-avsnitt
    skäl: Ett litet testavtal med bara de avsnitt testerna behöver.
  - regel: egen-insats-saknas
    skäl: Testavtalets bilaga har bara ersättningen.
`;
const withSwitchOffs = (yaml: string) => {
  if (!AGREEMENT.includes(SWITCH_OFFS)) throw new Error("the fixture's switch-offs changed");
  return AGREEMENT.replace(SWITCH_OFFS, yaml);
};

const lineOf = (text: string, needle: string): number =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const colOf = (text: string, needle: string): number =>
  (text.split("\n").find((l) => l.includes(needle)) ?? "").indexOf(needle) + 1;

async function check(files: Record<string, string | null>): Promise<Diagnostic[]> {
  const { diagnostics } = await loadAgreement(writeAgreement(files));
  return diagnostics;
}
const lint = (ds: Diagnostic[]) =>
  ds.filter((d) => LINT_RULES.some((r) => d.rule === r || d.rule.startsWith(`${r}-`)));

describe("required sections", () => {
  it("should warn once per missing section, at the agreement's avsnitt", async () => {
    const yaml = withSwitchOffs("");
    const ds = lint(await check({ "overenskommelse.yaml": yaml }));
    expect(ds.map((d) => d.rule).sort()).toEqual(
      [
        "saknat-avsnitt-andringar",
        "saknat-avsnitt-bakgrund",
        "saknat-avsnitt-brister",
        "saknat-avsnitt-malgrupp",
        "saknat-avsnitt-oenighet",
        "saknat-avsnitt-styrgrupp",
        "saknat-avsnitt-uppfoljning",
        "saknat-avsnitt-vardegrund",
        // The fixture's bilaga has no own contribution.
        "egen-insats-saknas",
      ].sort(),
    );
    const section = ds.find((d) => d.rule === "saknat-avsnitt-oenighet");
    expect(section).toMatchObject({
      severity: "varning",
      line: lineOf(yaml, "avsnitt:"),
      col: 1,
      message:
        "Överenskommelsen saknar ett avsnitt om oenighet, som varje IOP bör ha (varken klausul, id eller rubrik hittades i överenskommelsen eller bilagorna).",
    });
  });

  it("should find a section by its clause, its id, its heading or a styrgrupp body, in the agreement or a bilaga", async () => {
    const yaml = withSwitchOffs("").replace(
      "avsnitt:\n",
      [
        "avsnitt:",
        "  - id: bakgrund", // id
        "    rubrik: Inledning",
        "    text: Text.",
        "  - id: a",
        "    rubrik: Partnerskapets värdegrund och utgångspunkter", // heading
        "    text: Text.",
        "  - id: b",
        "    rubrik: Tvister", // heading for oenighet
        "    text: Text.",
        "  - id: c",
        "    klausul: andringar", // clause
        "    parametrar: { forum: styrgrupp }",
        "  - id: d",
        "    rubrik: Ledning",
        "    avsnitt:", // a subsection naming the styrgrupp body
        "      - id: e",
        "        klausul: organ",
        "        parametrar: { organ: styrgrupp }",
        "",
      ].join("\n"),
    );
    const bilaga = BILAGA.replace(
      "avsnitt:\n",
      "avsnitt:\n  - id: hav\n    rubrik: Hävning och återbetalning\n    text: Text.\n  - id: uppf\n    rubrik: Årlig återrapportering\n    text: Text.\n",
    );
    const ds = lint(await check({ "overenskommelse.yaml": yaml, "bilaga-1.yaml": bilaga }));
    expect(ds.map((d) => d.rule).sort()).toEqual(["egen-insats-saknas", "saknat-avsnitt-malgrupp"]);
  });

  it("should count the period clause as the notice section when the period states the notice", async () => {
    const yaml = withSwitchOffs("").replace(
      "  - id: uppsagning\n    klausul: uppsagning\n    parametrar:\n      forum: styrgrupp\n",
      "",
    );
    expect(yaml).not.toContain("klausul: uppsagning");
    const ds = lint(await check({ "overenskommelse.yaml": yaml }));
    expect(ds.map((d) => d.rule)).not.toContain("saknat-avsnitt-uppsagning");
    const noNotice = yaml.replace(
      '  uppsägning:\n    senast: "09-30"\n    träder_i_kraft: "01-01"\n',
      "",
    );
    expect(noNotice).not.toContain("senast:");
    const again = lint(await check({ "overenskommelse.yaml": noNotice }));
    expect(again.map((d) => d.rule)).toContain("saknat-avsnitt-uppsagning");
  });

  it("should say nothing about sections while a section has a schema error (a key may be misspelt)", async () => {
    const yaml = withSwitchOffs("").replace(
      "    klausul: signering\n",
      "    klausull: signering\n",
    );
    const ds = await check({ "overenskommelse.yaml": yaml });
    expect(ds.some((d) => d.rule === "schema-okand-nyckel")).toBe(true);
    expect(ds.filter((d) => d.rule.startsWith("saknat-avsnitt"))).toEqual([]);
  });
});

describe("the idéburen party's own contribution", () => {
  const bilagaWith = (ekonomi: string) => BILAGA.replace("ekonomi:\n", `ekonomi:\n${ekonomi}`);

  it("should warn at the party when neither the agreement nor its bilaga states one", async () => {
    const yaml = withSwitchOffs(
      "avstängda_regler:\n  - regel: saknat-avsnitt\n    skäl: Testavtal.\n",
    );
    const ds = lint(await check({ "overenskommelse.yaml": yaml }));
    expect(ds).toEqual([
      expect.objectContaining({
        rule: "egen-insats-saknas",
        severity: "varning",
        line: lineOf(yaml, "  - id: bo-vasterort"),
        col: 5,
        message: expect.stringMatching(
          /^Brottsofferjouren Västerort har ingen egen insats angiven .*köp enligt upphandlingsreglerna\.$/,
        ),
      }),
    ]);
  });

  it.each([
    [
      "egenfinansiering",
      "  egenfinansiering:\n    rader:\n      - { post: Medlemsavgifter, belopp: 1500 }\n    summa: 1500\n",
    ],
    ["insats", "  insats: Ideella arbetsinsatser av volontärer.\n"],
  ])("should accept %s in the party's bilaga", async (_, ekonomi) => {
    const yaml = withSwitchOffs(
      "avstängda_regler:\n  - regel: saknat-avsnitt\n    skäl: Testavtal.\n",
    );
    const ds = await check({ "overenskommelse.yaml": yaml, "bilaga-1.yaml": bilagaWith(ekonomi) });
    expect(ds.filter((d) => d.severity === "fel")).toEqual([]);
    expect(lint(ds)).toEqual([]);
  });

  it("should not warn twice for an own contribution whose amounts are marked saknas", async () => {
    const yaml = withSwitchOffs(
      "avstängda_regler:\n  - regel: saknat-avsnitt\n    skäl: Testavtal.\n",
    );
    const ekonomi =
      '  egenfinansiering:\n    rader:\n      - { post: Medlemsavgifter, belopp: { saknas: "Anges inte i källan" } }\n';
    const ds = await check({ "overenskommelse.yaml": yaml, "bilaga-1.yaml": bilagaWith(ekonomi) });
    expect(ds.filter((d) => d.severity === "fel")).toEqual([]);
    expect(ds.map((d) => d.rule)).toContain("uppgift-saknas");
    expect(ds.map((d) => d.rule)).not.toContain("egen-insats-saknas");
  });
});

describe("plain Swedish and misspellings", () => {
  it("should warn with the suggestion at the word's own line and column, in any scalar style", async () => {
    const yaml = AGREEMENT.replace(
      "syfte: Att erbjuda brottsofferstöd i hela staden.\n",
      [
        "syfte: |-",
        "  Första stycket.",
        "",
        "  Parterna skall tillse att stödet ges senaste den 30 september.",
        "",
      ].join("\n"),
    ).replace(
      "    mandat: Styrgruppen beslutar om strategiska frågor.",
      '    mandat: "Skall besluta om\\t samtliga frågor."',
    );
    const ds = lint(await check({ "overenskommelse.yaml": yaml }));
    const line = lineOf(yaml, "Parterna skall");
    const mandat = lineOf(yaml, "mandat:");
    expect(ds.map((d) => [d.line, d.col, d.rule, d.message])).toEqual(
      [
        [
          line,
          colOf(yaml, "skall"),
          "klarsprak",
          expect.stringMatching(
            /^Skriv ”ska” i stället för ”skall”: .*\(rättas med iop check --fix\)$/,
          ),
        ],
        [
          line,
          colOf(yaml, "tillse att"),
          "klarsprak",
          expect.stringContaining("Skriv ”se till att” i stället för ”tillse att”"),
        ],
        [
          line,
          colOf(yaml, "senaste den"),
          "stavning",
          expect.stringContaining("Skriv ”senast den” i stället för ”senaste den”"),
        ],
        [
          mandat,
          colOf(yaml, "Skall"),
          "klarsprak",
          expect.stringContaining("Skriv ”Ska” i stället för ”Skall”"),
        ],
        [
          mandat,
          colOf(yaml, "samtliga"),
          "klarsprak",
          expect.stringContaining("Skriv ”alla” i stället för ”samtliga”"),
        ],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it("should not match inside a word, nor in ids", async () => {
    const yaml = AGREEMENT.replace(
      "syfte: Att erbjuda brottsofferstöd i hela staden.",
      "syfte: Skallgång och samtligas förslag gäller.",
    );
    expect(lint(await check({ "overenskommelse.yaml": yaml }))).toEqual([]);
  });

  it("should mark an unsafe suggestion as one to consider, not to apply", async () => {
    const yaml = AGREEMENT.replace(
      "syfte: Att erbjuda brottsofferstöd i hela staden.",
      "syfte: Föreningen ska erhålla medel.",
    );
    const [d] = lint(await check({ "overenskommelse.yaml": yaml }));
    expect(d?.message).toBe(
      "Skriv ”få” i stället för ”erhålla”: ”Erhålla” är byråkratiskt; ”få” räcker oftast. Läs om meningen efter bytet.",
    );
  });
});

describe("party names", () => {
  it("should warn where a party is written otherwise than its name, in the agreement and its bilagor", async () => {
    const yaml = AGREEMENT.replace(
      "    text: Se :avsnitt[period] och :part[bo-vasterort].",
      "    text: Se :avsnitt[period]. Brottsofferjouren västerort och Brottsofferjouren-Västerort stöder; Brottsofferjouren Västerorts volontärer och :part[bo-vasterort] likaså.",
    );
    const bilaga = BILAGA.replace(
      "    - Stödsamtal via telefon och personliga möten.",
      "    - Brottsofferjouren Västeort ger stödsamtal.",
    );
    const ds = lint(await check({ "overenskommelse.yaml": yaml, "bilaga-1.yaml": bilaga }));
    expect(ds.map((d) => [d.file.replace(/^.*\//, ""), d.line, d.col, d.message])).toEqual([
      [
        "overenskommelse.yaml",
        lineOf(yaml, "västerort"),
        colOf(yaml, "Brottsofferjouren västerort"),
        "Parten heter ”Brottsofferjouren Västerort” men skrivs här ”Brottsofferjouren västerort”. Skriv namnet som under parter, eller :part[bo-vasterort].",
      ],
      [
        "overenskommelse.yaml",
        lineOf(yaml, "västerort"),
        colOf(yaml, "Brottsofferjouren-Västerort"),
        "Parten heter ”Brottsofferjouren Västerort” men skrivs här ”Brottsofferjouren-Västerort”. Skriv namnet som under parter, eller :part[bo-vasterort].",
      ],
      [
        "bilaga-1.yaml",
        lineOf(bilaga, "Västeort"),
        colOf(bilaga, "Brottsofferjouren Västeort"),
        "Parten heter ”Brottsofferjouren Västerort” men skrivs här ”Brottsofferjouren Västeort”. Skriv namnet som under parter, eller :part[bo-vasterort].",
      ],
    ]);
    expect(ds.every((d) => d.rule === "partnamn-varierar" && d.severity === "varning")).toBe(true);
  });
});

describe("switching a rule off (avstängda_regler)", () => {
  const text = (switchOffs: string) =>
    withSwitchOffs(switchOffs).replace(
      "syfte: Att erbjuda brottsofferstöd i hela staden.",
      "syfte: Parterna skall ge stöd senaste den 30 september.",
    );

  it("should silence exactly the rules it names, a whole family with saknat-avsnitt", async () => {
    const ds = lint(
      await check({
        "overenskommelse.yaml": text(
          "avstängda_regler:\n  - regel: klarsprak\n    skäl: Undertecknad ordalydelse.\n  - regel: saknat-avsnitt\n    skäl: Testavtal.\n  - regel: saknat-avsnitt-bakgrund\n    skäl: Också ett enskilt avsnitt går.\n",
        ),
      }),
    );
    expect(ds.map((d) => d.rule).sort()).toEqual(["egen-insats-saknas", "stavning"]);
  });

  it("should warn about a switch-off that silences nothing", async () => {
    const yaml = text(
      "avstängda_regler:\n  - regel: stavning\n    skäl: Undertecknad ordalydelse.\n  - regel: partnamn-varierar\n    skäl: Inaktuell.\n  - regel: saknat-avsnitt\n    skäl: Testavtal.\n  - regel: egen-insats-saknas\n    skäl: Testavtal.\n",
    );
    const ds = lint(await check({ "overenskommelse.yaml": yaml })).concat(
      (await check({ "overenskommelse.yaml": yaml })).filter(
        (d) => d.rule === "avstangd-regel-onodig",
      ),
    );
    expect(ds.map((d) => [d.line, d.rule, d.message])).toEqual([
      [lineOf(yaml, "skall ge stöd"), "klarsprak", expect.stringContaining("”ska”")],
      [
        lineOf(yaml, "regel: partnamn-varierar"),
        "avstangd-regel-onodig",
        "Regeln ”partnamn-varierar” är avstängd men skulle inte varna för något i överenskommelsen. Ta bort den ur avstängda_regler.",
      ],
    ]);
  });

  it("should make a missing reason, an unknown rule and a repeated rule errors", async () => {
    const yaml = text(
      "avstängda_regler:\n  - regel: klarsprak\n  - regel: organisationsnummer-kontrollsiffra\n    skäl: Går inte.\n  - regel: stavning\n    skäl: Ett.\n  - regel: stavning\n    skäl: Två.\n",
    );
    const ds = await check({ "overenskommelse.yaml": yaml });
    const errors = ds.filter((d) => d.severity === "fel");
    expect(errors.map((d) => [d.line, d.rule])).toEqual([
      [lineOf(yaml, "- regel: klarsprak"), "schema-nyckel-saknas"],
      [lineOf(yaml, "organisationsnummer-kontrollsiffra"), "avstangd-regel-okand"],
      [lineOf(yaml, "skäl: Två.") - 1, "avstangd-regel-dubblett"],
    ]);
    expect(errors[1]?.message).toMatch(
      /^”organisationsnummer-kontrollsiffra” är ingen granskningsregel som kan stängas av\. Sådana regler är: saknat-avsnitt, saknat-avsnitt-bakgrund, .*partnamn-varierar\.$/,
    );
    // The entry without a reason switches nothing off.
    expect(ds.map((d) => d.rule)).toContain("klarsprak");
  });
});

import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { loadAgreement } from "../../src/validate/index.js";
import { rules } from "../../src/validate/rules/index.js";
import { luhnValid } from "../../src/validate/rules/organisationsnummer.js";
import { AGREEMENT, BILAGA, writeAgreement } from "../helpers/fixture.js";

async function diagnose(files: Record<string, string | null>): Promise<Diagnostic[]> {
  return (await loadAgreement(writeAgreement(files))).diagnostics;
}
const agreement = (from: string, to: string) => {
  if (!AGREEMENT.includes(from)) throw new Error(`fixture lacks ${from}`);
  return { "overenskommelse.yaml": AGREEMENT.replace(from, to) };
};
const bilaga = (from: string, to: string) => {
  if (!BILAGA.includes(from)) throw new Error(`fixture lacks ${from}`);
  return { "bilaga-1.yaml": BILAGA.replace(from, to) };
};

/** Each rule: one change to the valid fixture that must trigger it, with severity and text. */
const cases: {
  rule: string;
  severity: "fel" | "varning";
  files: Record<string, string | null>;
  message: string;
}[] = [
  {
    rule: "organisationsnummer-kontrollsiffra",
    severity: "fel",
    files: agreement('"212000-0142"', '"212000-0143"'),
    message: "fel kontrollsiffra",
  },
  {
    rule: "organisationsnummer-tredje-siffra",
    severity: "fel",
    files: agreement('"802015-4822"', '"801015-4823"'),
    message: "tredje siffran 1",
  },
  {
    rule: "period-slut-fore-start",
    severity: "fel",
    files: agreement('inledande_slut: "2025-12-31"', 'inledande_slut: "2024-12-31"'),
    message: "före start",
  },
  {
    rule: "period-langst-till-fore-slut",
    severity: "fel",
    files: agreement('längst_till: "2027-12-31"', 'längst_till: "2025-06-30"'),
    message: "längst till 2025-06-30",
  },
  {
    rule: "uppsagning-efter-slut",
    severity: "fel",
    files: agreement('start: "2025-04-01"', 'start: "2025-10-01"'),
    message: "30 september 2025",
  },
  {
    rule: "budget-summa",
    severity: "fel",
    files: bilaga("summa: 704000", "summa: 705000"),
    message: "blir 704\u00a0000\u00a0kr",
  },
  {
    rule: "budget-summa-okontrollerad",
    severity: "varning",
    files: bilaga("belopp: 54000", "belopp: { saknas: Anges inte }"),
    message: "kan inte kontrolleras eftersom ett belopp saknas bland raderna",
  },
  {
    rule: "budget-summa-okontrollerad",
    severity: "varning",
    files: bilaga(
      "    rader:\n      - post: Personal\n        belopp: 650000\n      - post: Lokaler\n        belopp: 54000\n",
      "    per_år:\n      - år: 2025\n        belopp: 650000\n      - år: 2026\n        belopp: { saknas: Anges inte }\n",
    ),
    message: "kan inte kontrolleras eftersom ett belopp saknas bland beloppen per år",
  },
  {
    rule: "undertecknare-saknas",
    severity: "fel",
    files: agreement("    undertecknare:\n      namn: Elena Grgic\n      titel: ordförande\n", ""),
    message: "saknar undertecknare",
  },
  {
    rule: "bilaga-part-saknas",
    severity: "fel",
    files: bilaga("part: bo-vasterort", "part: bo-okand"),
    message: '"bo-okand" finns inte',
  },
  {
    rule: "bilaga-nummer-lucka",
    severity: "fel",
    files: bilaga("nummer: 1", "nummer: 2"),
    message: "bilaga 1 saknas",
  },
  {
    rule: "bilaga-nummer-dubblett",
    severity: "fel",
    files: { "bilaga-2.yaml": BILAGA.replace("part: bo-vasterort", "part: socialnamnden") },
    message: "finns redan",
  },
  {
    rule: "bilaga-part-dubblett",
    severity: "fel",
    files: { "bilaga-2.yaml": BILAGA.replace("nummer: 1", "nummer: 2") },
    message: "har redan bilaga 1",
  },
  {
    rule: "bilaga-undertecknare-saknas",
    severity: "fel",
    files: bilaga(
      "part: bo-vasterort",
      "part: bo-vasterort\nundertecknare: [socialnamnden, okand]",
    ),
    message: '"okand" finns inte',
  },
  {
    rule: "bilaga-saknas-for-part",
    severity: "varning",
    files: agreement(
      "period:\n",
      '  - id: bo-extra\n    namn: Brottsofferjouren Södra Stockholm\n    sektor: idéburen\n    organisationsnummer: "802476-1044"\n    undertecknar: false\nperiod:\n',
    ),
    message: "har ingen bilaga",
  },
  {
    rule: "hanvisning-avsnitt",
    severity: "fel",
    files: agreement(":avsnitt[period]", ":avsnitt[perioden]"),
    message: '"perioden" går inte att lösa upp',
  },
  {
    rule: "hanvisning-part",
    severity: "fel",
    files: agreement(":part[bo-vasterort]", ":part[bo-vaster]"),
    message: '"bo-vaster" går inte att lösa upp',
  },
  {
    rule: "hanvisning-organ",
    severity: "fel",
    files: agreement("forum: styrgrupp", "forum: samverkansgrupp"),
    message: '"samverkansgrupp" går inte att lösa upp',
  },
  {
    rule: "id-dubblett",
    severity: "fel",
    files: agreement("  - id: ovrigt", "  - id: period"),
    message: '"period" förekommer mer än en gång',
  },
  {
    rule: "avsnitt-rubrik-saknas",
    severity: "fel",
    files: agreement("    rubrik: Övrigt\n", ""),
    message: "saknar både klausul och rubrik",
  },
  {
    rule: "avsnitt-rubrik-oanvand",
    severity: "varning",
    files: agreement("    rubrik: Övrigt\n", "    rubrik: Övrigt\n    utan_rubrik: true\n"),
    message: "rubriken skrivs inte ut",
  },
  {
    rule: "hanvisning-avsnitt-utan-rubrik",
    severity: "fel",
    files: agreement("  - id: period\n", "  - id: period\n    utan_rubrik: true\n"),
    message: 'avsnittet "period" går inte att skriva ut',
  },
  {
    rule: "hanvisning-onumrerat-avsnitt",
    severity: "varning",
    files: {
      "overenskommelse.yaml": AGREEMENT.replace(
        "  - id: period\n",
        "  - id: period\n    numrerad: false\n",
      ).replace("Se :avsnitt[period]", "Se avsnitt :avsnitt[period]"),
    },
    message: "ordet före hänvisningen blir dubbelt",
  },
  {
    rule: "avsnitt-tomt",
    severity: "fel",
    files: agreement("    text: Se :avsnitt[period] och :part[bo-vasterort].\n", ""),
    message: "ingen text, klausul eller underavsnitt",
  },
  {
    rule: "id-mappnamn",
    severity: "fel",
    files: agreement("id: test-iop", "id: annat-namn"),
    message: '"annat-namn" ska vara samma som mappens namn',
  },
  {
    rule: "utkast",
    severity: "varning",
    files: agreement("status: beslutad", "status: utkast"),
    message: "är ett utkast",
  },
  {
    rule: "uppgift-saknas",
    severity: "varning",
    files: agreement("titel: socialdirektör", "titel: { saknas: Anges inte i källan }"),
    message:
      "Uppgift saknas: parter › «Socialnämnden i Stockholms stad» › undertecknare › titel (Anges inte i källan)",
  },
  {
    rule: "period-slut-eller-manader",
    severity: "fel",
    files: agreement(
      '  inledande_slut: "2025-12-31"\n',
      '  inledande_slut: "2025-12-31"\n  månader: 9\n',
    ),
    message: "antingen inledande_slut eller månader",
  },
  {
    rule: "budget-per-ar-summa",
    severity: "fel",
    files: bilaga(
      "    summa: 704000",
      "    summa: 704000\n    per_år:\n      - { år: 2025, belopp: 400000 }\n      - { år: 2026, belopp: 300000 }",
    ),
    message: "Beloppen per år blir 700\u00a0000\u00a0kr men raderna 704\u00a0000\u00a0kr",
  },
  {
    rule: "budget-over-tak",
    severity: "fel",
    files: bilaga("    summa: 704000", "    summa: 704000\n    tak: { belopp: 700000 }"),
    message: "mer än taket 700\u00a0000\u00a0kr",
  },
  {
    rule: "belopp-per-ar-dubblett",
    severity: "fel",
    files: bilaga(
      "    summa: 704000",
      "    summa: 704000\n    per_år:\n      - { år: 2025, belopp: 400000 }\n      - { år: 2025, belopp: 304000 }",
    ),
    message: "År 2025 förekommer mer än en gång",
  },
  {
    rule: "belopp-per-ar-utanfor-period",
    severity: "varning",
    files: bilaga(
      "    summa: 704000",
      "    summa: 704000\n    per_år:\n      - { år: 2025, belopp: 400000 }\n      - { år: 2029, belopp: 304000 }",
    ),
    message: "År 2029 ligger utanför partnerskapets period (2025–2027)",
  },
  {
    rule: "finansiering-over-tak",
    severity: "fel",
    files: agreement(
      "styrning:\n",
      "finansiering:\n  tak: { belopp: 1000000 }\n  fördelning:\n    - { part: socialnamnden, belopp: 600000 }\n    - { part: bo-vasterort, belopp: 500000 }\nstyrning:\n",
    ),
    message:
      "Fördelningen blir 1\u00a0100\u00a0000\u00a0kr, mer än partnerskapets tak 1\u00a0000\u00a0000\u00a0kr",
  },
  {
    rule: "finansiering-part-saknas",
    severity: "fel",
    files: agreement(
      "styrning:\n",
      "finansiering:\n  fördelning:\n    - { part: okand, belopp: 600000 }\nstyrning:\n",
    ),
    message: '"okand" finns inte',
  },
  {
    rule: "finansiering-over-fordelning",
    severity: "fel",
    files: agreement(
      "styrning:\n",
      "finansiering:\n  fördelning:\n    - { part: bo-vasterort, belopp: 700000 }\nstyrning:\n",
    ),
    message:
      "Ersättningen till Brottsofferjouren Västerort blir 704\u00a0000\u00a0kr, mer än partens del",
  },
  {
    rule: "forvaltning-ideburen",
    severity: "fel",
    files: agreement("    sektor: idéburen\n", "    sektor: idéburen\n    förvaltning: kansliet\n"),
    message: "Brottsofferjouren Västerort är en idéburen part",
  },
  {
    rule: "samlingsnamn-utan-ideburna",
    severity: "varning",
    files: {
      "overenskommelse.yaml": AGREEMENT.replace(
        "    sektor: idéburen\n",
        "    sektor: offentlig\n",
      ).replace("kommun: Stockholms stad\n", "kommun: Stockholms stad\nsamlingsnamn: jourerna\n"),
    },
    message: "inga idéburna parter",
  },
  {
    rule: "signering-saknas",
    severity: "varning",
    files: agreement("  - id: signering\n    klausul: signering\n", ""),
    message: "inget avsnitt för underskrifter",
  },
  {
    rule: "uppgift-visas-inte",
    severity: "varning",
    files: agreement(
      "styrning:\n",
      'beslut:\n  organ: kommunstyrelsen\n  datum: "2025-03-12"\nstyrning:\n',
    ),
    message:
      "Uppgiften beslut visas inte i något dokument. Lägg till ett avsnitt med klausul: beslut",
  },
];

describe("validation rules", () => {
  it("should report nothing for the valid fixture", async () => {
    expect(await diagnose({})).toEqual([]);
  });

  for (const c of cases) {
    it(`should report ${c.rule} as ${c.severity}`, async () => {
      const found = (await diagnose(c.files)).filter((d) => d.rule === c.rule);
      expect(found).toHaveLength(1);
      expect(found[0]?.severity).toBe(c.severity);
      expect(found[0]?.message).toContain(c.message);
    });
  }

  it("should have a failing case for every rule file", () => {
    const covered = new Set(cases.map((c) => c.rule));
    const prefixes: Record<string, string[]> = {
      organisationsnummer: [
        "organisationsnummer-kontrollsiffra",
        "organisationsnummer-tredje-siffra",
      ],
      period: ["period-slut-fore-start", "uppsagning-efter-slut", "period-slut-eller-manader"],
      "budget-summa": ["budget-summa", "budget-per-ar-summa", "budget-over-tak"],
      "undertecknare-saknas": ["undertecknare-saknas"],
      bilagor: ["bilaga-nummer-lucka"],
      hanvisningar: ["hanvisning-part"],
      avsnitt: ["avsnitt-rubrik-saknas"],
      utkast: ["utkast"],
      "uppgift-saknas": ["uppgift-saknas"],
      "id-mappnamn": ["id-mappnamn"],
      finansiering: [
        "finansiering-over-tak",
        "finansiering-part-saknas",
        "finansiering-over-fordelning",
        "belopp-per-ar-dubblett",
        "belopp-per-ar-utanfor-period",
      ],
      forvaltning: ["forvaltning-ideburen"],
      samlingsnamn: ["samlingsnamn-utan-ideburna"],
      "signering-saknas": ["signering-saknas"],
      "uppgift-visas-inte": ["uppgift-visas-inte"],
    };
    for (const rule of rules) {
      expect(prefixes[rule.id], `rule ${rule.id} has no case`).toBeDefined();
      for (const id of prefixes[rule.id] ?? []) expect(covered.has(id), id).toBe(true);
    }
  });

  it("should accept unnumbered and headingless sections, and references to unnumbered ones", async () => {
    const text = AGREEMENT.replace("    rubrik: Övrigt\n", "    utan_rubrik: true\n").replace(
      "  - id: period\n",
      "  - id: period\n    numrerad: false\n",
    );
    expect(await diagnose({ "overenskommelse.yaml": text })).toEqual([]);
  });

  it("should warn about the word avsnittet before a reference to an unnumbered section", async () => {
    const text = AGREEMENT.replace(
      "  - id: period\n",
      "  - id: period\n    numrerad: false\n",
    ).replace("Se :avsnitt[period]", "Se avsnittet :avsnitt[period]");
    expect(
      (await diagnose({ "overenskommelse.yaml": text })).map((d) => [d.rule, d.severity]),
    ).toEqual([["hanvisning-onumrerat-avsnitt", "varning"]]);
  });

  it("should warn about the word avsnitt before a reference to a subsection of an unnumbered section", async () => {
    const text = AGREEMENT.replace(
      "  - id: period\n    klausul: period\n",
      "  - id: villkor\n    rubrik: Villkor\n    numrerad: false\n    avsnitt:\n      - id: period\n        klausul: period\n",
    ).replace("Se :avsnitt[period]", "Se § :avsnitt[period]");
    expect(
      (await diagnose({ "overenskommelse.yaml": text })).map((d) => [d.rule, d.severity]),
    ).toEqual([["hanvisning-onumrerat-avsnitt", "varning"]]);
  });

  it("should warn about a bilaga's own goals when no section of it prints them", async () => {
    const text = BILAGA.replace(
      "part: bo-vasterort\n",
      "part: bo-vasterort\nmål_punkter:\n  - Ett eget mål.\n",
    ).replace("  - id: ataganden\n    klausul: bilaga-ataganden\n", "");
    const found = (await diagnose({ "bilaga-1.yaml": text }))
      .filter((d) => d.rule === "uppgift-visas-inte")
      .map((d) => d.message);
    expect(found).toContain(
      "Uppgiften mål punkter visas inte i bilaga 1. Lägg till ett avsnitt med klausul: bilaga-ataganden, eller ta bort uppgiften.",
    );
  });

  it("should warn about a body, a signatory and a description that no document prints", async () => {
    const text = AGREEMENT.replace(
      "    mandat: Styrgruppen beslutar om strategiska frågor.\n",
      "    mandat: Styrgruppen beslutar om strategiska frågor.\n  - id: referensgrupp\n    typ: annat\n    namn: referensgruppen\n",
    ).replace(
      '    organisationsnummer: "802015-4822"\n',
      '    organisationsnummer: "802015-4822"\n    beskrivning: Jouren ger stöd.\n    undertecknar: false\n',
    );
    const found = (await diagnose({ "overenskommelse.yaml": text }))
      .filter((d) => d.rule === "uppgift-visas-inte")
      .map((d) => [d.line, d.message]);
    const line = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(found).toEqual([
      [
        line("  - id: referensgrupp"),
        "Styrningsorganet referensgruppen (referensgrupp) visas inte i något dokument. Lägg till ett avsnitt med klausul: organ och parametrar: { organ: referensgrupp }, eller ta bort det.",
      ],
      [
        line("      namn: Elena Grgic") - 1, // the key of her undertecknare
        "Brottsofferjouren Västerort undertecknar inte (undertecknar: false), så undertecknaren visas inte. Ta bort undertecknare eller undertecknar: false.",
      ],
      [
        line("    beskrivning: Jouren ger stöd."),
        "Beskrivningen av Brottsofferjouren Västerort visas inte: ingen bilaga har ett avsnitt med klausul: bilaga-part för parten.",
      ],
    ]);
  });

  it("should accept the organisationsnummer of the seed parties", () => {
    for (const nr of ["2120000142", "8024907720", "8024761044", "8020154822"])
      expect(luhnValid(nr), nr).toBe(true);
    expect(luhnValid("8024907721")).toBe(false);
  });

  it("should accept a months-based notice rule that leaves time in the initial period", async () => {
    const text = AGREEMENT.replace(
      '    senast: "09-30"\n    träder_i_kraft: "01-01"',
      "    månader_före_slut: 8",
    );
    expect(
      (await diagnose({ "overenskommelse.yaml": text })).filter(
        (d) => d.rule === "uppsagning-efter-slut",
      ),
    ).toEqual([]);
    const tooLong = AGREEMENT.replace(
      '    senast: "09-30"\n    träder_i_kraft: "01-01"',
      "    månader_före_slut: 10",
    );
    expect((await diagnose({ "overenskommelse.yaml": tooLong })).map((d) => d.rule)).toContain(
      "uppsagning-efter-slut",
    );
  });

  it("should count months back from a month's last day to a shorter month's last day", async () => {
    // 31 december 2025 less 10 months is 28 february 2025 (not "31 february", 3 march), the day
    // before the start: no notice can be given in time.
    const text = AGREEMENT.replace('start: "2025-04-01"', 'start: "2025-03-01"').replace(
      '    senast: "09-30"\n    träder_i_kraft: "01-01"',
      "    månader_före_slut: 10",
    );
    const found = (await diagnose({ "overenskommelse.yaml": text })).filter(
      (d) => d.rule === "uppsagning-efter-slut",
    );
    expect(found.map((d) => d.message)).toEqual([
      "Uppsägningen kan inte ges i tid: sista dag blir 28 februari 2025, utanför den inledande perioden 1 mars 2025–31 december 2025.",
    ]);
  });
});

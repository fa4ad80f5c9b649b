/**
 * An agreement's own wording of a clause (`lydelse`): it replaces the clause's default wording
 * word for word, while the facts in it ({start}, {exemplar}, {forum} …) stay derived from the
 * data and checked.
 */
import { describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { loadAgreement } from "../../src/validate/index.js";
import { AGREEMENT, BILAGA, writeAgreement } from "../helpers/fixture.js";

/** The fixture agreement with `extra` YAML lines added under the section with this id. */
function withSectionLines(id: string, extra: string[]): string {
  const anchor = `  - id: ${id}\n`;
  const start = AGREEMENT.indexOf(anchor);
  if (start < 0) throw new Error(`no section ${id}`);
  const next = AGREEMENT.indexOf("\n  - id:", start + anchor.length);
  const end = next < 0 ? AGREEMENT.length : next + 1;
  return `${AGREEMENT.slice(0, end)}${extra.map((l) => `    ${l}\n`).join("")}${AGREEMENT.slice(end)}`;
}

async function compose(yaml: string): Promise<{ markdown: string; diagnostics: Diagnostic[] }> {
  const { agreement, diagnostics } = await loadAgreement(
    writeAgreement({ "overenskommelse.yaml": yaml, "bilaga-1.yaml": null }),
  );
  expect(diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
  if (!agreement) throw new Error("the agreement did not load");
  const result = composeAgreement(agreement);
  return { markdown: result.documents[0]?.markdown ?? "", diagnostics: result.diagnostics };
}

const lineOf = (yaml: string, text: string) =>
  yaml.split("\n").findIndex((l) => l.includes(text)) + 1;

describe("an agreement's own wording", () => {
  it("should replace the default wording and fill its fields from the data", async () => {
    const yaml = withSectionLines("period", [
      "lydelse: Perioden löper från den {start} till och med {slut}, dock som längst till {längst_till}, om inte överenskommelsen sägs upp senaste den {senast}.",
    ]);
    const { markdown, diagnostics } = await compose(yaml);
    expect(markdown).toContain(
      "Perioden löper från den 1 april 2025 till och med 31 december 2025, dock som längst till 31 december 2027, om inte överenskommelsen sägs upp senaste den 30 september.",
    );
    expect(markdown).not.toContain("Partnerskapets inledande period");
    // {förlängning} ("kalenderår") is data the default wording prints but this wording leaves out.
    expect(diagnostics).toMatchObject([
      { severity: "varning", rule: "lydelse-falt-oanvant", line: lineOf(yaml, "lydelse:") },
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Lydelsen använder inte fältet {förlängning} ("kalenderår"), som har ett värde i data. Kontrollera att texten säger samma sak som data.',
    );
  });

  it("should start a field written with a capital with a capital", async () => {
    const yaml = withSectionLines("uppsagning", [
      "lydelse: '{Forum} tar emot uppsägningen senast den {senast} och den gäller från {träder_i_kraft}.'",
    ]);
    const { markdown, diagnostics } = await compose(
      yaml.replace(
        "      forum: styrgrupp\n",
        "      forum: styrgrupp\n    text: Ett eget stycke.\n",
      ),
    );
    // The own wording stays a paragraph of its own before the section's text.
    expect(markdown).toContain("från 1 januari.\n\nEtt eget stycke.");
    expect(markdown).toContain(
      "Styrgruppen tar emot uppsägningen senast den 30 september och den gäller från 1 januari.",
    );
    expect(diagnostics).toEqual([]);
  });

  it("should keep a backslashed brace as text", async () => {
    const yaml = withSectionLines("uppsagning", [
      "lydelse: 'Till {forum} \\{senast\\} den {senast}, i kraft {träder_i_kraft}.'",
    ]);
    const { markdown, diagnostics } = await compose(yaml);
    expect(markdown).toContain("Till styrgruppen \\{senast\\} den 30 september");
    expect(diagnostics).toEqual([]);
  });

  it("should derive the number of copies inside the own wording", async () => {
    const yaml = withSectionLines("signering", [
      "lydelse: Överenskommelsen är upprättat i {exemplar} likalydande exemplar där varje part erhållit varsitt original.",
    ]);
    const { markdown, diagnostics } = await compose(yaml);
    expect(markdown).toContain(
      "är upprättat i två likalydande exemplar där varje part erhållit varsitt original.\n\n:::signaturer",
    );
    expect(diagnostics).toEqual([]);
  });

  it("should refuse a number of copies typed by hand", async () => {
    const yaml = withSectionLines("signering", [
      "lydelse: Överenskommelsen är upprättat i fyra likalydande exemplar.",
    ]);
    const { diagnostics } = await compose(yaml);
    expect(diagnostics).toMatchObject([
      { severity: "fel", rule: "lydelse-falt-kravs", line: lineOf(yaml, "lydelse:") },
    ]);
    expect(diagnostics[0]?.message).toContain("{exemplar}");
  });

  it("should drop the clause's prose with lydelse: false and keep what is derived", async () => {
    const { markdown, diagnostics } = await compose(
      withSectionLines("signering", ["lydelse: false"]),
    );
    expect(markdown).not.toContain("likalydande");
    expect(markdown).toContain(":::signaturer");
    expect(diagnostics).toEqual([]);
  });

  it("should report an unknown field with the fields the clause has", async () => {
    const yaml = withSectionLines("uppsagning", [
      "lydelse: Uppsägning sker till {forum} senast den {sista_dag} med verkan {träder_i_kraft}.",
    ]);
    const { diagnostics } = await compose(yaml);
    const errors = diagnostics.filter((d) => d.severity === "fel");
    // At the field itself: its line, and the column of its "{".
    const line = yaml.split("\n")[lineOf(yaml, "lydelse:") - 1] ?? "";
    expect(errors).toMatchObject([
      {
        rule: "lydelse-falt-okant",
        line: lineOf(yaml, "lydelse:"),
        col: line.indexOf("{sista_dag}") + 1,
      },
    ]);
    expect(errors[0]?.message).toBe(
      "Okänt fält {sista_dag} i lydelsen. Klausulen uppsagning har fälten {forum}, {senast}, {träder_i_kraft}, {månader}.",
    );
  });

  it("should report a field whose data is missing", async () => {
    const yaml = withSectionLines("uppsagning", [
      "lydelse: Avtalet ska sägas upp {månader} månader innan det upphör.",
    ]);
    const { diagnostics } = await compose(yaml);
    const errors = diagnostics.filter((d) => d.severity === "fel");
    const line = yaml.split("\n")[lineOf(yaml, "lydelse:") - 1] ?? "";
    expect(errors).toMatchObject([
      {
        rule: "lydelse-falt-saknas",
        line: lineOf(yaml, "lydelse:"),
        col: line.indexOf("{månader}") + 1,
      },
    ]);
    expect(errors[0]?.message).toContain("{månader}");
  });

  it("should report a field whose data is marked saknas, not print it inside the sentence", async () => {
    const yaml = AGREEMENT.replace(
      "avsnitt:\n",
      [
        "beslut:",
        '  organ: { saknas: "Oklart vilken nämnd som beslutar" }',
        '  datum: "2025-03-12"',
        "avsnitt:",
        "  - id: beslut",
        "    klausul: beslut",
        "    lydelse: Överenskommelsen beslutades av {organ} den {datum}.",
        "",
      ].join("\n"),
    );
    const { markdown, diagnostics } = await compose(yaml);
    expect(markdown).toContain("Överenskommelsen beslutades av {organ} den 12 mars 2025.");
    expect(markdown).not.toContain("Uppgift saknas");
    const line = yaml.split("\n")[lineOf(yaml, "lydelse:") - 1] ?? "";
    expect(diagnostics.filter((d) => d.severity === "fel")).toMatchObject([
      {
        rule: "lydelse-falt-saknas",
        line: lineOf(yaml, "lydelse:"),
        col: line.indexOf("{organ}") + 1,
        message: "Fältet {organ} kan inte fyllas i: Uppgiften beslut.organ är markerad som saknad.",
      },
    ]);
  });

  it("should refuse an own wording for a clause whose text comes from the data", async () => {
    const yaml = withSectionLines("syfte", ["lydelse: Ett annat syfte."]);
    const { diagnostics } = await compose(yaml);
    expect(diagnostics).toMatchObject([
      { severity: "fel", rule: "lydelse-utan-standardlydelse", line: lineOf(yaml, "id: syfte") },
    ]);
  });

  it("should refuse an own wording beside parametrar.inledning", async () => {
    const yaml = withSectionLines("parter", [
      "lydelse: Mellan dessa parter.",
      "parametrar:",
      "  inledning: Avtalet ingås mellan",
    ]);
    const { diagnostics } = await compose(yaml);
    expect(diagnostics).toMatchObject([{ severity: "fel", rule: "lydelse-och-inledning" }]);
  });

  it("should refuse an own wording without a clause", async () => {
    const yaml = withSectionLines("ovrigt", ["lydelse: Text utan klausul."]);
    const { diagnostics } = await compose(yaml);
    expect(diagnostics).toMatchObject([{ severity: "fel", rule: "lydelse-utan-klausul" }]);
  });
});

describe("the default wording of the clause library", () => {
  it("should write one month in the singular (period, notice)", async () => {
    const period = (months: number, notice?: number) =>
      AGREEMENT.replace('  inledande_slut: "2025-12-31"\n', `  månader: ${months}\n`)
        .replace('    längst_till: "2027-12-31"\n', "")
        .replace(
          '  uppsägning:\n    senast: "09-30"\n    träder_i_kraft: "01-01"\n',
          notice === undefined ? "" : `  uppsägning:\n    månader_före_slut: ${notice}\n`,
        )
        .replace("    parametrar:\n      forum: styrgrupp\n", "");
    expect((await compose(period(1))).markdown).toContain(
      "till och med den 30 april 2025 (en månad).",
    );
    expect((await compose(period(3, 1))).markdown).toContain(
      "ska sägas upp 1 månad innan överenskommelsen upphör.",
    );
  });

  it("should name the idéburna parties by the agreement's collective name, and who pays by the förvaltning", async () => {
    const yaml = AGREEMENT.replace(
      "kommun: Stockholms stad\n",
      "kommun: Stockholms stad\nsamlingsnamn: föreningarna\n",
    )
      .replace(
        "    sektor: offentlig\n",
        "    sektor: offentlig\n    förvaltning: kulturförvaltningen\n",
      )
      .replace(
        "  - id: signering\n",
        "  - id: aterkrav\n    klausul: aterkrav\n  - id: sekretess\n    klausul: sekretess\n  - id: signering\n",
      );
    const { markdown } = await compose(
      // A third party, so that the collective name is used rather than the one party's name.
      yaml.replace(
        "period:\n",
        '  - id: tredje\n    namn: Föreningen Tredje\n    sektor: idéburen\n    organisationsnummer: "802015-4822"\n    undertecknar: false\nperiod:\n',
      ),
    );
    expect(markdown).toContain("på grund av att någon av föreningarna brutit mot sina åtaganden");
    expect(markdown).toContain("hela summan som kulturförvaltningen har betalat ut");
    expect(markdown).toContain("Anställda och volontärer hos föreningarna ska anmäla");
  });

  it("should name a single idéburen party and the paying party itself without that data", async () => {
    const yaml = AGREEMENT.replace(
      "  - id: signering\n",
      "  - id: aterkrav\n    klausul: aterkrav\n  - id: sekretess\n    klausul: sekretess\n  - id: signering\n",
    );
    const { markdown } = await compose(yaml);
    expect(markdown).toContain(
      "på grund av att Brottsofferjouren Västerort brutit mot sina åtaganden",
    );
    expect(markdown).toContain("hela summan som Socialnämnden i Stockholms stad har betalat ut");
    expect(markdown).toContain(
      "Anställda och volontärer hos Brottsofferjouren Västerort ska anmäla",
    );
  });

  it("should warn at the section when the default wording speaks of data the agreement lacks", async () => {
    const bilaga = BILAGA.replace(
      "avsnitt:\n",
      "avsnitt:\n  - id: atagande\n    klausul: bilaga-inledning\n",
    );
    const { agreement } = await loadAgreement(writeAgreement({ "bilaga-1.yaml": bilaga }));
    if (!agreement) throw new Error("the agreement did not load");
    const { diagnostics } = composeAgreement(agreement);
    // The fixture has syfte but no mål, värdegrund or målgrupp.
    expect(diagnostics).toMatchObject([
      {
        severity: "varning",
        rule: "klausul-forutsatter",
        file: expect.stringMatching(/bilaga-1\.yaml$/),
        line: lineOf(bilaga, "id: atagande"),
        message:
          "Klausulen bilaga-inledning talar om mål, syfte, värdegrund, målgrupp, men överenskommelsen anger inte mål, värdegrund, målgrupp. Ange uppgiften, eller skriv en egen lydelse som stämmer.",
      },
    ]);
  });

  it("should leave presupposed data marked saknas to the uppgift-saknas warning", async () => {
    const bilaga = BILAGA.replace(
      "avsnitt:\n",
      "avsnitt:\n  - id: atagande\n    klausul: bilaga-inledning\n",
    );
    const agreementYaml = AGREEMENT.replace(
      "styrning:\n",
      'mål: { saknas: "Formuleras"}\nvärdegrund: { saknas: "Formuleras" }\nmålgrupp: { saknas: "Avgränsas" }\nstyrning:\n',
    );
    const { agreement } = await loadAgreement(
      writeAgreement({ "overenskommelse.yaml": agreementYaml, "bilaga-1.yaml": bilaga }),
    );
    if (!agreement) throw new Error("the agreement did not load");
    expect(composeAgreement(agreement).diagnostics).toEqual([]);
  });

  it("should point at a field in a block of text on its own line and column", async () => {
    const yaml = withSectionLines("uppsagning", [
      "lydelse: |-",
      "  Uppsägning sker till {forum}.",
      "",
      "  Senast den {senast} med verkan {träder_i_kraft}, eller {okänt}.",
    ]);
    const { diagnostics } = await compose(yaml);
    const line = lineOf(yaml, "{okänt}");
    const text = yaml.split("\n")[line - 1] ?? "";
    expect(diagnostics).toMatchObject([
      { rule: "lydelse-falt-okant", line, col: text.indexOf("{okänt}") + 1 },
    ]);
  });

  it("should write a bilaga's signatory without the title when the bilaga says so", async () => {
    const bilaga = BILAGA.replace(
      "part: bo-vasterort\n",
      "part: bo-vasterort\nundertecknare: [socialnamnden, { part: bo-vasterort, utan_titel: true }]\n",
    );
    const { agreement } = await loadAgreement(writeAgreement({ "bilaga-1.yaml": bilaga }));
    if (!agreement) throw new Error("the agreement did not load");
    const [main, bilagan] = composeAgreement(agreement).documents;
    expect(bilagan?.markdown).toContain('::signatur{namn="Elena Grgic" ');
    expect(bilagan?.markdown).not.toContain('titel="ordförande"');
    expect(bilagan?.markdown).toContain('titel="socialdirektör"');
    // The agreement itself still gives the title.
    expect(main?.markdown).toContain('namn="Elena Grgic" titel="ordförande"');
  });

  it("should not require the number of copies of an electronic signing, nor fill it", async () => {
    const electronic = AGREEMENT.replace("  sätt: papper\n", "  sätt: elektronisk\n");
    const ok = await compose(
      withSectionLines("signering", [
        "lydelse: Överenskommelsen undertecknas elektroniskt av samtliga parter.",
      ]).replace("  sätt: papper\n", "  sätt: elektronisk\n"),
    );
    expect(ok.diagnostics).toEqual([]);
    expect(ok.markdown).toContain("Överenskommelsen undertecknas elektroniskt av samtliga parter.");
    const yaml = electronic.replace(
      "  - id: signering\n    klausul: signering\n",
      "  - id: signering\n    klausul: signering\n    lydelse: Upprättad i {exemplar} exemplar.\n",
    );
    const { diagnostics } = await compose(yaml);
    expect(diagnostics).toMatchObject([{ severity: "fel", rule: "lydelse-falt-saknas" }]);
    expect(diagnostics[0]?.message).toBe(
      "Fältet {exemplar} kan inte fyllas i: vid elektronisk underskrift upprättas inga exemplar. Skriv lydelsen utan antal, t.ex. att överenskommelsen undertecknas elektroniskt av samtliga parter.",
    );
  });
});

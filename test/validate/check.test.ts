import { describe, expect, it } from "vitest";
import { AGREEMENT, BILAGA, runCli, writeAgreement } from "../helpers/fixture.js";

/** Line (1-based) of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("iop check", () => {
  it("should exit 0 without diagnostics for a valid agreement", async () => {
    const r = await runCli(["check", writeAgreement()]);
    expect(r.stderr).toContain("utan fel");
    expect(r.stderr).not.toMatch(/: (fel|varning):/);
    expect(r.code).toBe(0);
  });

  it("should report a wrong Luhn digit at the organisationsnummer's line and column", async () => {
    const text = AGREEMENT.replace('"802015-4822"', '"802015-4823"');
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    const line = lineOf(text, '"802015-4823"');
    expect(r.stderr).toContain(
      `overenskommelse.yaml:${line}:26: fel: Organisationsnumret 802015-4823 för Brottsofferjouren Västerort har fel kontrollsiffra`,
    );
    expect(r.stderr).toContain("[organisationsnummer-kontrollsiffra]");
  });

  it("should report an end date before the start at the end date", async () => {
    const text = AGREEMENT.replace('inledande_slut: "2025-12-31"', 'inledande_slut: "2025-01-31"');
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `:${lineOf(text, "inledande_slut")}:19: fel: Den inledande perioden slutar (2025-01-31) före start (2025-04-01). [period-slut-fore-start]`,
    );
  });

  it("should report a missing signatory at the party", async () => {
    const text = AGREEMENT.replace(
      "    undertecknare:\n      namn: Elena Grgic\n      titel: ordförande\n",
      "",
    );
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `:${lineOf(text, "id: bo-vasterort")}:5: fel: Brottsofferjouren Västerort undertecknar men saknar undertecknare.`,
    );
  });

  it("should report a misspelt key at the key and suggest the right one", async () => {
    const text = AGREEMENT.replace("diarienummer:", "diarienumer:");
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `:${lineOf(text, "diarienumer")}:1: fel: Okänd nyckel "diarienumer". Menade du "diarienummer"?`,
    );
    expect(r.stderr).toContain("[schema-okand-nyckel]");
  });

  it("should report a tab-indented line at the tab", async () => {
    const text = AGREEMENT.replace("    typ: styrgrupp", "\ttyp: styrgrupp");
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `overenskommelse\\.yaml:${lineOf(text, "\ttyp")}:1: fel: Tabbtecken används för indrag`,
      ),
    );
  });

  it("should stop an alias bomb with a message at the first alias", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "",
    ].join("\n");
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": bomb })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("overenskommelse.yaml:2:8: fel: För många alias");
    expect(r.stderr).toContain("[yaml-aliasbomb]");
  });

  it("should report a reference that only breaks when a bilaga repeats the agreement's goals", async () => {
    // Valid in the agreement (the section exists there); the bilaga repeats the goals, and the
    // bilaga has no section "period": only composing the documents finds it.
    const agreement = AGREEMENT.replace(
      "syfte: Att erbjuda brottsofferstöd i hela staden.\n",
      "syfte: Att erbjuda brottsofferstöd i hela staden.\nmål:\n  punkter:\n    - Stöd enligt :avsnitt[period].\n",
    );
    // BILAGA has a bilaga-ataganden section.
    const bilaga = BILAGA;
    const r = await runCli([
      "check",
      writeAgreement({ "overenskommelse.yaml": agreement, "bilaga-1.yaml": bilaga }),
    ]);
    // At the id in the agreement's goals, which the bilaga repeats.
    expect(r.stderr).toContain(
      `overenskommelse.yaml:${lineOf(agreement, "Stöd enligt")}:28: fel: Hänvisningen :avsnitt[period] pekar på ett avsnitt som inte finns i bilagan.`,
    );
    expect(r.stderr).toContain("[hanvisning-avsnitt-saknas]");
    expect(r.code).toBe(1);
  });

  it("should report an unknown :part[x] in a block of text at x itself", async () => {
    const text = AGREEMENT.replace(
      "    text: Se :avsnitt[period] och :part[bo-vasterort].\n",
      "    text: |\n      Se :avsnitt[period] och\n      även :part[bo-okand].\n",
    );
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `overenskommelse.yaml:${lineOf(text, "även :part[bo-okand]")}:18: fel: Hänvisningen till parten "bo-okand" går inte att lösa upp. Kända id: socialnamnden, bo-vasterort. [hanvisning-part]`,
    );
  });

  it("should report an unknown :avsnitt[x] in a quoted text with escapes at x itself", async () => {
    const text = AGREEMENT.replace(
      "    text: Se :avsnitt[period] och :part[bo-vasterort].\n",
      '    text: "Se \\"villkoren\\" i\n      :avsnitt[perioden] och :part[bo-vasterort]."\n',
    );
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `overenskommelse.yaml:${lineOf(text, ":avsnitt[perioden]")}:16: fel: Hänvisningen till avsnittet "perioden" går inte att lösa upp.`,
    );
    expect(r.stderr).toContain("[hanvisning-avsnitt]");
  });

  it("should report a clause whose data is missing, once, at the section", async () => {
    const text = AGREEMENT.replace("syfte: Att erbjuda brottsofferstöd i hela staden.\n", "");
    const r = await runCli(["check", writeAgreement({ "overenskommelse.yaml": text })]);
    expect(r.code).toBe(1);
    const line = lineOf(text, "  - id: syfte");
    expect(r.stderr.match(/\[klausul-data-saknas\]/g)).toHaveLength(1);
    expect(r.stderr).toContain(
      `:${line}:5: fel: Klausulen syfte kräver uppgiften syfte, som saknas. [klausul-data-saknas]`,
    );
  });

  it("should report a clause used in the wrong document", async () => {
    const bilaga = BILAGA.replace("klausul: ersattning", "klausul: bilagor");
    const r = await runCli(["check", writeAgreement({ "bilaga-1.yaml": bilaga })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "fel: Klausulen bilagor kan bara användas i överenskommelsen. [klausul-fel-dokument]",
    );
  });

  it("should report schema errors and rule errors at once, in every file", async () => {
    const text = AGREEMENT.replace('"802015-4822"', '"802015-4823"').replace(
      "diarienummer:",
      "diarienumer:",
    );
    const bilaga = BILAGA.replace("part: bo-vasterort", "part: bo-okand").replace(
      "belopp: 54000",
      "belopp: [54000]",
    );
    const r = await runCli([
      "check",
      writeAgreement({ "overenskommelse.yaml": text, "bilaga-1.yaml": bilaga }),
    ]);
    const lines = r.stderr.split("\n").map((l) => l.replace(/^.*\/test-iop\//, ""));
    expect(lines).toContain(
      `overenskommelse.yaml:${lineOf(text, "diarienumer")}:1: fel: Okänd nyckel "diarienumer". Menade du "diarienummer"? Tillåtna nycklar: id, titel, undertitel, benämning, diarienummer, kommun, samlingsnamn, status, beslut, versionsdatum, signering, parter, period, bakgrund, syfte, mål, målgrupp, värdegrund, styrning, uppföljning, gemensamma_åtaganden, definitioner, ekonomi, finansiering, bilagor_inledning, avsnitt, avstängda_regler. [schema-okand-nyckel]`,
    );
    expect(lines).toContain(
      `overenskommelse.yaml:${lineOf(text, '"802015-4823"')}:26: fel: Organisationsnumret 802015-4823 för Brottsofferjouren Västerort har fel kontrollsiffra. Kontrollera numret mot källan. [organisationsnummer-kontrollsiffra]`,
    );
    expect(lines).toContain(
      `bilaga-1.yaml:${lineOf(bilaga, "part: bo-okand")}:7: fel: Parten "bo-okand" finns inte bland överenskommelsens parter (socialnamnden, bo-vasterort). [bilaga-part-saknas]`,
    );
    expect(lines).toContain(
      `bilaga-1.yaml:${lineOf(bilaga, "belopp: [54000]")}:17: fel: Värdet ska vara ett heltal. [schema-type]`,
    );
    // The row with the schema error is not summed again: no budget-summa on top of it.
    expect(r.stderr).not.toContain("[budget-summa]");
    expect(r.code).toBe(1);
  });

  it("should report YAML slips in one file and schema errors in another at once", async () => {
    const text = AGREEMENT.replace("    rubrik: Övrigt", "    rubrik: Övrigt: annat").replace(
      "    sektor: offentlig",
      "     sektor: offentlig",
    );
    const bilaga = BILAGA.replace("belopp: 650000", "belopp: 650 000");
    const r = await runCli([
      "check",
      writeAgreement({ "overenskommelse.yaml": text, "bilaga-1.yaml": bilaga }),
    ]);
    const lines = r.stderr.split("\n").map((l) => l.replace(/^.*\/test-iop\//, ""));
    expect(lines).toEqual([
      `bilaga-1.yaml:${lineOf(bilaga, "650 000")}:17: fel: "650 000" är text, inte ett tal. Skriv beloppet utan mellanslag, t.ex. 650000. [schema-tal-med-mellanslag]`,
      `overenskommelse.yaml:${lineOf(text, "     sektor: offentlig")}:6: fel: Raden är indragen 5 mellanslag men ska troligen vara indragen 4, som raderna på samma nivå. Nycklar i samma objekt ska börja i samma kolumn. [yaml-indrag]`,
      `overenskommelse.yaml:${lineOf(text, "rubrik: Övrigt: annat")}:13: fel: Värdet innehåller kolon och måste därför stå inom citattecken. Sätt värdet inom citattecken: rubrik: "Övrigt: annat" [yaml-kolon-i-varde]`,
      "3 fel, 0 varningar",
      "",
    ]);
    expect(r.code).toBe(1);
  });

  it("should print diagnostics as JSON with --format json", async () => {
    const text = AGREEMENT.replace('"802015-4822"', '"802015-4823"');
    const r = await runCli([
      "check",
      "--format",
      "json",
      writeAgreement({ "overenskommelse.yaml": text }),
    ]);
    const parsed = JSON.parse(r.stdout) as {
      file: string;
      line: number;
      col: number;
      severity: string;
      rule: string;
    }[];
    expect(parsed).toContainEqual(
      expect.objectContaining({
        severity: "fel",
        rule: "organisationsnummer-kontrollsiffra",
        line: lineOf(text, "802015-4823"),
        col: 26,
      }),
    );
    expect(r.code).toBe(1);
  });

  it("should exit 2 for a folder that does not exist", async () => {
    const r = await runCli(["check", "/nonexistent/agreement"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/nonexistent/agreement:1:1: fel: Finns inte. Ange en mapp");
    expect(r.stderr).toContain("[indata-saknas]");
  });

  it("should exit 2 with Swedish usage help for an unknown flag", async () => {
    const r = await runCli(["check", "--strange"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Okänd flagga: --strange");
  });

  it("should print Swedish help", async () => {
    const r = await runCli(["check", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Användning: iop check <mapp>");
  });
});

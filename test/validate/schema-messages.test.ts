import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { loadAgreement } from "../../src/validate/index.js";
import { AGREEMENT, BILAGA, writeAgreement } from "../helpers/fixture.js";

const show = (ds: Diagnostic[]) =>
  ds.map(
    (d) => `${d.file.split("/").pop()}:${d.line}:${d.col}: ${d.severity}: ${d.message} [${d.rule}]`,
  );
const lineOf = (text: string, needle: string): number =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const check = async (files: Record<string, string>) =>
  show((await loadAgreement(writeAgreement(files))).diagnostics);

describe("schema messages for common slips", () => {
  it("should ask for an amount without spaces, at the amount", async () => {
    const bilaga = BILAGA.replace("belopp: 650000", "belopp: 650 000").replace(
      "summa: 704000",
      "summa: 704 000 kr",
    );
    expect(await check({ "bilaga-1.yaml": bilaga })).toEqual([
      `bilaga-1.yaml:${lineOf(bilaga, "belopp: 650 000")}:17: fel: "650 000" är text, inte ett tal. Skriv beloppet utan mellanslag, t.ex. 650000. [schema-tal-med-mellanslag]`,
      `bilaga-1.yaml:${lineOf(bilaga, "summa: 704 000 kr")}:12: fel: "704 000 kr" är text, inte ett tal. Skriv beloppet utan mellanslag och utan kr, t.ex. 704000. [schema-tal-med-mellanslag]`,
    ]);
  });

  it("should say that a list cannot be marked saknas, at the value", async () => {
    const bilaga = BILAGA.replace(
      "  punkter:\n    - Stödsamtal via telefon och personliga möten.\n",
      "  punkter: { saknas: Anges inte i källan }\n",
    );
    expect(await check({ "bilaga-1.yaml": bilaga })).toEqual([
      `bilaga-1.yaml:${lineOf(bilaga, "punkter: { saknas")}:12: fel: Den här uppgiften kan inte markeras med saknas; den ska vara en lista, med en post per rad som börjar med "- ". Är listan frivillig kan nyckeln i stället utelämnas. [schema-saknas-ej-tillatet]`,
    ]);
  });

  it("should say that a single value cannot be marked saknas where that is not allowed", async () => {
    const text = AGREEMENT.replace("kommun: Stockholms stad", "kommun:\n  saknas: Anges inte");
    expect(await check({ "overenskommelse.yaml": text })).toEqual([
      `overenskommelse.yaml:${lineOf(text, "  saknas: Anges inte")}:3: fel: Den här uppgiften kan inte markeras med saknas; den ska vara text. [schema-saknas-ej-tillatet]`,
    ]);
  });

  it("should ask to quote a list item with a colon in it, at the item", async () => {
    const bilaga = BILAGA.replace(
      "    - Stödsamtal via telefon och personliga möten.",
      "    - Stödsamtal: via telefon och personliga möten.",
    );
    expect(await check({ "bilaga-1.yaml": bilaga })).toEqual([
      `bilaga-1.yaml:${lineOf(bilaga, "- Stödsamtal:")}:7: fel: Texten innehåller kolon följt av mellanslag och läses därför som nyckel och värde. Sätt texten inom citattecken: "Stödsamtal: via telefon och personliga möten." [schema-kolon-i-text]`,
    ]);
  });
});

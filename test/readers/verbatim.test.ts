/**
 * The example agreements that reproduce signed documents, read back from their PDFs with
 * pdftotext and compared word by word with the whole source text (copied into
 * test/fixtures/seeds: tests never read ../shared). The only differences allowed are the
 * documented corrections, each written out below as a change of the source text, by kind:
 *
 * - `namn`: one official name per party, where the source uses another name for it;
 * - `numrering`: derived numbering (heading numbers are taken off both sides; a bilaga's title
 *   carries its number);
 * - `lista`: list bullets and the punctuation of the derived lists of parties and bilagor;
 * - `underskrift`: the signature form (the blank date line, "Namnförtydligande" under an empty
 *   name line, "För <part>" above each signature);
 * - `exemplar`: the number of copies (derived; here it equals the source's);
 * - `belopp`: amounts are data, written by the tool as "5 000 kr" (thousands separated, "kr");
 * - `tabell`: a table cell's text on one line, where the source's cell wraps around the amount;
 * - `ocr`: seed 002 is OCR'd; its fixture has å, ä and ö restored and nothing else changed.
 * Page headers and footers are taken off the PDF text. Everything else must be the source's own
 * words, typos included: a silent "correction" fails this test.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { needProgram } from "../helpers/external.js";
import { bodyText, type Generated, generatedOutputs, pdfPages } from "./outputs.js";
import { compareWords, dateLines, headings, LIST_MARKER, words } from "./words.js";

type Kind = "namn" | "numrering" | "lista" | "underskrift" | "belopp" | "tabell";
/** A documented correction: the source's text, what the reproduction has instead, and why. */
type Correction = [from: string, to: string, kind: Kind];

interface Source {
  agreement: string;
  document: string;
  seed: string;
  corrections: Correction[];
}

const SOURCES: Source[] = [
  {
    agreement: "stockholm-brottsofferstod-2025",
    document: "overenskommelse",
    seed: "000-stockholm-2025-overenskommelse.txt",
    corrections: [
      ["mellan Socialförvaltningen och", "mellan Socialnämnden i Stockholms stad och", "namn"],
      [
        "Socialförvaltningen har sedan 2022",
        "Socialnämnden i Stockholms stad har sedan 2022",
        "namn",
      ],
      [
        "- Socialförvaltningen (organisationsnummer",
        "- Socialnämnden i Stockholms stad (organisationsnummer",
        "namn",
      ],
      ["(organisationsnummer 802490-7720),", "(organisationsnummer 802490-7720)", "lista"],
      ["(organisationsnummer 802476-1044),", "(organisationsnummer 802476-1044)", "lista"],
      ["(organisationsnummer 802015-4822).", "(organisationsnummer 802015-4822)", "lista"],
      ["Socialnämnden äger beslut", "Socialnämnden i Stockholms stad äger beslut", "namn"],
      ["lämnas till socialnämnden och", "lämnas till Socialnämnden i Stockholms stad och", "namn"],
      ["Stockholm-Gotland dnr 2021/630.", "Stockholm-Gotland, dnr 2021/630.", "lista"],
      ["Södra Stockholm dnr 2021/630.", "Södra Stockholm, dnr 2021/630.", "lista"],
      ["För socialnämnden i Stockholms stad", "För Socialnämnden i Stockholms stad", "namn"],
      [
        "För Brottsofferjouren i Stockholm-Gotland",
        "För Brottsofferjouren Stockholm-Gotland",
        "namn",
      ],
      ["För Brottsofferjouren i Södra Stockholm", "För Brottsofferjouren Södra Stockholm", "namn"],
      ["För Brottsofferjouren i Västerort", "För Brottsofferjouren Västerort", "namn"],
    ],
  },
  {
    agreement: "stockholm-brottsofferstod-2025",
    document: "bilaga-1",
    seed: "002-stockholm-2025-bilaga-stockholm-gotland.txt",
    corrections: [
      ["Bilaga Brottsofferjouren", "Bilaga 1, Brottsofferjouren", "numrering"],
      [
        "mellan\nsocialnämnden i Stockholms stad",
        "mellan\nSocialnämnden i Stockholms stad",
        "namn",
      ],
      ["För socialnämnden i Stockholms stad", "För Socialnämnden i Stockholms stad", "namn"],
      ["Konsulter 5000", "Konsulter 5 000", "belopp"],
      ["Förbrukningsmaterial 5000", "Förbrukningsmaterial 5 000", "belopp"],
      [
        "Verksamhetsstöd från 15000\nBrottsoffermyndigheten",
        "Verksamhetsstöd från Brottsoffermyndigheten 15 000",
        "tabell",
      ],
      [
        "Projektmedel från 30 000\nBrottsoffermyndigheten\n\n(öronmärkta)",
        "Projektmedel från Brottsoffermyndigheten (öronmärkta) 30 000",
        "tabell",
      ],
      ["Stockholmden /", "Stockholm den /", "underskrift"],
    ],
  },
  {
    agreement: "kalmar-brottsofferstod-2018",
    document: "overenskommelse",
    seed: "004-kalmar-2018-samverkansavtal.txt",
    corrections: [
      [
        "Kalmar socialförvaltning och Brottsofferjouren om",
        "Kalmar socialförvaltning och Brottsofferjouren i södra Kalmar län om",
        "namn",
      ],
      // The source sets the two parties side by side in a table.
      [
        "<i>Offentlig sektor</i>\t<i>Idéburen sektor</i>\nKalmar socialförvaltning, Box 834 391 28 KALMAR\tBrottsofferjouren i södra Kalmar län Stagneliusgatan 31 392 34 KALMAR",
        "Offentlig sektor:\n- Kalmar socialförvaltning, Box 834, 391 28 KALMAR\nIdéburen sektor:\n- Brottsofferjouren i södra Kalmar län, Stagneliusgatan 31, 392 34 KALMAR",
        "lista",
      ],
      ["Brottsofferjourens insats:", "Brottsofferjouren i södra Kalmar läns insats:", "namn"],
      [
        "Kalmar socialförvaltning och Brottsofferjouren. Styrgruppen",
        "Kalmar socialförvaltning och Brottsofferjouren i södra Kalmar län. Styrgruppen",
        "namn",
      ],
      [
        "Kalmar socialförvaltning\n\nBrottsofferjouren",
        "För Kalmar socialförvaltning\n\nFör Brottsofferjouren i södra Kalmar län",
        "underskrift",
      ],
    ],
  },
];

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), "utf8");

/** The source text with the documented corrections made, each found exactly once. */
function corrected(source: Source): string {
  let text = fixture(source.seed);
  for (const [from, to] of source.corrections) {
    expect(text.split(from).length - 1, `${source.seed}: "${from}"`).toBe(1);
    text = text.replace(from, to);
  }
  return text;
}

/** Heading numbers ("3.4", "5.") at the start of a source line are derived, so not compared. */
const withoutSourceNumbers = (text: string) =>
  text.replace(/^[ \t]*\d+(?:\.\d+)*\.?[ \t]+(?=\p{Lu})/gmu, "");

/** Our heading numbers, at the start of the line with the heading's first word. */
function withoutOurNumbers(text: string, doc: Generated): string {
  const starts = headings(doc.tree)
    .filter((h) => h.number !== "")
    .map((h) => `${h.number} ${h.text.split(" ")[0]}`);
  return text
    .split("\n")
    .map((line) => {
      const start = starts.find((s) => line.startsWith(s));
      return start ? line.slice(start.indexOf(" ") + 1) : line;
    })
    .join("\n");
}

describe.runIf(needProgram("pdftotext"))("reproductions read back word by word", () => {
  let documents: Generated[] = [];
  beforeAll(async () => {
    ({ documents } = await generatedOutputs());
  });

  it.each(SOURCES.map((s) => [`${s.agreement}/${s.document}`, s] as const))(
    "should have only the documented differences from the source: %s",
    (_, source) => {
      const doc = documents.find(
        (d) => d.agreement === source.agreement && d.name === source.document,
      ) as Generated;
      const ours = words(withoutOurNumbers(bodyText(pdfPages(doc.pdf), doc.tree), doc));
      const theirs = words(withoutSourceNumbers(corrected(source)));
      const difference = compareWords(ours, theirs, ["PDF", "källan"], {
        // What the PDF adds: list markers, the blank date lines of the signature form, "kr".
        a: [LIST_MARKER, /^_+$/, ...dateLines(doc.tree), ["Namnförtydligande"], ["kr"]],
        // The source's own list markers and blank date lines.
        b: [LIST_MARKER, /^\/$/],
      });
      expect(difference).toBeUndefined();
    },
  );

  it("should fail on a word the reproduction changed, as a check of the comparison", () => {
    const source = SOURCES[0] as Source;
    const theirs = words(withoutSourceNumbers(corrected(source)));
    const ours = theirs.map((w) => (w === "senaste" ? "senast" : w));
    expect(compareWords(ours, theirs, ["PDF", "källan"])).toMatch(/senast/);
  });
});

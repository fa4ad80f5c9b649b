/**
 * The copies (exemplar) of the example agreements, one per signing party, as poppler, qpdf and
 * `iop verify` read them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { needProgram } from "../helpers/external.js";
import { type Generated, generatedOutputs, iop, pdfInfo, pdfPages, run } from "./outputs.js";
import { flat } from "./words.js";

const STOCKHOLM_2025 = "stockholm-brottsofferstod-2025";

/** The signature fields qpdf finds in a PDF's AcroForm. */
function formFields(path: string): { name: string; type: string; page: number }[] {
  const json = JSON.parse(run("qpdf", ["--json", "--json-key=acroform", path])) as {
    acroform: { fields: { fullname: string; fieldtype: string; pageposfrom1: number }[] };
  };
  return json.acroform.fields.map((f) => ({
    name: f.fullname,
    type: f.fieldtype,
    page: f.pageposfrom1,
  }));
}

/** The number words the closing sentence counts the originals with, by number of copies. */
const COUNT_WORDS: Record<number, string> = { 1: "ett", 2: "två", 3: "tre", 4: "fyra" };

/**
 * The number word of every closing sentence that counts the originals, in the default wording
 * ("har upprättats i fyra likalydande exemplar", "har upprättats i ett original") or an
 * agreement's own ("är upprättat i fyra likalydande exemplar").
 */
const countWords = (text: string): string[] =>
  [...text.matchAll(/upprättat(?:s)? i (\S+) (?:likalydande exemplar|original)/g)].map(
    (m) => m[1] as string,
  );

/** Documents whose source has no such sentence (`lydelse: false`): 002 only has the signatures. */
const WITHOUT_COUNT = [`${STOCKHOLM_2025}--bilaga-1`];

describe.runIf(needProgram("pdftotext") && needProgram("pdfinfo") && needProgram("qpdf"))(
  "copies of the generated agreements",
  () => {
    let out = "";
    let agreements: string[] = [];
    let documents: Generated[] = [];
    const copies = () => documents.flatMap((doc) => doc.copies.map((copy) => ({ doc, copy })));

    beforeAll(async () => {
      ({ out, agreements, documents } = await generatedOutputs());
    });

    it("should make four copies of the Stockholm 2025 agreement and two of each bilaga, named after the party", () => {
      const files = readdirSync(join(out, STOCKHOLM_2025, "exemplar")).sort();
      const expected = documents
        .filter((d) => d.agreement === STOCKHOLM_2025)
        .flatMap((d) =>
          d.tree.signing.parties.map(
            (p, k, all) => `${d.name}-exemplar-${k + 1}-av-${all.length}-${p.id}.pdf`,
          ),
        )
        .sort();
      expect(files).toEqual(expected);
      expect(files.filter((f) => f.startsWith("overenskommelse-"))).toEqual([
        "overenskommelse-exemplar-1-av-4-socialnamnden.pdf",
        "overenskommelse-exemplar-2-av-4-bo-stockholm-gotland.pdf",
        "overenskommelse-exemplar-3-av-4-bo-sodra-stockholm.pdf",
        "overenskommelse-exemplar-4-av-4-bo-vasterort.pdf",
      ]);
      expect(files.filter((f) => f.startsWith("bilaga-1-"))).toEqual([
        "bilaga-1-exemplar-1-av-2-socialnamnden.pdf",
        "bilaga-1-exemplar-2-av-2-bo-stockholm-gotland.pdf",
      ]);
      for (const n of [2, 3]) {
        expect(files.filter((f) => f.startsWith(`bilaga-${n}-`))).toHaveLength(2);
      }
    });

    it("should print 'Exemplar k av N – <party>' on every page of each copy, once", () => {
      expect(copies()).toHaveLength(10 + 11 + 2);
      for (const { copy } of copies()) {
        const pages = pdfPages(copy.path).map(flat);
        const label = `Exemplar ${copy.number} av ${copy.of} – ${copy.partyName}`;
        for (const [i, page] of pages.entries()) {
          expect(page.split(label), `${copy.path} page ${i + 1}`).toHaveLength(2);
          expect(page.match(/Exemplar \d+ av \d+/g), `${copy.path} page ${i + 1}`).toHaveLength(1);
        }
      }
      for (const doc of documents) {
        expect(flat(pdfPages(doc.pdf).join(" ")), doc.pdf).not.toMatch(/Exemplar \d+ av \d+/);
      }
    });

    it("should say 'fyra likalydande exemplar' in the Stockholm 2025 agreement and 'två' in bilagor 2 and 3", () => {
      const stockholm = documents.filter((d) => d.agreement === STOCKHOLM_2025);
      expect(stockholm.map((d) => d.name)).toEqual([
        "overenskommelse",
        "bilaga-1",
        "bilaga-2",
        "bilaga-3",
      ]);
      // 000 §6 in its own words, the number derived; bilagor 2 and 3 in the default wording;
      // bilaga 1 (002) has no such sentence.
      const sentences: Record<string, string | undefined> = {
        overenskommelse:
          "Överenskommelsen om partnerskapet är upprättat i fyra likalydande exemplar där varje part erhållit varsitt original.",
        "bilaga-1": undefined,
        "bilaga-2":
          "Bilagan har upprättats i två likalydande exemplar, av vilka parterna tagit var sitt original.",
        "bilaga-3":
          "Bilagan har upprättats i två likalydande exemplar, av vilka parterna tagit var sitt original.",
      };
      for (const doc of stockholm) {
        const sentence = sentences[doc.name];
        for (const pdf of [doc.pdf, ...doc.copies.map((c) => c.path)]) {
          const text = flat(pdfPages(pdf).join(" "));
          if (sentence) expect(text, pdf).toContain(sentence);
          else expect(text, pdf).not.toContain("likalydande");
        }
      }
    });

    it("should state in every document as many originals as it has copies", () => {
      expect(documents.map((doc) => doc.key)).toEqual(expect.arrayContaining(WITHOUT_COUNT));
      for (const doc of documents) {
        const count = COUNT_WORDS[doc.copies.length];
        expect(count, doc.key).toBeDefined();
        const found = countWords(flat(pdfPages(doc.pdf).join(" ")));
        expect(found, doc.key).toEqual(WITHOUT_COUNT.includes(doc.key) ? [] : [count]);
      }
    });

    it("should pass iop verify for each example agreement", () => {
      expect(agreements).toHaveLength(3);
      for (const agreement of agreements) {
        const r = iop(["verify", join(out, agreement)]);
        expect(r.status, `${agreement}:\n${r.stdout}${r.stderr}`).toBe(0);
        expect(r.stdout + r.stderr, agreement).toContain(`${agreement}: allt stämmer.`);
      }
    });

    it("should leave paper copies without form fields: they are signed by hand", () => {
      for (const { copy } of copies()) {
        expect(pdfInfo(copy.path).Form, copy.path).toBe("none");
        expect(formFields(copy.path), copy.path).toEqual([]);
      }
    });

    it("should leave the document's own PDF without form fields", () => {
      for (const doc of documents) expect(pdfInfo(doc.pdf).Form, doc.pdf).toBe("none");
    });
  },
);

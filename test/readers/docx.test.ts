/**
 * Every generated .docx of the example agreements, opened by two independent readers: LibreOffice
 * (converted to text and to PDF, one soffice run per format for all files) and mammoth.
 */
import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText } from "../../src/document/text.js";
import { needProgram } from "../helpers/external.js";
import { type Generated, generatedOutputs, libreOffice, pageCount, pdfPages } from "./outputs.js";
import {
  amountHeaders,
  amounts,
  beforeSignatures,
  clean,
  findInOrder,
  flat,
  headings,
} from "./words.js";

/**
 * The paragraphs of a LibreOffice text export, each collapsed to single spaces, with the list
 * labels LibreOffice writes in front of list items ("•", "–", "1.") taken off: the tree's text
 * has no markers. Heading numbers stay (LibreOffice writes Word's heading number, a tab, the text).
 */
const paragraphs = (text: string): string[] =>
  clean(text)
    .split(/\r?\n/)
    .map((line) => flat(line.replace(/^\s*(?:[•◦▪–-]|\d+\.)\s+/, "")))
    .filter((line) => line !== "");

/** Finds `wanted` as whole paragraphs of `lines`, in order; returns the first one missing. */
function linesInOrder(lines: readonly string[], wanted: readonly string[]): string | undefined {
  let at = 0;
  for (const line of wanted) {
    const found = lines.indexOf(line, at);
    if (found < 0) return `"${line}" (after paragraph ${at}: "${lines[at - 1] ?? ""}")`;
    at = found + 1;
  }
  return undefined;
}

describe.runIf(needProgram("soffice") && needProgram("pdftotext") && needProgram("pdfinfo"))(
  "generated Word documents read by LibreOffice and mammoth",
  () => {
    let documents: Generated[] = [];
    let txt = new Map<string, string>();
    let pdf = new Map<string, string>();
    const loText = (d: Generated) => readFileSync(txt.get(d.key) as string, "utf8");
    const loPdf = (d: Generated) => pdf.get(d.key) as string;
    const find = (agreement: string, name: string) => {
      const d = documents.find((x) => x.agreement === agreement && x.name === name);
      if (!d) throw new Error(`${agreement}/${name} was not generated`);
      return d;
    };

    beforeAll(async () => {
      ({ documents } = await generatedOutputs());
      txt = await libreOffice("txt");
      pdf = await libreOffice("pdf");
    });

    it("should have a .docx for every document of the three agreements", () => {
      expect(new Set(documents.map((d) => d.agreement)).size).toBe(3);
      expect(documents.map((d) => d.key)).toContain("stockholm-brottsofferstod-2025--bilaga-3");
      expect(documents.map((d) => d.key)).toContain("kalmar-brottsofferstod-2018--overenskommelse");
      expect(documents).toHaveLength(10);
    });

    it("should convert every .docx to PDF and to text with LibreOffice", () => {
      for (const d of documents) {
        expect(readFileSync(loPdf(d)).subarray(0, 5).toString("latin1"), d.key).toBe("%PDF-");
        expect(pageCount(loPdf(d)), d.key).toBeGreaterThan(0);
        expect(paragraphs(loText(d))[0], d.key).toBe(flat(d.tree.meta.title));
      }
    });

    it("should show every numbered heading of the tree, in order, in LibreOffice's text", () => {
      for (const d of documents) {
        const wanted = headings(d.tree).map((h) => flat(`${h.number} ${h.text}`));
        expect(wanted.length, d.key).toBeGreaterThan(0);
        expect(linesInOrder(paragraphs(loText(d)), wanted) ?? "all found", d.key).toBe("all found");
      }
    });

    it("should show the Stockholm 2025 headings of the seed with their numbers, in order", () => {
      const lines = paragraphs(loText(find("stockholm-brottsofferstod-2025", "overenskommelse")));
      expect(
        linesInOrder(lines, [
          "1 Bakgrund",
          "1.1 Förnyad överenskommelse",
          "3.1 Styrgrupp",
          "3.2 Samverkansgruppen",
          "5.4 Brister i verksamhet",
          "5.5 Återkrav",
        ]) ?? "all found",
      ).toBe("all found");
    });

    it("should show the examples' unnumbered sections without a number, and the next numbered one counted past them", () => {
      const stockholm = paragraphs(
        loText(find("stockholm-brottsofferstod-2025", "overenskommelse")),
      );
      expect(
        linesInOrder(stockholm, [
          "5.10 Försäkringsansvar",
          "Bilagor",
          "6 Signering av överenskommelsen",
        ]) ?? "all found",
      ).toBe("all found");
      const kalmar = paragraphs(loText(find("kalmar-brottsofferstod-2018", "overenskommelse")));
      // The title, then the headingless preamble, the unnumbered "Allmänna krav", then 1.
      expect(kalmar[1]).toMatch(/^Samverkansavtal om Idéburet Offentligt Partnerskap/);
      expect(
        linesInOrder(kalmar, [
          "Allmänna krav",
          "1 Syfte",
          "6.3 Sekretess",
          "11 Utväxling av överenskommelse",
        ]) ?? "all found",
      ).toBe("all found");
      expect(stockholm.filter((l) => /^[\d.]+ Bilagor$/.test(l))).toEqual([]);
      expect(kalmar.filter((l) => /^[\d.]+ (Allmänna krav|Parter)$/.test(l))).toEqual([]);
    });

    it("should show every amount of the budget tables in LibreOffice's text", () => {
      let count = 0;
      for (const d of documents) {
        const lines = paragraphs(loText(d));
        for (const amount of amounts(d.tree)) {
          count++;
          expect(lines, `${d.key}: ${amount}`).toContain(amount);
        }
      }
      expect(count).toBeGreaterThan(20);
      const bilaga1 = paragraphs(loText(find("stockholm-brottsofferstod-2025", "bilaga-1")));
      expect(linesInOrder(bilaga1, ["650 000 kr", "830 000 kr", "46 500 kr"]) ?? "all found").toBe(
        "all found",
      );
    });

    it("should number every page of LibreOffice's PDF 'Sida k (N)' with N its page count", () => {
      for (const d of documents) {
        const pages = pdfPages(loPdf(d));
        const n = pageCount(loPdf(d));
        expect(pages, d.key).toHaveLength(n);
        pages.forEach((page, k) => {
          expect(flat(page), `${d.key} page ${k + 1}`).toContain(`Sida ${k + 1} (${n})`);
        });
      }
    });

    it("should print the diarienummer in the page header, and no bare 'Dnr' when there is none", () => {
      for (const d of documents) {
        const first = clean(pdfPages(loPdf(d))[0] ?? "")
          .split("\n")
          .map(flat);
        const dnr = d.tree.meta.diarienummer.trim();
        if (dnr) expect(first, d.key).toContain(`Dnr ${dnr}`);
        else
          expect(
            first.filter((l) => /^Dnr\b/.test(l)),
            d.key,
          ).toEqual([]);
      }
    });

    it("should not break an amount or an amount column's header across lines in LibreOffice's layout", () => {
      const broken = documents.flatMap((d) => {
        const lines = pdfPages(loPdf(d))
          .flatMap((page) => clean(page).split("\n").map(flat))
          .filter((line) => line !== "");
        const cells = new Set([...amountHeaders(d.tree), ...amounts(d.tree)]);
        // A cell that wraps comes out as two consecutive lines that together are the cell.
        return lines.slice(1).flatMap((line, i) => {
          const joined = `${lines[i]} ${line}`;
          return cells.has(joined) ? [`${d.key}: "${lines[i]}" / "${line}"`] : [];
        });
      });
      expect(broken).toEqual([]);
    });

    it("should keep the text before the signatures on the page of the first signature in LibreOffice's layout", () => {
      let checked = 0;
      for (const d of documents) {
        const expected = beforeSignatures(d.tree);
        if (!expected) continue;
        checked++;
        const page = pdfPages(loPdf(d))
          .map(flat)
          .find((text) => text.includes(`För ${expected.party}`));
        expect(page, d.key).toBeDefined();
        expect(page, d.key).toContain(expected.lastWords);
      }
      expect(checked).toBe(documents.length);
    });

    it("should contain every paragraph of the tree's text in LibreOffice's text, in order", () => {
      for (const d of documents) {
        const wanted = documentText(d.tree)
          .split("\n")
          .map(flat)
          .filter((l) => l !== "");
        // Table rows are one line of the tree's text (cells tab-separated) but one paragraph per
        // cell in LibreOffice's: the paragraphs are searched in one space-joined text.
        const missing = findInOrder(paragraphs(loText(d)).join(" "), wanted);
        expect(missing ?? "all found", d.key).toBe("all found");
      }
    });

    it("should give mammoth every heading's text and every amount, without errors", async () => {
      for (const d of documents) {
        const { value, messages } = await mammoth.extractRawText({ path: d.docx });
        expect(
          messages.filter((m) => m.type === "error"),
          d.key,
        ).toEqual([]);
        const lines = paragraphs(value);
        expect(
          linesInOrder(
            lines,
            headings(d.tree).map((h) => flat(h.text)),
          ) ?? "all found",
          d.key,
        ).toBe("all found");
        for (const amount of amounts(d.tree))
          expect(lines, `${d.key}: ${amount}`).toContain(amount);
      }
    });
  },
);

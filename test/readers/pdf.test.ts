/**
 * Every generated PDF of the example agreements (documents and copies), checked with qpdf and
 * poppler: structure, fonts, text in reading order, attachments, metadata, page footers.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { PDFDict, PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentText } from "../../src/document/text.js";
import type { DocumentTree } from "../../src/document/types.js";
import { needProgram } from "../helpers/external.js";
import {
  NS,
  operators,
  PAINTING,
  qpdfJson,
  structTree,
  textOf,
  xmpOf,
} from "../helpers/pdf-tags.js";
import {
  bodyText,
  type Generated,
  generatedOutputs,
  libreOffice,
  pdfInfo,
  pdfPages,
  root,
  run,
} from "./outputs.js";
import {
  beforeSignatures,
  clean,
  compareWords,
  dateLines,
  type Extra,
  flat,
  LIST_MARKER,
  tableHeaders,
  words,
} from "./words.js";

/** One PDF: a document's own or one of its copies (with the copy label it carries). */
interface Pdf {
  doc: Generated;
  path: string;
  label?: string;
  /** Short name for messages. */
  name: string;
}

/**
 * What the PDF renderer adds to the tree's text: list markers, the date line under each
 * signature, the "Namnförtydligande" label under an empty name line, each table's header row
 * again on a continuation page, and a copy's label.
 */
const pdfExtras = (tree: DocumentTree, label?: string): Extra[] => [
  LIST_MARKER,
  ...dateLines(tree),
  ["Namnförtydligande"],
  ...tableHeaders(tree),
  ...(label ? [words(label)] : []),
];

describe.runIf(
  needProgram("qpdf") &&
    needProgram("pdftotext") &&
    needProgram("pdffonts") &&
    needProgram("pdfdetach") &&
    needProgram("pdfinfo") &&
    needProgram("soffice"),
)("generated PDFs read by qpdf and poppler", () => {
  let pdfs: Pdf[] = [];
  let documents: Generated[] = [];
  let txt = new Map<string, string>();
  const work = mkdtempSync(join(tmpdir(), "iop-readers-pdf-"));

  beforeAll(async () => {
    ({ documents } = await generatedOutputs());
    pdfs = documents.flatMap((doc) => [
      { doc, path: doc.pdf, name: `${doc.agreement}/${doc.name}.pdf` },
      ...doc.copies.map((c) => ({
        doc,
        path: c.path,
        label: `Exemplar ${c.number} av ${c.of} – ${c.partyName}`,
        name: `${doc.agreement}/${basename(c.path)}`,
      })),
    ]);
    txt = await libreOffice("txt");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("should have every document's PDF and every copy", () => {
    // 10 documents; copies: Stockholm 2025 4+2+2+2, Stockholm 2022 4+2+2+2+1, Kalmar 2.
    expect(pdfs).toHaveLength(10 + 10 + 11 + 2);
  });

  it("should pass qpdf --check", () => {
    for (const pdf of pdfs) {
      const r = spawnSync("qpdf", ["--check", pdf.path], { encoding: "utf8" });
      expect(`${r.status}\n${r.stdout}${r.stderr}`, pdf.name).toMatch(
        /^0\n[\s\S]*No syntax or stream encoding errors found/,
      );
      expect(r.stdout + r.stderr, pdf.name).not.toMatch(/WARNING|error:/i);
    }
  });

  it("should be PDF/A-3b and PDF/UA-1: XMP, output intent, MarkInfo, structure tree, AF", () => {
    for (const pdf of pdfs) {
      const { errors, texts } = xmpOf(pdf.path, (xml, problems) =>
        new DOMParser({
          errorHandler: {
            warning: () => {},
            error: (e) => problems.push(String(e)),
            fatalError: (e) => problems.push(String(e)),
          },
        }).parseFromString(xml, "text/xml"),
      );
      expect(errors, pdf.name).toEqual([]);
      expect(
        [texts(NS.pdfaid, "part"), texts(NS.pdfaid, "conformance"), texts(NS.pdfuaid, "part")],
        pdf.name,
      ).toEqual([["3"], ["B"], ["1"]]);
      expect(texts(NS.dc, "title"), pdf.name).toEqual([pdf.doc.tree.meta.title]);
      const { catalog, dict } = qpdfJson(pdf.path);
      expect(catalog["/MarkInfo"], pdf.name).toEqual({ "/Marked": true });
      expect(catalog["/Lang"], pdf.name).toBe("u:sv-SE");
      expect(dict(dict(catalog["/OutputIntents"])[0] ?? "")["/S"], pdf.name).toBe("/GTS_PDFA1");
      expect(dict(catalog["/StructTreeRoot"])["/Type"], pdf.name).toBe("/StructTreeRoot");
      const af = catalog["/AF"] as string[];
      const embedded = run("pdfdetach", ["-list", pdf.path]).trim().split("\n").slice(1);
      expect(af.length, pdf.name).toBe(embedded.length);
      for (const ref of af) expect(dict(ref)["/AFRelationship"], pdf.name).toBe("/Source");
    }
  });

  it("should paint everything inside marked content: tagged text, or an artifact", () => {
    for (const pdf of pdfs) {
      for (const [i, content] of qpdfJson(pdf.path).pageContents().entries()) {
        const outside = operators(content).filter((o) => PAINTING.includes(o.op) && o.depth !== 1);
        expect(outside, `${pdf.name} page ${i + 1}`).toEqual([]);
      }
    }
  });

  it("should give the tree's text in the structure tree (pdfinfo -struct-text), in reading order", () => {
    const differences = pdfs.flatMap((pdf) => {
      const structure = textOf(structTree(pdf.path));
      const difference = compareWords(
        words(documentText(pdf.doc.tree)),
        words(structure),
        ["documentText", `${pdf.name} (structure)`],
        { b: [LIST_MARKER, ...dateLines(pdf.doc.tree), ["Namnförtydligande"]] },
      );
      return difference ? [difference] : [];
    });
    expect(differences).toEqual([]);
  });

  it("should use only embedded subset fonts with Unicode maps (pdffonts)", () => {
    for (const pdf of pdfs) {
      const rows = run("pdffonts", [pdf.path]).trim().split("\n").slice(2);
      expect(rows.length, pdf.name).toBeGreaterThan(0);
      for (const row of rows) {
        const m = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(row);
        expect(m, `${pdf.name}: ${row}`).not.toBeNull();
        const [, name, emb, sub, uni] = m as RegExpExecArray;
        expect({ name, emb, sub, uni }, pdf.name).toEqual({
          name: expect.stringMatching(/^[A-Z]{6}\+/),
          emb: "yes",
          sub: "yes",
          uni: "yes",
        });
      }
    }
  });

  /** Differences between each PDF's text and the tree's text; [] when there are none. */
  const treeDifferences = (list: readonly Pdf[], raw: boolean) =>
    list.flatMap((pdf) => {
      const difference = compareWords(
        words(documentText(pdf.doc.tree)),
        words(bodyText(pdfPages(pdf.path, raw), pdf.doc.tree)),
        ["documentText", pdf.name],
        { b: pdfExtras(pdf.doc.tree, pdf.label) },
      );
      return difference ? [difference] : [];
    });

  it("should draw the tree's text in reading order (pdftotext -raw: content stream order)", () => {
    expect(treeDifferences(pdfs, true)).toEqual([]);
  });

  it("should give poppler's layout analysis (pdftotext) the tree's text in reading order", () => {
    // The documents' own PDFs: a copy's pages are laid out the same (the test above reads them).
    expect(
      treeDifferences(
        pdfs.filter((p) => !p.label),
        false,
      ),
    ).toEqual([]);
  });

  it("should give pdftotext the same words in the same order as LibreOffice reads in the .docx", () => {
    // In content stream order: the layout analysis has its own test above.
    const differences = documents.flatMap((doc) => {
      const lo = readFileSync(txt.get(doc.key) as string, "utf8");
      const difference = compareWords(
        words(lo),
        words(bodyText(pdfPages(doc.pdf, true), doc.tree)),
        [`LibreOffice ${doc.agreement}/${doc.name}.docx`, `${doc.name}.pdf`],
        // Both write list markers; only the PDF has the name label and repeated table headers.
        { a: [LIST_MARKER], b: pdfExtras(doc.tree) },
      );
      return difference ? [difference] : [];
    });
    expect(differences).toEqual([]);
  });

  it("should print the examples' unnumbered sections without a number (pdftotext)", () => {
    const lines = (agreement: string) => {
      const doc = documents.find((d) => d.agreement === agreement && d.name === "overenskommelse");
      if (!doc) throw new Error(`${agreement} was not generated`);
      return pdfPages(doc.pdf).flatMap((page) => clean(page).split("\n").map(flat));
    };
    const stockholm = lines("stockholm-brottsofferstod-2025");
    const at = (list: string[], line: string) => list.indexOf(line);
    expect(at(stockholm, "Bilagor")).toBeGreaterThan(at(stockholm, "5.10 Försäkringsansvar"));
    expect(at(stockholm, "6 Signering av överenskommelsen")).toBeGreaterThan(
      at(stockholm, "Bilagor"),
    );
    const kalmar = lines("kalmar-brottsofferstod-2018");
    const preamble = kalmar.findIndex((l) => l.startsWith("Samverkansavtal om Idéburet"));
    expect(preamble).toBeGreaterThan(0);
    expect(at(kalmar, "Allmänna krav")).toBeGreaterThan(preamble);
    expect(at(kalmar, "1 Syfte")).toBeGreaterThan(at(kalmar, "Allmänna krav"));
    expect(stockholm.filter((l) => /^[\d.]+ Bilagor$/.test(l))).toEqual([]);
    expect(kalmar.filter((l) => /^[\d.]+ (Allmänna krav|Parter)$/.test(l))).toEqual([]);
  });

  it("should give the examples' unnumbered sections a bookmark of their own, without a number", async () => {
    const bookmarks = async (agreement: string) => {
      const doc = documents.find((d) => d.agreement === agreement && d.name === "overenskommelse");
      if (!doc) throw new Error(`${agreement} was not generated`);
      const pdf = await PDFDocument.load(readFileSync(doc.pdf));
      const outlines = pdf.catalog.lookup(PDFName.of("Outlines"), PDFDict);
      const top: string[] = [];
      let item = outlines.lookupMaybe(PDFName.of("First"), PDFDict);
      for (; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
        top.push(item.lookup(PDFName.of("Title"), PDFHexString).decodeText());
      }
      return top;
    };
    const stockholm = (await bookmarks("stockholm-brottsofferstod-2025")).slice(-3);
    expect(stockholm[0]).toMatch(/^5 /);
    expect(stockholm.slice(1)).toEqual(["Bilagor", "6 Signering av överenskommelsen"]);
    expect((await bookmarks("kalmar-brottsofferstod-2018")).slice(0, 2)).toEqual([
      "Allmänna krav",
      "1 Syfte",
    ]);
  });

  it("should keep the text before the signatures on the page of the first signature", () => {
    for (const pdf of pdfs) {
      const expected = beforeSignatures(pdf.doc.tree);
      expect(expected, pdf.name).toBeDefined();
      if (!expected) continue;
      const page = pdfPages(pdf.path)
        .map(flat)
        .find((text) => text.includes(`För ${expected.party}`));
      expect(page, pdf.name).toContain(expected.lastWords);
    }
  });

  it("should carry the YAML sources as attachments byte-identical to agreements/", () => {
    for (const [n, pdf] of pdfs.entries()) {
      const dir = join(work, `detach-${n}`);
      mkdirSync(dir);
      run("pdfdetach", ["-saveall", "-o", dir, pdf.path]);
      const names = readdirSync(dir).sort();
      expect(names, pdf.name).toEqual(
        pdf.doc.tree.kind === "bilaga"
          ? [`${pdf.doc.name}.yaml`, "overenskommelse.yaml"].sort()
          : ["overenskommelse.yaml"],
      );
      for (const name of names) {
        const source = readFileSync(join(root, "agreements", pdf.doc.agreement, name));
        expect(readFileSync(join(dir, name)).equals(source), `${pdf.name}: ${name}`).toBe(true);
      }
    }
  });

  it("should show the document's title and author in pdfinfo", () => {
    for (const pdf of pdfs) {
      const info = pdfInfo(pdf.path);
      expect({ Title: info.Title, Author: info.Author }, pdf.name).toEqual({
        Title: pdf.doc.tree.meta.title,
        Author: pdf.doc.tree.meta.author,
      });
    }
  });

  it("should print the manifest's content fingerprint and 'Sida k (N)' on every page", () => {
    for (const pdf of pdfs) {
      const fingerprint = pdf.doc.manifest.fingerprint;
      expect(fingerprint, pdf.name).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4})+$/);
      const pages = pdfPages(pdf.path);
      expect(pages.length, pdf.name).toBe(Number(pdfInfo(pdf.path).Pages));
      pages.forEach((page, k) => {
        const lines = clean(page).split("\n").map(flat);
        expect(lines, `${pdf.name} page ${k + 1}`).toContain(`Kontrollsumma ${fingerprint}`);
        expect(lines, `${pdf.name} page ${k + 1}`).toContain(`Sida ${k + 1} (${pages.length})`);
      });
    }
  });
});

/**
 * PDF/A-3b (and 2b) and PDF/UA-1, checked property by property with readers other than our own
 * code (veraPDF is not installable here): qpdf (syntax, the catalog and the decoded content
 * streams as JSON), pdfinfo (XMP, structure tree), pdftotext, pdffonts, pdfdetach, and an XML
 * parser for the XMP.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentTree } from "../../../src/document/types.js";
import { srgbProfile } from "../../../src/render/pdf/icc.js";
import {
  type Box,
  layoutDocument,
  type PdfOptions,
  renderPdf,
} from "../../../src/render/pdf/index.js";
import { needProgram } from "../../helpers/external.js";
import {
  descendants,
  operators,
  PAINTING,
  type QpdfObject,
  qpdfJson as readQpdfJson,
  run,
  type StructNode,
  structTree,
  textOf,
} from "../../helpers/pdf-tags.js";
import { sampleTree } from "../../helpers/trees.js";
import { tempDir } from "../../sign/helpers.js";
import { pdfOptions } from "./fixtures/options.js";
import { longTree } from "./fixtures/trees.js";

const tmp = tempDir("iop-pdfa-");
afterAll(() => tmp.remove());

const { copyLabel, fingerprint, attachments } = pdfOptions;
const cases = {
  /** A paper copy: copy label, no fields. */
  paper: [sampleTree(), { attachments, fingerprint, copyLabel }],
  /** The electronic PDF: a signature field per party. */
  electronic: [sampleTree(), { attachments, fingerprint, signatureFields: true }],
  /** Ten pages, tables continued with repeated headers, nested lists. */
  long: [longTree(), { attachments, fingerprint }],
  /** PDF/A-2b: no attachments. */
  a2b: [sampleTree(), { ...pdfOptions, pdfa: "2b" }],
} satisfies Record<string, [DocumentTree, PdfOptions]>;
type Case = keyof typeof cases;
const names = Object.keys(cases) as Case[];
const path = (name: Case) => join(tmp.dir, `${name}.pdf`);

beforeAll(async () => {
  for (const name of names) {
    const [tree, options] = cases[name];
    writeFileSync(path(name), await renderPdf(tree, options));
  }
});

const qpdfJson = (name: Case) => readQpdfJson(path(name));

describe.runIf(needProgram("qpdf"))("PDF/A and PDF/UA: the catalog as qpdf reads it", () => {
  it.each(names)("should pass qpdf --check (%s)", (name) => {
    expect(run("qpdf", ["--check", path(name)])).toContain("No syntax or stream encoding errors");
  });

  it.each(names)(
    "should have MarkInfo, Lang sv-SE, DisplayDocTitle, XMP and a document ID (%s)",
    (name) => {
      const { catalog, dict, trailer } = qpdfJson(name);
      expect(catalog["/MarkInfo"]).toEqual({ "/Marked": true });
      expect(catalog["/Lang"]).toBe("u:sv-SE");
      expect(dict(catalog["/ViewerPreferences"])["/DisplayDocTitle"]).toBe(true);
      const metadata = dict(catalog["/Metadata"]) as QpdfObject["stream"] & {};
      expect(metadata.dict["/Type"]).toBe("/Metadata");
      expect(metadata.dict["/Subtype"]).toBe("/XML");
      // PDF/A: the metadata stream is not filtered.
      expect(metadata.dict["/Filter"]).toBeUndefined();
      const [first, second] = trailer["/ID"] as string[];
      expect(first).toMatch(/^b:[0-9a-f]{32}$/);
      expect(second).toBe(first);
    },
  );

  it.each(names)("should have an sRGB output intent with the shipped ICC profile (%s)", (name) => {
    const { catalog, dict, streamData } = qpdfJson(name);
    const intents = catalog["/OutputIntents"] as unknown[];
    expect(intents).toHaveLength(1);
    const intent = dict(intents[0]);
    expect(intent["/Type"]).toBe("/OutputIntent");
    expect(intent["/S"]).toBe("/GTS_PDFA1");
    expect(intent["/OutputConditionIdentifier"]).toBe("u:sRGB IEC61966-2.1");
    const profile = dict(intent["/DestOutputProfile"]) as QpdfObject["stream"] & {};
    expect(profile.dict["/N"]).toBe(3);
    const bytes = streamData(intent["/DestOutputProfile"]);
    expect(bytes.equals(Buffer.from(srgbProfile()))).toBe(true);
    // An ICC profile: 'acsp' signature, RGB data colour space.
    expect(bytes.subarray(36, 40).toString("latin1")).toBe("acsp");
    expect(bytes.subarray(16, 20).toString("latin1")).toBe("RGB ");
  });

  it.each(["paper", "electronic", "long"] as const)(
    "PDF/A-3b: should attach each YAML source as an associated file with /AFRelationship /Source (%s)",
    (name) => {
      const { catalog, dict } = qpdfJson(name);
      const af = catalog["/AF"] as string[];
      const embedded = (dict(catalog["/Names"])["/EmbeddedFiles"] as { "/Names": string[] })[
        "/Names"
      ];
      expect(embedded.filter((_, i) => i % 2 === 0)).toEqual([
        "u:bilaga-1.yaml",
        "u:overenskommelse.yaml",
      ]);
      expect([...af].sort()).toEqual(embedded.filter((_, i) => i % 2 === 1).sort());
      for (const ref of af) {
        const spec = dict(ref);
        expect(spec["/Type"]).toBe("/Filespec");
        expect(spec["/AFRelationship"]).toBe("/Source");
        expect(spec["/F"]).toBe(spec["/UF"]);
        const file = dict(
          (spec["/EF"] as Record<string, string>)["/F"],
        ) as QpdfObject["stream"] & {};
        expect(file.dict["/Subtype"]).toBe("/application/yaml");
        expect((file.dict["/Params"] as Record<string, unknown>)["/ModDate"]).toBe(
          "u:D:20250325000000Z",
        );
      }
    },
  );

  it("PDF/A-2b: should embed no files and have no /AF", () => {
    const { catalog } = qpdfJson("a2b");
    expect(catalog["/AF"]).toBeUndefined();
    expect(catalog["/Names"]).toBeUndefined();
    expect(run("pdfdetach", ["-list", path("a2b")])).toContain("0 embedded files");
  });

  it("should tag each signature field: a Form element holding the widget, /TU, an appearance", () => {
    const { catalog, dict, resolve } = qpdfJson("electronic");
    const fields = (catalog["/AcroForm"] as { "/Fields": string[] })["/Fields"];
    expect(fields).toHaveLength(2);
    const root = dict(catalog["/StructTreeRoot"]);
    const nums = dict(root["/ParentTree"])["/Nums"] as unknown[];
    const parentOf = new Map<number, unknown>();
    for (let i = 0; i < nums.length; i += 2) parentOf.set(nums[i] as number, nums[i + 1]);
    for (const ref of fields) {
      const widget = dict(ref);
      expect(String(widget["/TU"])).toMatch(/^u:Underskrift för /);
      expect((widget["/AP"] as Record<string, unknown>)["/N"]).toMatch(/^\d+ 0 R$/);
      expect(widget["/F"]).toBe(4);
      expect(dict(widget["/P"])["/Tabs"]).toBe("/S");
      const form = dict(parentOf.get(widget["/StructParent"] as number));
      expect(form["/S"]).toBe("/Form");
      const kid = resolve(form["/K"]) as Record<string, unknown>;
      expect(kid["/Type"]).toBe("/OBJR");
      expect(kid["/Obj"]).toBe(ref);
      expect(dict(form["/P"])["/S"]).toBe("/Div");
    }
  });

  it.each(names)(
    "should use no transparency: no soft mask, alpha or transparency group (%s)",
    (name) => {
      const { objects } = qpdfJson(name);
      const found: string[] = [];
      let keys = 0;
      const visit = (value: unknown, where: string) => {
        if (Array.isArray(value)) {
          for (const v of value) visit(v, where);
        } else if (value && typeof value === "object") {
          for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
            if (["/SMask", "/CA", "/ca"].includes(key)) found.push(`${where} ${key}`);
            if (key === "/S" && v === "/Transparency") found.push(`${where} /Group`);
            keys++;
            visit(v, where);
          }
        }
      };
      for (const [key, obj] of Object.entries(objects)) visit(obj.value ?? obj.stream?.dict, key);
      expect(keys).toBeGreaterThan(100);
      expect(found).toEqual([]);
    },
  );

  it("should leave a paper copy without a form", () => {
    expect(qpdfJson("paper").catalog["/AcroForm"]).toBeUndefined();
  });
});

describe.runIf(needProgram("qpdf"))("PDF/UA: everything painted is tagged or an artifact", () => {
  it.each(names)(
    "should paint text and paths only inside marked content, never nested (%s)",
    (name) => {
      const { catalog, dict, pageContents } = qpdfJson(name);
      const pages = dict(catalog["/Pages"])["/Kids"] as string[];
      const contents = pageContents();
      expect(pages.length).toBeGreaterThan(0);
      let texts = 0;
      let tagged = 0;
      for (const [index, ref] of pages.entries()) {
        const page = dict(ref);
        expect(page["/StructParents"]).toBe(index);
        const ops = operators(contents[index] as string);
        const painting = ops.filter((o) => PAINTING.includes(o.op));
        for (const o of painting) {
          expect(o.depth, `page ${index + 1}: ${o.op} outside marked content`).toBe(1);
          expect(o.tag, `page ${index + 1}: ${o.op}`).toMatch(/^\/\w+$/);
        }
        texts += painting.filter((o) => o.op === "Tj").length;
        tagged += painting.filter((o) => o.op === "Tj" && o.tag !== "/Artifact").length;
        // The running header and footer and all rules are artifacts.
        expect(painting.some((o) => o.op === "S" && o.tag === "/Artifact")).toBe(true);
        expect(painting.filter((o) => o.op === "S").every((o) => o.tag === "/Artifact")).toBe(true);
      }
      expect(tagged).toBeGreaterThan(texts / 2);
    },
  );
});

const squash = (text: string) => text.replace(/\s+/g, "");
const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();
const isRepeat = (box: Box) => box.kind === "text" && box.role === "repeat";

describe.runIf(needProgram("pdfinfo") && needProgram("pdftotext"))(
  "PDF/UA: the structure tree as pdfinfo reads it",
  () => {
    it("should hold the title, headings, lists, a table and the signature blocks in reading order", () => {
      const tree = structTree(path("electronic"));
      expect(tree.children.map((c) => c.type)).toEqual(["Document"]);
      const doc = tree.children[0] as StructNode;
      const top = doc.children.map((c) => `${c.type} ${squeeze(textOf(c)).slice(0, 30)}`.trim());
      expect(top).toEqual([
        "H1 Bilaga 1, Brottsofferjouren St",
        "P Överenskommelse om idéburet of",
        "H2 1 Åtagande",
        "P Partnerskapet är ingånget med",
        "H3 1.1 Stöd",
        "L • Stödsamtal via telefon och p",
        "H2 2 Socialförvaltningens ersättn",
        "Table Beskrivning av resurs Kostnad",
        "H2 3 Underskrift",
        "P Bilagan är upprättad i två lik",
        "Div För Socialnämnden i Stockholms",
        "Div För Brottsofferjouren Stockhol",
      ]);
      // A list: LI with Lbl and LBody; the nested numbered list inside the third item's LBody.
      const list = doc.children.find((c) => c.type === "L") as StructNode;
      expect(list.attributes).toContain("/ListNumbering /Disc");
      for (const li of list.children) {
        expect(li.type).toBe("LI");
        expect(li.children.map((c) => c.type)).toEqual(["Lbl", "LBody"]);
      }
      const nested = descendants(list).find((n) => n.type === "L") as StructNode;
      expect(nested.attributes).toContain("/ListNumbering /Decimal");
      expect(textOf(nested)).toBe("1. Första kontakten inom tre dagar.");
      // A table: a header row of TH with column scope, then rows of TD.
      const table = doc.children.find((c) => c.type === "Table") as StructNode;
      const [header, ...rows] = table.children;
      expect(header?.children.map((c) => [c.type, c.attributes.join()])).toEqual([
        ["TH", "/Scope /Column"],
        ["TH", "/Scope /Column"],
      ]);
      expect(rows.map((r) => r.children.map((c) => c.text.join(" ")))).toContainEqual([
        "Summa",
        "830 000 kr",
      ]);
      for (const row of rows) expect(row.children.every((c) => c.type === "TD")).toBe(true);
      // A signature block: its lines as P, its field as a Form element.
      const blocks = doc.children.filter((c) => c.type === "Div");
      for (const block of blocks) {
        expect(block.children.map((c) => c.type)).toEqual(["P", "Form", "P", "P"]);
      }
    });

    it.each(names)(
      "should give, in the structure, the same text as pdftotext without the artifacts (%s)",
      (name) => {
        const [tree, options] = cases[name];
        const structure = textOf(structTree(path(name)));
        // pdftotext reads the artifacts too: take out of each page the running header (first on
        // the page), the footer (last) and a table header row repeated on a continuation page.
        const layout = layoutDocument(tree, options);
        const pages = run("pdftotext", [path(name), "-"]).split("\f");
        const body = pages.map((page, i) => {
          let text = squash(page);
          for (const box of layout.pages[i]?.boxes ?? []) {
            if (box.kind !== "text" || box.tag) continue;
            const artifact = squash(box.text);
            const at = box.role === "footer" ? text.lastIndexOf(artifact) : text.indexOf(artifact);
            expect(at, `page ${i + 1}: ${box.text}`).toBeGreaterThanOrEqual(0);
            text = text.slice(0, at) + text.slice(at + artifact.length);
          }
          return text;
        });
        if (name === "long") expect(layout.pages.some((p) => p.boxes.some(isRepeat))).toBe(true);
        expect(squash(structure)).toBe(body.join(""));
      },
    );
  },
);

describe.runIf(needProgram("pdfinfo"))("PDF/A and PDF/UA: the XMP as pdfinfo reads it", () => {
  const xmp = (name: Case) => {
    const text = run("pdfinfo", ["-meta", path(name)]);
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: () => {},
        error: (e) => errors.push(String(e)),
        fatalError: (e) => errors.push(String(e)),
      },
    }).parseFromString(text, "text/xml");
    expect(errors).toEqual([]);
    const one = (ns: string, name: string) =>
      Array.from(doc.getElementsByTagNameNS(ns, name)).map((e) => e.textContent ?? "");
    return { one };
  };
  const PDFAID = "http://www.aiim.org/pdfa/ns/id/";
  const PDFUAID = "http://www.aiim.org/pdfua/ns/id/";
  const DC = "http://purl.org/dc/elements/1.1/";
  const XMP = "http://ns.adobe.com/xap/1.0/";
  const PDF = "http://ns.adobe.com/pdf/1.3/";

  const info = (name: Case) =>
    Object.fromEntries(
      run("pdfinfo", ["-isodates", path(name)])
        .split("\n")
        .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    ) as Record<string, string>;

  it.each(names)(
    "should parse as XML, name PDF/A and PDF/UA-1, and match the Info dictionary (%s)",
    (name) => {
      const { one } = xmp(name);
      expect(one(PDFAID, "part")).toEqual([name === "a2b" ? "2" : "3"]);
      expect(one(PDFAID, "conformance")).toEqual(["B"]);
      expect(one(PDFUAID, "part")).toEqual(["1"]);
      const i = info(name);
      const [tree] = cases[name];
      expect(one(DC, "title")[0]?.trim()).toBe(i.Title);
      expect(i.Title).toBe(tree.meta.title);
      expect(one(DC, "creator")[0]?.trim()).toBe(i.Author);
      expect(one(DC, "description")[0]?.trim()).toBe(i.Subject);
      expect(one(DC, "language")[0]?.trim()).toBe("sv-SE");
      expect(one(PDF, "Keywords")).toEqual([i.Keywords]);
      expect(one(PDF, "Producer")).toEqual([i.Producer]);
      expect(one(XMP, "CreatorTool")).toEqual([i.Creator]);
      expect(i.CreationDate).toBe("2025-03-25T00:00:00Z");
      expect(one(XMP, "CreateDate")).toEqual([i.CreationDate]);
      expect(one(XMP, "ModifyDate")).toEqual([i.ModDate]);
      expect(i.Tagged).toBe("yes");
    },
  );
});

describe.runIf(needProgram("pdffonts") && needProgram("pdfdetach"))(
  "PDF/A: fonts and attachments",
  () => {
    it.each(names)("should embed every font as a subset with a ToUnicode map (%s)", (name) => {
      const rows = run("pdffonts", [path(name)])
        .trim()
        .split("\n")
        .slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    });

    it("should give back each YAML source byte for byte (PDF/A-3b)", () => {
      run("pdfdetach", ["-saveall", "-o", tmp.dir, path("paper")]);
      for (const file of attachments ?? []) {
        expect(new Uint8Array(readFileSync(join(tmp.dir, file.name)))).toEqual(file.data);
      }
    });
  },
);

/**
 * Unnumbered and headingless sections in every format, from Markdown through the document stage
 * to each renderer: no number shown or counted, the heading still in the outline (PDF bookmarks,
 * Word's heading styles), and the headingless text before the first heading.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDict, PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeWhitespace } from "../../src/document/text.js";
import type { DocumentTree, HeadingNode } from "../../src/document/types.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderHtml } from "../../src/render/html/index.js";
import { renderMarkdown } from "../../src/render/markdown/index.js";
import { layoutDocument, renderPdf } from "../../src/render/pdf/index.js";
import { tree as build } from "../document/input.js";
import { needProgram } from "../helpers/external.js";
import { convertWithLibreOffice } from "../helpers/libreoffice.js";
import { all, child, paragraphWithText, render, styleOf, val } from "./docx/helpers.js";
import { labelledParagraphs } from "./docx/word-numbering.js";

const MARKDOWN = [
  "# Titel",
  "Inledande text utan rubrik.",
  "## Syfte {#syfte}",
  "Text om syftet.",
  "### Mål",
  "Målen.",
  "## Bilagor {#bilagor .onumrerad}",
  "### Förteckning",
  "Se :avsnitt[bilagor] och :avsnitt[signering].",
  "## Signering {#signering}",
  "Undertecknas av parterna.",
].join("\n\n");

const tree = (): DocumentTree => build(MARKDOWN);

/** The headings in order, as "number text" ("" number: just the text). */
const HEADINGS = ["1 Syfte", "1.1 Mål", "Bilagor", "Förteckning", "2 Signering"];

describe("unnumbered sections: the tree", () => {
  it("should give the unnumbered heading and the one under it no number, and not count them", () => {
    const headings = tree().children.filter((b): b is HeadingNode => b.type === "heading");
    expect(headings.map((h) => [h.number, h.depth])).toEqual([
      ["1", 1],
      ["1.1", 2],
      ["", 1],
      ["", 2],
      ["2", 1],
    ]);
  });

  it("should write the unnumbered section's heading for a reference to it", () => {
    const text = JSON.stringify(tree());
    expect(text).toContain("Se avsnittet ”Bilagor” och 2.");
  });
});

describe("unnumbered sections: Markdown", () => {
  it("should write unnumbered headings without a number or marker, numbered ones with theirs", () => {
    const md = renderMarkdown(tree());
    const headings = md.split("\n").filter((l) => l.startsWith("##"));
    expect(headings).toEqual([
      "## 1 Syfte",
      "### 1.1 Mål",
      "## Bilagor",
      "### Förteckning",
      "## 2 Signering",
    ]);
    expect(md).not.toContain("onumrerad");
    // The headingless text comes right after the title.
    expect(md).toMatch(/^# Titel\n\nInledande text utan rubrik\.\n\n## 1 Syfte/);
  });
});

describe("unnumbered sections: HTML", () => {
  it("should write an unnumbered heading without the number span", () => {
    const html = renderHtml(tree());
    expect(html).toContain('<h2 id="bilagor">Bilagor</h2>');
    expect(html).toContain("<h3>Förteckning</h3>");
    expect(html).toContain('<h2 id="signering"><span class="nummer">2</span> Signering</h2>');
    expect(html.match(/<span class="nummer">/g)).toHaveLength(3);
  });
});

describe("unnumbered sections: Word", () => {
  it("should keep the heading style (outline level) and switch numbering off with numId 0", async () => {
    const parts = await render(tree());
    const doc = parts.xml("word/document.xml");
    for (const [text, style] of [
      ["Bilagor", "Heading1"],
      ["Förteckning", "Heading2"],
    ] as const) {
      const para = paragraphWithText(doc, text);
      expect(styleOf(para), text).toBe(style);
      const numPr = child(child(para, "w:pPr") as Element, "w:numPr");
      expect(numPr && val(numPr, "w:numId"), text).toBe("0");
    }
    // A numbered heading keeps the style's numbering: no numPr of its own, no number as text.
    const signering = paragraphWithText(doc, "Signering");
    expect(child(child(signering, "w:pPr") as Element, "w:numPr")).toBeUndefined();
    const styles = parts.xml("word/styles.xml");
    const heading1 = all(styles, "w:style").find((s) => s.getAttribute("w:styleId") === "Heading1");
    expect(heading1 && val(heading1, "w:outlineLvl")).toBe("0");
  });

  it("should show Word's numbers only on the numbered headings, counted without the others", async () => {
    const labelled = (await labelledParagraphs(tree())).filter((p) =>
      p.style?.startsWith("Heading"),
    );
    expect(labelled.map((p) => [p.label, p.text])).toEqual([
      ["1", "Syfte"],
      ["1.1", "Mål"],
      ["", "Bilagor"],
      ["", "Förteckning"],
      ["2", "Signering"],
    ]);
  });

  it("should not write an unnumbered heading's missing number as text when numbers are text", async () => {
    // A tree whose numbers Word would not reproduce: every number is then written as text.
    const t = tree();
    const last = t.children.findLast((b): b is HeadingNode => b.type === "heading");
    if (last) last.number = "7";
    const labelled = (await labelledParagraphs(t)).filter((p) => p.style?.startsWith("Heading"));
    expect(labelled.map((p) => [p.label, p.text])).toEqual([
      ["", "1\tSyfte"],
      ["", "1.1\tMål"],
      ["", "Bilagor"],
      ["", "Förteckning"],
      ["", "7\tSignering"],
    ]);
  });
});

describe("unnumbered sections: PDF", () => {
  it("should set an unnumbered heading without a number, flush with the text", () => {
    const layout = layoutDocument(tree());
    const boxes = layout.pages.flatMap((p) => p.boxes);
    const texts = boxes.flatMap((b) => ("text" in b ? [b] : []));
    const bilagor = texts.find((t) => t.text === "Bilagor");
    const body = texts.find((t) => t.text.startsWith("Inledande"));
    expect(bilagor).toBeDefined();
    expect(body).toBeDefined();
    expect(bilagor?.x).toBe(body?.x);
    expect(texts.some((t) => t.text === "" || t.text === "undefined")).toBe(false);
  });

  it("should make a bookmark for every heading, the unnumbered ones by their text", async () => {
    const layout = layoutDocument(tree());
    expect(layout.outline.map((o) => [o.title, o.depth])).toEqual([
      ["1 Syfte", 1],
      ["1.1 Mål", 2],
      ["Bilagor", 1],
      ["Förteckning", 2],
      ["2 Signering", 1],
    ]);
    const doc = await PDFDocument.load(await renderPdf(tree()));
    const titles = (first: PDFDict | undefined): unknown[] => {
      const out: unknown[] = [];
      for (let item = first; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
        const title = item.lookup(PDFName.of("Title"), PDFHexString).decodeText();
        const kid = item.lookupMaybe(PDFName.of("First"), PDFDict);
        out.push(kid ? [title, titles(kid)] : title);
      }
      return out;
    };
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    expect(titles(outlines.lookupMaybe(PDFName.of("First"), PDFDict))).toEqual([
      ["1 Syfte", ["1.1 Mål"]],
      ["Bilagor", ["Förteckning"]],
      "2 Signering",
    ]);
  });
});

const readers = needProgram("soffice") && needProgram("pdftotext");

describe.runIf(readers)("unnumbered sections read by LibreOffice and poppler", () => {
  let dir = "";
  const out = (name: string) => join(dir, name);
  /** The lines of a text file that are headings: one of HEADINGS, whitespace collapsed. */
  const headingLines = (text: string) =>
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .map(normalizeWhitespace)
      .filter((l) => HEADINGS.some((h) => l.endsWith(h.replace(/^[\d.]+ /, ""))));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "iop-unnumbered-"));
    writeFileSync(out("doc.docx"), await renderDocx(tree()));
    writeFileSync(out("doc.pdf"), await renderPdf(tree()));
    // Throws when LibreOffice wrote no text (soffice exits 0 even when it cannot read a file).
    convertWithLibreOffice([out("doc.docx")], "txt", dir);
    execFileSync("pdftotext", ["-enc", "UTF-8", out("doc.pdf"), out("pdf.txt")]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("should show no number on the unnumbered headings in LibreOffice, and 2 on the next one", () => {
    expect(headingLines(readFileSync(out("doc.txt"), "utf8"))).toEqual(HEADINGS);
  });

  it("should show no number on the unnumbered headings in pdftotext", () => {
    expect(headingLines(readFileSync(out("pdf.txt"), "utf8"))).toEqual(HEADINGS);
  });
});

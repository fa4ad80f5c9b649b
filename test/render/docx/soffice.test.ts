import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeWhitespace } from "../../../src/document/text.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { sampleTree } from "../../fixtures/sample-tree.js";
import { needProgram } from "../../helpers/external.js";
import { longTree, redlineTree } from "./trees.js";

const ready = needProgram("soffice") && needProgram("pdftotext");

/**
 * LibreOffice reads what we write: the sample and a two-page tree to PDF, the sample to text, a
 * redline to flat ODF (where its tracked changes are listed). One soffice run per format, all in
 * beforeAll, since LibreOffice is slow to start and the machine is shared.
 */
describe.runIf(ready)("Word output read by LibreOffice", () => {
  let dir = "";
  const out = (name: string) => join(dir, name);
  const read = (name: string) => readFileSync(out(name), "utf8");

  /** soffice exits 0 even when it cannot read a file, so each output must be checked to exist. */
  function convert(format: string, inputs: string[]) {
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${out("profile")}`,
        "--infilter=MS Word 2007 XML",
        "--convert-to",
        format,
        "--outdir",
        dir,
        ...inputs.map(out),
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "iop-docx-soffice-"));
    const label = "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland";
    writeFileSync(
      out("sample.docx"),
      await renderDocx(sampleTree(), { copyLabel: label, fingerprint: "3f2a 91c0 77be" }),
    );
    writeFileSync(out("long.docx"), await renderDocx(longTree()));
    writeFileSync(out("redline.docx"), await renderDocx(redlineTree()));
    convert("pdf", ["sample.docx", "long.docx"]);
    convert("txt:Text (encoded):UTF8", ["sample.docx"]);
    convert("fodt", ["redline.docx"]);
    for (const name of ["sample.pdf", "long.pdf"]) {
      if (existsSync(out(name))) {
        execFileSync("pdftotext", ["-enc", "UTF-8", out(name), out(`${name}.txt`)]);
      }
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("should convert every document (the output files exist and are not empty)", () => {
    for (const name of ["sample.pdf", "long.pdf", "sample.txt", "redline.fodt"]) {
      expect(existsSync(out(name)), name).toBe(true);
      expect(statSync(out(name)).size, name).toBeGreaterThan(0);
    }
  });

  it("should show Word's heading numbers 1, 1.1, 2, 3 in order", () => {
    const lines = read("sample.txt")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
    // A number, a space or tab, a letter: headings, not amounts ("650\u00a0000 kr").
    const headings = lines
      .filter((l) => /^\d+(\.\d+)*[ \t]+\p{L}/u.test(l))
      .map(normalizeWhitespace);
    expect(headings).toEqual([
      "1 Åtagande",
      "1.1 Stöd",
      "2 Socialförvaltningens ersättning under 12 månader",
      "3 Underskrift",
    ]);
  });

  it("should keep the budget's amounts and the total", () => {
    const text = normalizeWhitespace(read("sample.txt"));
    for (const amount of ["650 000 kr", "5 000 kr", "54 000 kr", "110 000 kr", "830 000 kr"]) {
      expect(text).toContain(amount);
    }
  });

  it("should show the bullets and the nested ordered list", () => {
    const text = read("sample.txt");
    expect(text).toMatch(/•\s+Stödsamtal via telefon/);
    expect(text).toMatch(/a\)\s+Första kontakten/);
  });

  it("should print the fingerprint in the footer and set the text in DejaVu Sans", () => {
    const text = normalizeWhitespace(read("sample.pdf.txt"));
    expect(text).toContain("Kontrollsumma 3f2a 91c0 77be");
    const fonts = execFileSync("pdffonts", [out("sample.pdf")], { encoding: "utf8" });
    const names = fonts
      .trim()
      .split("\n")
      .slice(2)
      .map((row) => row.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ""));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^DejaVuSans/);
  });

  it("should print Sida 1 (2) and Sida 2 (2) and the header on both pages", () => {
    const pages = read("long.pdf.txt")
      .split("\f")
      .filter((page) => page.trim() !== "");
    expect(pages).toHaveLength(2);
    expect(normalizeWhitespace(pages[0] ?? "")).toContain("Sida 1 (2)");
    expect(normalizeWhitespace(pages[1] ?? "")).toContain("Sida 2 (2)");
    for (const page of pages) expect(page).toContain("Dnr 2021/630");
  });

  it("should keep each party's signature block on one page", () => {
    const pages = read("sample.pdf.txt").split("\f");
    for (const [party, signatory] of [
      ["För Socialnämnden i Stockholms stad", "Veronica Carstorp Wolgast, socialdirektör"],
      ["För Brottsofferjouren Stockholm-Gotland", "Cecilia Ekstrand, ordförande"],
    ]) {
      const page = pages.find((p) => p.includes(party as string));
      expect(page, party).toContain(signatory);
    }
    expect(normalizeWhitespace(pages.join(" "))).toContain(
      "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland",
    );
  });

  it("should list every tracked change of a redline, by its author", () => {
    const fodt = read("redline.fodt");
    const tracked = fodt.slice(
      fodt.indexOf("<text:tracked-changes"),
      fodt.indexOf("</text:tracked-changes>"),
    );
    // Adjacent changes of one kind are one change to LibreOffice (the deleted heading and its
    // paragraph, the inserted heading and its paragraph): 6 insertions and 5 deletions.
    expect(tracked.match(/<text:insertion>/g)).toHaveLength(6);
    expect(tracked.match(/<text:deletion>/g)).toHaveLength(5);
    expect(tracked.match(/<dc:creator>iop diff<\/dc:creator>/g)).toHaveLength(11);
  });
});

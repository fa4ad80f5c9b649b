import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeWhitespace } from "../../../src/document/text.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { needProgram } from "../../helpers/external.js";
import { type Reading, readWithLibreOffice } from "../../helpers/libreoffice.js";
import { sampleTree } from "../../helpers/trees.js";
import { longTree, redlineTree, versionText } from "./trees.js";

const ready = needProgram("soffice") && needProgram("pdftotext");

/**
 * LibreOffice reads what we write: the sample to text and PDF, a two-page tree to PDF, a redline
 * as it is (to flat ODF, where its tracked changes are listed) and with every change accepted and
 * rejected by LibreOffice's own commands. One LibreOffice run for all, in beforeAll, since
 * LibreOffice is slow to start and the machine is shared.
 */
describe.runIf(ready)("Word output read by LibreOffice", () => {
  let dir = "";
  const out = (name: string) => join(dir, name);
  const read = (name: string) => readFileSync(out(name), "utf8");
  let sample: Reading;
  let long: Reading;
  let redline: Reading;
  let accepted: Reading;
  let rejected: Reading;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "iop-docx-soffice-"));
    const label = "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland";
    writeFileSync(
      out("sample.docx"),
      await renderDocx(sampleTree(), { copyLabel: label, fingerprint: "3f2a 91c0 77be" }),
    );
    writeFileSync(out("long.docx"), await renderDocx(longTree()));
    writeFileSync(out("redline.docx"), await renderDocx(redlineTree()));
    // readWithLibreOffice throws when an output is missing (soffice exits 0 when it cannot read).
    [sample, long, redline, accepted, rejected] = readWithLibreOffice(dir, [
      { file: out("sample.docx"), decision: "none", exports: ["pdf"] },
      { file: out("long.docx"), decision: "none", exports: ["pdf"] },
      { file: out("redline.docx"), decision: "none", exports: ["fodt"] },
      { file: out("redline.docx"), decision: "accept", exports: ["fodt"] },
      { file: out("redline.docx"), decision: "reject", exports: ["fodt"] },
    ]) as [Reading, Reading, Reading, Reading, Reading];
    for (const [reading, name] of [
      [sample, "sample.pdf.txt"],
      [long, "long.pdf.txt"],
    ] as const) {
      execFileSync("pdftotext", ["-enc", "UTF-8", reading.exports.pdf as string, out(name)]);
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The lines of a reading without the labels LibreOffice writes before list items ("1."). */
  const unlabelled = (reading: Reading) =>
    reading.lines.map((l) => l.replace(/^(?:[•◦▪–-]|\d+\.) /, ""));
  const versionLines = (version: "new" | "old") =>
    versionText(redlineTree(), version)
      .split("\n")
      .map(normalizeWhitespace)
      .filter((l) => l !== "");
  /** The tracked changes a flat ODF file lists. */
  const trackedChanges = (fodt: string) =>
    readFileSync(fodt, "utf8").match(/<text:changed-region\b/g)?.length ?? 0;

  it("should show Word's heading numbers 1, 1.1, 2, 3 in order", () => {
    const lines = sample.txt.split(/\r?\n/);
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
    const text = normalizeWhitespace(sample.txt);
    for (const amount of ["650 000 kr", "5 000 kr", "54 000 kr", "110 000 kr", "830 000 kr"]) {
      expect(text).toContain(amount);
    }
  });

  it("should show the bullets and the nested ordered list", () => {
    const text = sample.txt;
    expect(text).toMatch(/•\s+Stödsamtal via telefon/);
    expect(text).toMatch(/a\)\s+Första kontakten/);
  });

  it("should print the fingerprint in the footer and set the text in DejaVu Sans", () => {
    const text = normalizeWhitespace(read("sample.pdf.txt"));
    expect(text).toContain("Kontrollsumma 3f2a 91c0 77be");
    const fonts = execFileSync("pdffonts", [sample.exports.pdf as string], { encoding: "utf8" });
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
    const fodt = readFileSync(redline.exports.fodt as string, "utf8");
    const tracked = fodt.slice(
      fodt.indexOf("<text:tracked-changes"),
      fodt.indexOf("</text:tracked-changes>"),
    );
    // Adjacent changes of one kind are one change to LibreOffice (the deleted heading and its
    // paragraph, the inserted heading and its paragraph): 6 insertions and 5 deletions.
    expect(tracked.match(/<text:insertion>/g)).toHaveLength(6);
    expect(tracked.match(/<text:deletion>/g)).toHaveLength(5);
    expect(tracked.match(/<dc:creator>iop diff<\/dc:creator>/g)).toHaveLength(11);
    expect(trackedChanges(redline.exports.fodt as string)).toBe(11);
  });

  it("should give the new text, and no change left, when LibreOffice accepts every change", () => {
    expect(trackedChanges(accepted.exports.fodt as string)).toBe(0);
    expect(unlabelled(accepted)).toEqual(versionLines("new"));
  });

  it("should give the old text, and no change left, when LibreOffice rejects every change", () => {
    expect(trackedChanges(rejected.exports.fodt as string)).toBe(0);
    expect(unlabelled(rejected)).toEqual(versionLines("old"));
  });

  it("should give both versions' paragraphs, not just their words, on accept and reject", () => {
    expect(accepted.lines).toContain("Överenskommelsen kan sägas upp.");
    expect(accepted.lines).not.toContain("Ett stycke som tas bort.");
    expect(rejected.lines).toContain("Ett stycke som tas bort.");
  });
});

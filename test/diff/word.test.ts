import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLSerializer } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { diffVersions, renderDocxDiff } from "../../src/diff/index.js";
import { normalizeWhitespace } from "../../src/document/text.js";
import { needProgram } from "../helpers/external.js";
import { type Reading, readWithLibreOffice } from "../helpers/libreoffice.js";
import {
  copyAgreement,
  documentXml,
  edit,
  elements,
  parseXml,
  V2022,
  V2025,
  version,
} from "./helpers.js";

describe("redline as Word tracked changes (2022 → 2025)", () => {
  // What accepting and rejecting every change gives is proven by LibreOffice and pandoc in
  // readers.test.ts; here, the markup itself.
  let xml = "";
  let stylesXml = "";
  beforeAll(async () => {
    const docx = await renderDocxDiff(diffVersions(await version(V2022), await version(V2025)));
    xml = documentXml(docx);
    stylesXml = strFromU8(unzipSync(docx)["word/styles.xml"] as Uint8Array);
  });

  it("should mark insertions and deletions as tracked changes by iop diff", () => {
    const doc = parseXml(xml);
    const marks = [...elements(doc, "w:ins"), ...elements(doc, "w:del")];
    expect(elements(doc, "w:ins").length).toBeGreaterThan(0);
    expect(elements(doc, "w:del").length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.getAttribute("w:author")))).toEqual(new Set(["iop diff"]));
  });

  it("should write the moved sections as paired w:moveFrom and w:moveTo ranges", () => {
    const doc = parseXml(xml);
    const names = (name: string) => elements(doc, name).map((e) => e.getAttribute("w:name") ?? "");
    const from = names("w:moveFromRangeStart");
    expect(from).toContain("flytt:overenskommelse:id:syfte-och-mal");
    expect(names("w:moveToRangeStart")).toEqual(from);
    expect(elements(doc, "w:moveFromRangeEnd").length).toBe(from.length);
    expect(elements(doc, "w:moveFrom").length).toBeGreaterThan(0);
    expect(elements(doc, "w:moveTo").length).toBeGreaterThan(0);
  });

  it("should number headings with Word's numbering and track a renumbered heading's properties", () => {
    const doc = parseXml(xml);
    // No heading carries its number as text.
    const headingTexts = elements(doc, "w:p")
      .filter((p) => /^Heading\d$/.test(elements(p, "w:pStyle")[0]?.getAttribute("w:val") ?? ""))
      .map((p) =>
        elements(p, "w:t")
          .map((t) => t.textContent)
          .join(""),
      );
    expect(headingTexts.some((t) => /^\d+(\.\d+)*\t/.test(t))).toBe(false);
    // "Parter" was 3 and is 2.
    const parter = elements(doc, "w:p").find(
      (p) =>
        elements(p, "w:t")
          .map((t) => t.textContent)
          .join("") === "Parter",
    ) as Element;
    expect(elements(parter, "w:pPrChange")).toHaveLength(1);
  });

  /** The paragraph whose text (inserted, kept or moved, not deleted) is `text`. */
  const paragraphOf = (doc: Document, text: string) =>
    elements(doc, "w:p").find(
      (p) =>
        elements(p, "w:t")
          .map((t) => t.textContent)
          .join("") === text,
    ) as Element;
  /** A paragraph's w:pPrChange children, serialised without ids and authors. */
  const oldProperties = (p: Element) =>
    elements(p, "w:pPrChange").map((change) =>
      new XMLSerializer()
        .serializeToString(change)
        .replace(/ w:(id|author|date)="[^"]*"/g, "")
        .replace(/ xmlns:w="[^"]*"/g, ""),
    );

  it("should track a moved heading's old level and number as its old properties", () => {
    // "1 Syfte och mål" (a Heading1) moved to "2.4 Partnerskapets syfte och mål" (a Heading2): the
    // moved-to paragraph keeps its move markup and records its old style and, written out, its
    // old number's list level (LibreOffice gives direct properties back on reject, not styles).
    const doc = parseXml(xml);
    const heading = paragraphOf(doc, "Partnerskapets syfte och mål");
    expect(elements(heading, "w:moveTo").length).toBeGreaterThan(0);
    const numId = elements(parseXml(stylesXml), "w:style")
      .find((style) => style.getAttribute("w:styleId") === "Heading1")
      ?.getElementsByTagName("w:numId")[0]
      ?.getAttribute("w:val");
    expect(numId).toBeDefined();
    expect(oldProperties(heading)).toEqual([
      `<w:pPrChange><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr></w:pPrChange>`,
    ]);
  });

  it("should record no old properties for an inserted heading right before a table", () => {
    // Bilaga 1's new heading before its new table (see readers.test.ts for why).
    const doc = parseXml(xml);
    const heading = paragraphOf(
      doc,
      "Brottsofferjouren Stockholm-Gotland egenfinansiering under 12 månader",
    );
    expect(elements(heading, "w:ins").length).toBeGreaterThan(0);
    expect(heading.nextSibling?.nodeName).toBe("w:tbl");
    expect(oldProperties(heading)).toEqual(["<w:pPrChange><w:pPr/></w:pPrChange>"]);
    // Other inserted headings record none.
    expect(oldProperties(paragraphOf(doc, "Jämställdhetsperspektiv"))).toEqual([]);
  });

  it("should open with the summary page and track the title like text", () => {
    const doc = parseXml(xml);
    const paragraphs = elements(doc, "w:p");
    const text = (p: Element) =>
      [...elements(p, "w:t"), ...elements(p, "w:delText")].map((t) => t.textContent).join("");
    expect(text(paragraphs[0] as Element)).toBe("Jämförelse av två versioner");
    const title = paragraphs.find(
      (p) => elements(p, "w:pStyle")[0]?.getAttribute("w:val") === "Title",
    ) as Element;
    expect(elements(title, "w:pageBreakBefore")).toHaveLength(1);
    expect(elements(title, "w:del").length).toBeGreaterThan(0);
    expect(elements(title, "w:ins").length).toBeGreaterThan(0);
    // The old title's words are deleted text in the Title paragraph.
    expect(
      elements(title, "w:delText")
        .map((t) => t.textContent)
        .join(""),
    ).toContain("Brottsofferstöd");
  });
});

describe("determinism", () => {
  it("should write the same bytes for the same comparison", async () => {
    const diff = diffVersions(await version(V2022), await version(V2025));
    const [a, b] = [await renderDocxDiff(diff), await renderDocxDiff(diff)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("revision date", () => {
  it("should date the tracked changes with the new version's date", async () => {
    const dir = copyAgreement();
    edit(dir, "overenskommelse.yaml", /versionsdatum: .*/, 'versionsdatum: "2025-03-25"');
    edit(
      dir,
      "bilaga-1.yaml",
      "Hjälp vid myndighetskontakter",
      "Hjälp vid kontakter med myndigheter",
    );
    const xml = documentXml(
      await renderDocxDiff(diffVersions(await version(V2025), await version(dir))),
    );
    const dates = [...elements(parseXml(xml), "w:ins"), ...elements(parseXml(xml), "w:del")].map(
      (m) => m.getAttribute("w:date"),
    );
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(["2025-03-25T00:00:00Z"]));
  });

  const datesOf = (docx: Uint8Array) => {
    const doc = parseXml(documentXml(docx));
    return new Set(
      [...elements(doc, "w:ins"), ...elements(doc, "w:del")].map((m) => m.getAttribute("w:date")),
    );
  };

  /** The Word redline rendered with the clock set to `day` (and no SOURCE_DATE_EPOCH). */
  const renderedOn = async (day: string, from: string, to: string) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(`${day}T12:00:00Z`));
    vi.stubEnv("SOURCE_DATE_EPOCH", "");
    try {
      return await renderDocxDiff(diffVersions(await version(from), await version(to)));
    } finally {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    }
  };

  it("should date the changes with the new period's start when the versions have no date", async () => {
    // Stockholm 2025 has no versionsdatum and no decision date; its period starts 2025-04-01.
    const docx = await renderedOn("2030-01-01", V2022, V2025);
    expect(datesOf(docx)).toEqual(new Set(["2025-04-01T00:00:00Z"]));
  });

  it("should give the same bytes on different days, undated when the data has no date", async () => {
    const dir = copyAgreement();
    // No full date left anywhere in the new version: its period starts in a month.
    edit(dir, "overenskommelse.yaml", 'start: "2025-04-01"', 'start: "2025-04"');
    const first = await renderedOn("2026-01-01", V2022, dir);
    const second = await renderedOn("2027-07-15", V2022, dir);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    // OOXML makes w:date optional: left out rather than invented from the clock.
    const doc = parseXml(documentXml(first));
    const marks = [...elements(doc, "w:ins"), ...elements(doc, "w:del")];
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.hasAttribute("w:date"))).toEqual([]);
  });
});

const ready = needProgram("soffice");

describe.runIf(ready)("redline read by LibreOffice", () => {
  let dir = "";
  let reading: Reading;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "iop-diff-soffice-"));
    const diff = diffVersions(await version(V2022), await version(V2025));
    writeFileSync(join(dir, "redline.docx"), await renderDocxDiff(diff));
    // One LibreOffice run for the text and the flat ODF; it throws when an output is missing
    // (soffice exits 0 even when it cannot read a file).
    [reading] = readWithLibreOffice(dir, [
      { file: join(dir, "redline.docx"), decision: "none", exports: ["fodt"] },
    ]) as [Reading];
  }, 240_000);

  it("should open the file and show the new text", () => {
    const text = normalizeWhitespace(reading.txt);
    expect(text).toContain("Förnyad överenskommelse");
    expect(text).toContain("830 000 kr");
  });

  it("should list the tracked changes by their author", () => {
    const fodt = readFileSync(reading.exports.fodt as string, "utf8");
    const tracked = fodt.slice(
      fodt.indexOf("<text:tracked-changes"),
      fodt.indexOf("</text:tracked-changes>"),
    );
    expect(tracked.match(/<text:insertion>/g)?.length ?? 0).toBeGreaterThan(0);
    expect(tracked.match(/<text:deletion>/g)?.length ?? 0).toBeGreaterThan(0);
    const creators = new Set(tracked.match(/<dc:creator>[^<]*<\/dc:creator>/g));
    expect(creators).toEqual(new Set(["<dc:creator>iop diff</dc:creator>"]));
  });
});

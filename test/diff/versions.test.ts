import { beforeAll, describe, expect, it } from "vitest";
import { acceptAll, diffVersions, rejectAll, renderDocxDiff } from "../../src/diff/index.js";
import type { DocumentTree } from "../../src/document/types.js";
import { documentXml, normalize, runCli, V2022, V2025, version } from "./helpers.js";

const PERIOD =
  "Perioden: 2022-04-01–2023-03-31 → 2025-04-01–2025-12-31; längst till 2025-03-31 → 2027-12-31";
const AMOUNT =
  "Ersättning, Brottsofferjouren Stockholm-Gotland: 805\u00a0000\u00a0kr → 830\u00a0000\u00a0kr (+25\u00a0000\u00a0kr, +3,1\u00a0%)";
const MISSING_AMOUNT =
  "Ersättning, Brottsofferjouren Västerort: 704\u00a0000\u00a0kr → uppgift saknas";
const ADDED = "Avsnitt tillagt: Förnyad överenskommelse (1.1)";
const REMOVED_BILAGA =
  "Bilaga borttagen: bilaga 4, Socialnämndens verksamheter (Socialnämnden i Stockholms stad)";
const REMOVED = "Avsnitt borttaget: Förnyad överenskommelse (1.1)";

/** The Stockholm agreement of 2022 compared with its renewal of 2025, in every format. */
describe("iop diff stockholm-brottsofferstod-2022 stockholm-brottsofferstod-2025", () => {
  const out: Record<string, Awaited<ReturnType<typeof runCli>>> = {};
  beforeAll(async () => {
    for (const format of ["text", "json", "html", "docx"]) {
      out[format] = await runCli(["diff", V2022, V2025, "--format", format]);
    }
    out.reverse = await runCli(["diff", V2025, V2022, "--format", "json"]);
  });

  it("should exit 0 in every format (differences are not errors without --exit-code)", () => {
    for (const format of ["text", "json", "html", "docx"])
      expect(out[format]?.code, format).toBe(0);
  });

  it("should report the period, the amounts and the added and removed sections as text", () => {
    const text = out.text?.stdout ?? "";
    for (const line of [PERIOD, AMOUNT, MISSING_AMOUNT, ADDED, REMOVED_BILAGA])
      expect(text).toContain(line);
    // Without a terminal, changes are marked as in git's word diff.
    expect(text).toMatch(/\[-[^\]]+-\]\{\+[^}]+\+\}/);
    expect(text).not.toContain("\x1b[");
  });

  it("should report the same summary as JSON, with old and new values", () => {
    const json = JSON.parse(out.json?.stdout ?? "{}");
    expect(json).toMatchObject({ format: "iop-diff", version: 1, identical: false });
    const texts = json.summary.map((s: { text: string }) => s.text);
    for (const line of [ADDED, REMOVED_BILAGA]) expect(texts).toContain(line);
    for (const start of [PERIOD, AMOUNT])
      expect(
        texts.some((t: string) => t.startsWith(start)),
        start,
      ).toBe(true);
    const amount = json.summary.find((s: { text: string }) => s.text.startsWith(AMOUNT));
    expect(amount).toMatchObject({
      kind: "ersattning",
      document: "bilaga-1",
      old: { summa: 805000 },
      new: { summa: 830000 },
    });
    const period = json.summary.find((s: { kind: string }) => s.kind === "period");
    expect(period.new).toMatchObject({ start: "2025-04-01", inledande_slut: "2025-12-31" });
    const statuses = json.documents.map(
      (d: { name: string; status: string }) => `${d.name} ${d.status}`,
    );
    expect(statuses).toEqual([
      "overenskommelse changed",
      "bilaga-1 changed",
      "bilaga-2 changed",
      "bilaga-3 changed",
      "bilaga-4 removed",
    ]);
  });

  it("should compare each bilaga with the bilaga of the same party, whatever its number", () => {
    const json = JSON.parse(out.json?.stdout ?? "{}");
    const pairs = json.documents.map(
      (d: { name: string; oldName?: string }) => `${d.oldName ?? "–"} → ${d.name}`,
    );
    // Västerort was bilaga 3 in 2022 and is bilaga 2 in 2025; Södra Stockholm the other way round.
    expect(pairs).toEqual([
      "overenskommelse → overenskommelse",
      "bilaga-1 → bilaga-1",
      "bilaga-3 → bilaga-2",
      "bilaga-2 → bilaga-3",
      "– → bilaga-4",
    ]);
  });

  it("should report removed sections when compared the other way round", () => {
    const json = JSON.parse(out.reverse?.stdout ?? "{}");
    const texts = json.summary.map((s: { text: string }) => s.text);
    expect(texts).toContain(REMOVED);
    expect(texts).toContain(
      "Bilaga tillagd: bilaga 4, Socialnämndens verksamheter (Socialnämnden i Stockholms stad)",
    );
  });

  it("should write one Swedish HTML page with the summary first and the redline after it", () => {
    const html = out.html?.stdout ?? "";
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="sv">');
    const summary = html.indexOf("Sammanfattning av ändringarna");
    const firstChange = html.indexOf("<ins");
    expect(summary).toBeGreaterThan(0);
    expect(firstChange).toBeGreaterThan(summary);
    for (const line of [PERIOD, AMOUNT, ADDED, REMOVED_BILAGA]) expect(html).toContain(line);
    // The old budget line is a deleted row of the table, not a deleted table.
    expect(html).toMatch(/<tr class="del">(?:(?!<\/tr>)[\s\S])*<del>805\u00a0000\u00a0kr<\/del>/);
    expect(html).toContain("@media print");
  });

  it("should use no external resources in the HTML page", () => {
    const html = out.html?.stdout ?? "";
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
  });

  it("should write the Word redline that LibreOffice and pandoc are shown to accept and reject (readers.test.ts)", async () => {
    const diff = diffVersions(await version(V2022), await version(V2025));
    const bytes = out.docx?.bytes ?? new Uint8Array();
    expect(Buffer.from(bytes).equals(Buffer.from(await renderDocxDiff(diff)))).toBe(true);
    const xml = documentXml(bytes);
    expect(xml).toMatch(/830.000.kr/);
    expect(xml).toMatch(/805.000.kr/);
  });
});

describe("redline trees of 2022 → 2025", () => {
  it("should give each new document when every change is accepted and each old one when rejected", async () => {
    const [before, after] = [await version(V2022), await version(V2025)];
    const diff = diffVersions(before, after);
    // Numbers and levels are the new version's outline (not marked as changes).
    const withoutNumbers = (tree: DocumentTree) =>
      normalize(
        tree.children.map((b) => (b.type === "heading" ? { ...b, number: "", depth: 1 } : b)),
      );
    for (const doc of diff.documents) {
      const newTree = after.documents.find((d) => d.name === doc.name && doc.status !== "removed");
      const oldTree = before.documents.find(
        (d) => d.name === (doc.status === "removed" ? doc.name : doc.oldName),
      );
      expect(normalize(acceptAll(doc.tree).children), doc.name).toEqual(
        normalize(newTree?.children ?? []),
      );
      expect(withoutNumbers(rejectAll(doc.tree)), doc.name).toEqual(
        oldTree ? withoutNumbers(oldTree) : [],
      );
    }
  });
});

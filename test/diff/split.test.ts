/** One redline per document: `iop diff --split` and the library function for one document pair. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  diffVersions,
  renderDocumentRedline,
  renderHtmlDiff,
  writeDocumentRedline,
} from "../../src/diff/index.js";
import {
  documentXml,
  elements,
  parseXml,
  runCli,
  tempDir,
  V2022,
  V2025,
  version,
} from "./helpers.js";

describe("iop diff --split", () => {
  it("should write one Word redline per document, each with its own summary page", async () => {
    const dir = tempDir();
    const { code } = await runCli(["diff", V2022, V2025, "--format", "docx", "--split", "-o", dir]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "bilaga-1.docx",
      "bilaga-2.docx",
      "bilaga-3.docx",
      "bilaga-4.docx",
      "overenskommelse.docx",
    ]);
    const xml = documentXml(readFileSync(join(dir, "bilaga-1.docx")));
    const text = elements(parseXml(xml), "w:t")
      .map((t) => t.textContent)
      .join(" ");
    expect(text).toContain("Sammanfattning av ändringarna");
    // Its own items, not the agreement's.
    expect(text).toContain("Ersättning, Brottsofferjouren Stockholm-Gotland");
    expect(text).not.toContain("Perioden:");
  });

  it("should write one HTML page per document", async () => {
    const dir = tempDir();
    const { code } = await runCli(["diff", V2022, V2025, "--format", "html", "--split", "-o", dir]);
    expect(code).toBe(0);
    const page = readFileSync(join(dir, "overenskommelse.html"), "utf8");
    expect(page).toContain("Sammanfattning av ändringarna");
    expect(page).toContain("Perioden:");
    expect(existsSync(join(dir, "bilaga-4.html"))).toBe(true);
  });

  it("should refuse --split without a folder, and for text and json, in Swedish", async () => {
    const noFolder = await runCli(["diff", V2022, V2025, "--format", "docx", "--split"]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain("--split -o MAPP");
    const text = await runCli(["diff", V2022, V2025, "--split", "-o", tempDir()]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("--split gäller formaten docx och html");
  });
});

describe("renderDocumentRedline / writeDocumentRedline (one document pair)", () => {
  it("should redline one bilaga and write its Word and HTML redline", async () => {
    const before = await version(V2022);
    const after = await version(V2025);
    const old1 = before.documents.find((d) => d.name === "bilaga-1");
    const new1 = after.documents.find((d) => d.name === "bilaga-1");
    const base = join(tempDir(), "bilaga-1-andringar");
    const { changed, files } = await writeDocumentRedline(old1, new1, base, { date: "2025-03-25" });
    expect(changed).toBe(true);
    expect(files).toEqual([`${base}.docx`, `${base}.html`]);
    const doc = parseXml(documentXml(readFileSync(`${base}.docx`)));
    const dates = new Set(
      [...elements(doc, "w:ins"), ...elements(doc, "w:del")].map((m) => m.getAttribute("w:date")),
    );
    expect(dates).toEqual(new Set(["2025-03-25T00:00:00Z"]));
    const html = readFileSync(`${base}.html`, "utf8");
    expect(html).toContain("<del");
    expect(html).toContain("Sammanfattning av ändringarna");
  });

  it("should say so when the document did not change", async () => {
    const after = await version(V2025);
    const tree = after.documents[0];
    const out = await renderDocumentRedline(tree, tree, { date: "2025-03-25" });
    expect(out.changed).toBe(false);
    expect(out.html).toContain("oförändrad");
  });
});

describe("HTML redline", () => {
  it("should keep move notes outside the struck-through text, and compare the title like text", async () => {
    const html = renderHtmlDiff(diffVersions(await version(V2022), await version(V2025)));
    const note = html.indexOf('<p class="notering">Avsnittet har flyttats');
    expect(note).toBeGreaterThan(0);
    // The note follows a closed block, never inside one.
    expect(html.slice(0, note).trimEnd()).toMatch(/<\/(del|ins)>$|<\/h\d>$/);
    expect(html).toMatch(/<p class="egenskap"><span class="etikett">Titel:<\/span> .*<del>/);
  });

  it("should show the old and the new text side by side when asked", async () => {
    const diff = diffVersions(await version(V2022), await version(V2025));
    expect(renderHtmlDiff(diff)).not.toContain('<section class="sida-vid-sida">');
    const html = renderHtmlDiff(diff, { sideBySide: true });
    expect(html).toContain('<section class="sida-vid-sida">');
    const first = html.slice(html.indexOf('<section class="sida-vid-sida">'));
    expect(first).toContain('<div class="tidigare">');
    // Each column is one version: no change marks in it.
    const columns = first.slice(first.indexOf('<div class="rad">'), first.indexOf("</section>"));
    expect(columns).not.toMatch(/<(ins|del)[ >]/);
  });
});

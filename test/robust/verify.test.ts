import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/hash.js";
import { renderCopies } from "../../src/package/copies.js";
import type { Manifest } from "../../src/package/manifest.js";
import { buildDocuments } from "../../src/pipeline.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { loadAgreement } from "../../src/validate/index.js";
import { needProgram } from "../helpers/external.js";
import { AGREEMENT, runCli, writeAgreement } from "../helpers/fixture.js";

const SYFTE = "Att erbjuda brottsofferstöd i hela staden.";

/** Builds the fixture agreement; returns its output folder. */
async function built(): Promise<{ dir: string; out: string }> {
  const dir = writeAgreement();
  const out = join(dirname(dir), "ut");
  const r = await runCli(["build", dir, "--out", out]);
  expect(r.code, r.all).toBe(0);
  return { dir, out: join(out, "test-iop") };
}

const readManifest = (out: string): Manifest =>
  JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));

/** Replaces a file and updates manifest.json to match, as a careful forger would. */
function forge(out: string, path: string, data: Uint8Array, change?: (m: Manifest) => void) {
  const file = join(out, ...path.split("/"));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  const manifest = readManifest(out);
  const entry = manifest.files.find((f) => f.path === path);
  if (entry) Object.assign(entry, { sha256: sha256(data), bytes: data.length });
  else manifest.files.push({ path, sha256: sha256(data), bytes: data.length });
  change?.(manifest);
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The documents of the fixture with `syfte` reworded, and the original YAML sources. */
async function tampered(dir: string) {
  const original = [
    { name: "bilaga-1.yaml", data: readFileSync(join(dir, "bilaga-1.yaml")) },
    { name: "overenskommelse.yaml", data: readFileSync(join(dir, "overenskommelse.yaml")) },
  ].map((f) => ({ ...f, description: "Källfil (YAML) som dokumentet är byggt från" }));
  const other = writeAgreement({
    "overenskommelse.yaml": AGREEMENT.replace(SYFTE, "Att erbjuda stöd i halva staden."),
  });
  const loaded = await loadAgreement(other);
  if (!loaded.agreement) throw new Error("fixture does not load");
  const tree = buildDocuments(loaded.agreement).documents[0]?.tree;
  if (!tree) throw new Error("no tree");
  return { tree, attachments: original.filter((f) => f.name === "overenskommelse.yaml") };
}

const verify = async (out: string) => {
  const r = await runCli(["verify", out]);
  expect(r.all).not.toContain("internt fel");
  return r;
};

describe.runIf(needProgram("pdftotext"))(
  "iop verify rebuilds the documents from their sources",
  () => {
    it("should pass an untouched build, saying every file has the sources' text", async () => {
      const { out } = await built();
      const r = await verify(out);
      expect(r.code, r.all).toBe(0);
      expect(r.stdout).toMatch(/ok: \d+ filer har den text som källorna i PDF-filerna ger/);
    });

    it("should catch an edited Markdown file with a manifest updated to match", async () => {
      const { out } = await built();
      const md = readFileSync(join(out, "overenskommelse.md"), "utf8").replace(SYFTE, "Att göra.");
      forge(out, "overenskommelse.md", new TextEncoder().encode(md));
      const r = await verify(out);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/overenskommelse\.md: texten är inte den som källorna ger: .*göra/);
    });

    it("should catch an edited Word file with a manifest updated to match", async () => {
      const { out } = await built();
      const parts = unzipSync(readFileSync(join(out, "overenskommelse.docx")));
      const xml = new TextDecoder().decode(parts["word/document.xml"]);
      expect(xml).toContain("hela staden");
      parts["word/document.xml"] = new TextEncoder().encode(
        xml.replace("hela staden", "halva staden"),
      );
      forge(out, "overenskommelse.docx", zipSync(parts));
      const r = await verify(out);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /overenskommelse\.docx: texten är inte den som källorna ger: .*halva/,
      );
    });

    it("should catch an edited main PDF that keeps its sources, with a manifest updated to match", async () => {
      const { dir, out } = await built();
      const { tree, attachments } = await tampered(dir);
      const fingerprint = readManifest(out).documents[0]?.fingerprint.replaceAll(" ", "") ?? "";
      const pdf = await renderPdf(tree, { attachments, fingerprint });
      forge(out, "overenskommelse.pdf", pdf);
      const r = await verify(out);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /overenskommelse\.pdf: texten är inte den som källorna ger: .*halva/,
      );
    });

    it("should catch every copy edited alike, with the manifest's fingerprint updated too", async () => {
      const { dir, out } = await built();
      const { tree, attachments } = await tampered(dir);
      const copies = await renderCopies(tree, renderPdf, { attachments });
      for (const file of copies.files) {
        forge(out, file.path, file.data, (m) => {
          const doc = m.documents.find((d) => d.name === "overenskommelse");
          if (doc) Object.assign(doc, copies.manifest);
        });
      }
      const r = await verify(out);
      expect(r.code).toBe(1);
      for (const file of copies.files) {
        expect(r.stdout).toContain(`${file.path}: texten är inte den som källorna ger`);
      }
      expect(r.stdout).toContain("uppgifterna om overenskommelse stämmer inte med källorna");
    });

    it("should catch a PDF whose sources were stripped", async () => {
      const { dir, out } = await built();
      const loaded = await loadAgreement(dir);
      const tree = loaded.agreement && buildDocuments(loaded.agreement).documents[0]?.tree;
      if (!tree) throw new Error("fixture does not load");
      const fingerprint = readManifest(out).documents[0]?.fingerprint.replaceAll(" ", "") ?? "";
      forge(out, "overenskommelse.pdf", await renderPdf(tree, { fingerprint }));
      const r = await verify(out);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("overenskommelse.pdf: PDF-filen bär inte sina YAML-källor");
    });

    it("should catch an extra file added to the manifest", async () => {
      const { out } = await built();
      forge(out, "bilaga-9.md", new TextEncoder().encode("# Bilaga 9\n"));
      const r = await verify(out);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("bilaga-9.md: filen står i manifestet men byggs inte av källorna");
    });

    it("should report an empty folder, and a manifest without documents, as errors", async () => {
      const { out } = await built();
      const empty = join(dirname(out), "tom");
      mkdirSync(empty);
      const r = await verify(empty);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("mappen är tom");
      const hollow = join(dirname(out), "ihalig");
      mkdirSync(hollow);
      writeFileSync(
        join(hollow, "manifest.json"),
        JSON.stringify({ agreement: "test-iop", generator: "iop", documents: [], files: [] }),
      );
      const h = await verify(hollow);
      expect(h.code).toBe(1);
      expect(h.stdout).toContain("manifestet tar inte upp några dokument");
    });
  },
);

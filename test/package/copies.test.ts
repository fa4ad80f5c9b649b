import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import {
  type CopyRenderOptions,
  copyLabel,
  copyPath,
  electronicPath,
  renderCopies,
} from "../../src/package/copies.js";
import { contentFingerprint } from "../../src/package/fingerprint.js";
import {
  layoutDocument,
  renderPdf,
  renderPdfCopies,
  withCopyLabel,
} from "../../src/render/pdf/index.js";
import { signatureFields } from "../../src/sign/fields.js";
import { comparablePage } from "../../src/verify/copies.js";
import { extractPages } from "../../src/verify/text.js";
import { needProgram } from "../helpers/external.js";
import { tempDir } from "../sign/helpers.js";
import { partiesTree } from "./trees.js";

/** renderPdf, recording the options of each call. */
function recording() {
  const calls: CopyRenderOptions[] = [];
  const render = (
    tree: Parameters<typeof renderPdf>[0],
    options: Parameters<typeof renderPdf>[1],
  ) => {
    calls.push({ ...options });
    return renderPdf(tree, options);
  };
  return { calls, render };
}

async function pagesOf(data: Uint8Array): Promise<string[]> {
  const tmp = tempDir();
  try {
    const path = join(tmp.dir, "copy.pdf");
    await writeFile(path, data);
    const result = await extractPages(path);
    if (!result.ok) throw new Error(result.error);
    return result.pages;
  } finally {
    tmp.remove();
  }
}

describe("renderCopies", () => {
  it("papper: one copy per party with label and fingerprint, and no empty signature fields", async () => {
    const tree = partiesTree(4);
    const { calls, render } = recording();
    const result = await renderCopies(tree, render, {});
    const { contentSha256, fingerprint } = contentFingerprint(tree);
    expect(result.manifest.contentSha256).toBe(contentSha256);
    expect(result.manifest.fingerprint).toBe(fingerprint);
    expect(result.files.map((f) => f.path)).toEqual([
      "exemplar/overenskommelse-exemplar-1-av-4-socialnamnden.pdf",
      "exemplar/overenskommelse-exemplar-2-av-4-bo-stockholm-gotland.pdf",
      "exemplar/overenskommelse-exemplar-3-av-4-bo-sodra-stockholm.pdf",
      "exemplar/overenskommelse-exemplar-4-av-4-bo-vasterort.pdf",
    ]);
    expect(result.manifest.copies[1]).toEqual({
      number: 2,
      of: 4,
      party: "bo-stockholm-gotland",
      partyName: "Brottsofferjouren Stockholm-Gotland",
      path: "exemplar/overenskommelse-exemplar-2-av-4-bo-stockholm-gotland.pdf",
    });
    expect(result.manifest.signatories?.map((s) => s.party)).toEqual(
      tree.signing.parties.map((p) => p.id),
    );
    expect(result.manifest.signingPdf).toBeUndefined();
    expect(calls).toEqual(
      tree.signing.parties.map((p, i) => ({
        fingerprint,
        copyLabel: `Exemplar ${i + 1} av 4 – ${p.name}`,
      })),
    );
    // A paper copy is signed by hand: no form, no empty electronic signature field.
    for (const file of result.files) {
      const doc = await PDFDocument.load(file.data);
      expect(signatureFields(doc)).toEqual([]);
      expect(doc.catalog.get(PDFName.of("AcroForm"))).toBeUndefined();
    }
  });

  it("elektronisk: one PDF without copy label, with a field per party", async () => {
    const tree = partiesTree(2, "elektronisk");
    const { calls, render } = recording();
    const result = await renderCopies(tree, render, {});
    expect(result.files.map((f) => f.path)).toEqual(["exemplar/overenskommelse-elektronisk.pdf"]);
    expect(result.manifest.signingPdf).toBe("exemplar/overenskommelse-elektronisk.pdf");
    expect(result.manifest.copies).toEqual([]);
    expect(calls).toEqual([{ fingerprint: result.fingerprint, signatureFields: true }]);
    const doc = await PDFDocument.load(result.files[0]?.data as Uint8Array);
    expect(signatureFields(doc).map((f) => f.name)).toEqual([
      "socialnamnden",
      "bo-stockholm-gotland",
    ]);
  });

  it("copies drawn from one layout are byte for byte the copies rendered in full", async () => {
    const tree = partiesTree(4);
    const attachments = [{ name: "a.yaml", data: new TextEncoder().encode("a: 1\n") }];
    const { calls, render } = recording();
    const full = await renderCopies(tree, render, { attachments });
    let layouts = 0;
    const many: typeof renderPdfCopies = (t, options, labels) => {
      layouts++;
      return renderPdfCopies(t, options, labels);
    };
    const once = await renderCopies(tree, render, { attachments }, many);
    expect(layouts).toBe(1);
    expect(calls).toHaveLength(4); // only the full rendering called render, once per copy
    expect(once.files.map((f) => f.path)).toEqual(full.files.map((f) => f.path));
    expect(once.manifest).toEqual(full.manifest);
    for (const [i, file] of once.files.entries()) {
      expect(Buffer.from(file.data).equals(Buffer.from(full.files[i]?.data ?? []))).toBe(true);
    }
    // The labels differ, so the copies do too.
    expect(new Set(once.files.map((f) => Buffer.from(f.data).toString("hex"))).size).toBe(4);
  });

  it("takes the content fingerprint the caller has instead of hashing the tree again", async () => {
    const tree = partiesTree(2);
    const content = contentFingerprint(tree);
    const given = await renderCopies(tree, renderPdf, {}, renderPdfCopies, content);
    const own = await renderCopies(tree, renderPdf, {}, renderPdfCopies);
    expect(given.manifest).toEqual(own.manifest);
    expect(given.files.map((f) => Buffer.from(f.data).toString("hex"))).toEqual(
      own.files.map((f) => Buffer.from(f.data).toString("hex")),
    );
    const other = { contentSha256: "0".repeat(64), fingerprint: "0000 0000 0000" };
    const used = await renderCopies(tree, renderPdf, {}, renderPdfCopies, other);
    expect(used.manifest.contentSha256).toBe(other.contentSha256);
    expect(used.fingerprint).toBe(other.fingerprint);
  });

  it("withCopyLabel adds the label as layoutDocument does, without changing the layout", () => {
    const tree = partiesTree(4);
    const base = layoutDocument(tree, { fingerprint: "abc" });
    const before = JSON.stringify(base);
    const label = `Exemplar 2 av 4 – ${"Ett mycket långt partnamn ".repeat(8)}`;
    expect(withCopyLabel(base, label)).toEqual(
      layoutDocument(tree, { fingerprint: "abc", copyLabel: label }),
    );
    expect(JSON.stringify(base)).toBe(before);
  });

  it("names and labels copies from the parties", () => {
    expect(copyLabel(2, 4, "Brottsofferjouren Västerort")).toBe(
      "Exemplar 2 av 4 – Brottsofferjouren Västerort",
    );
    expect(copyPath("bilaga-1", 1, 2, "socialnamnden")).toBe(
      "exemplar/bilaga-1-exemplar-1-av-2-socialnamnden.pdf",
    );
    expect(electronicPath("bilaga-2")).toBe("exemplar/bilaga-2-elektronisk.pdf");
  });

  describe.runIf(needProgram("pdftotext"))("as pdftotext reads them", () => {
    it("four copies have the same text apart from the label, and the fingerprint on every page", async () => {
      const tree = partiesTree(4);
      const result = await renderCopies(tree, renderPdf, {});
      const texts = await Promise.all(result.files.map((f) => pagesOf(f.data)));
      const reference = texts[0]?.map(comparablePage);
      expect(reference?.length).toBeGreaterThan(1);
      for (const [i, pages] of texts.entries()) {
        expect(pages.map(comparablePage)).toEqual(reference);
        for (const page of pages) expect(page).toContain(result.fingerprint);
        const label = copyLabel(i + 1, 4, tree.signing.parties[i]?.name ?? "");
        for (const page of pages) expect(page).toContain(label);
        expect(comparablePage(pages.join("\n"))).not.toContain("Exemplar");
      }
    });
  });
});

/**
 * The parts the Word renderer keeps from one document for the next (shared-parts.ts: theme,
 * settings, styles, numbering, font table…; package.ts and fonts.ts: compressed parts) and the
 * parts it does not let docx format (shared-parts.ts): every agreement, fixture and redline,
 * rendered after all the others, gives exactly the bytes of a renderer that has kept nothing and
 * lets docx format every part itself.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { documentsOf } from "../../../src/diff/documents.js";
import { REVISION_AUTHOR, wordRedline } from "../../../src/diff/format/docx.js";
import { diffVersions, type Version } from "../../../src/diff/index.js";
import type { DocumentTree } from "../../../src/document/types.js";
import { contentFingerprint } from "../../../src/package/fingerprint.js";
import type { DocxOptions } from "../../../src/render/docx/index.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { loadAgreement } from "../../../src/validate/index.js";

const root = join(import.meta.dirname, "../../..");
const folders = [
  ...readdirSync(join(root, "agreements")).map((d) => join(root, "agreements", d)),
  ...readdirSync(join(root, "test/fixtures/agreements")).map((d) =>
    join(root, "test/fixtures/agreements", d),
  ),
];

async function versionOf(dir: string): Promise<Version | undefined> {
  const { agreement } = await loadAgreement(dir);
  if (!agreement) return undefined;
  return { label: dir, agreement, documents: documentsOf(agreement).documents };
}

/** Every document `iop build` and `iop diff --format docx` (combined and --split) renders. */
async function renders(): Promise<{ name: string; tree: DocumentTree; options: DocxOptions }[]> {
  const versions = new Map<string, Version>();
  for (const dir of folders) {
    const version = await versionOf(dir);
    if (version) versions.set(dir.split("/").pop() as string, version);
  }
  const out: { name: string; tree: DocumentTree; options: DocxOptions }[] = [...versions].flatMap(
    ([name, version]) =>
      version.documents.map((tree) => ({
        name: `${name}/${tree.name}`,
        tree,
        options: { fingerprint: contentFingerprint(tree).fingerprint },
      })),
  );
  const pairs = [
    ["stockholm-brottsofferstod-2022", "stockholm-brottsofferstod-2025"],
    ["stockholm-brottsofferstod-2025", "stockholm-brottsofferstod-2022"],
    ["kalmar-brottsofferstod-2018", "stockholm-brottsofferstod-2025"],
  ];
  for (const [from, to] of pairs) {
    const diff = diffVersions(
      versions.get(from as string) as Version,
      versions.get(to as string) as Version,
    );
    const revision = { author: REVISION_AUTHOR, ...(diff.date ? { date: diff.date } : {}) };
    const words = [
      wordRedline(diff.documents, { old: diff.old, new: diff.new, summary: diff.summary }),
      ...diff.documents.map((doc) => wordRedline([doc], { summary: [] })),
    ];
    words.forEach((word, i) => {
      out.push({
        name: `${from} → ${to} (${i})`,
        tree: word.tree,
        options: { revision, redline: word.redline },
      });
    });
  }
  return out;
}

describe("parts kept from document to document (src/render/docx/shared-parts.ts)", () => {
  /** renderDocx of a new instance of the renderer, with docx formatting every part itself. */
  const unsharedRenderDocx = async () => {
    vi.resetModules();
    vi.doMock("../../../src/render/docx/shared-parts.js", () => ({ shareParts: () => () => {} }));
    return (await import("../../../src/render/docx/index.js")).renderDocx;
  };

  it("should give every agreement, fixture and redline the bytes of docx's own parts, kept nothing", async () => {
    const all = await renders();
    expect(all.length).toBeGreaterThan(20);
    // Keep parts from every document first, in both orders.
    for (const { tree, options } of [...all, ...[...all].reverse()])
      await renderDocx(tree, options);
    const numbering = new Set<string>();
    for (const { name, tree, options } of all) {
      const warm = await renderDocx(tree, options);
      const fresh = await unsharedRenderDocx();
      expect(Buffer.from(warm).equals(Buffer.from(await fresh(tree, options))), name).toBe(true);
      numbering.add(strFromU8(unzipSync(warm)["word/numbering.xml"] as Uint8Array));
    }
    // The documents differ in their list instances, so the kept numbering is keyed by them.
    expect(numbering.size).toBeGreaterThan(1);
  });
});

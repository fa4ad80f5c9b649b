/**
 * Every document `iop build` and `iop diff --format docx` (combined and --split) renders from the
 * example agreements and the fixtures, with the options they render with: for the Word renderer's
 * tests that compare two ways of making the same bytes.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { documentsOf } from "../../../src/diff/documents.js";
import { REVISION_AUTHOR, wordRedline } from "../../../src/diff/format/docx.js";
import { diffVersions, type Version } from "../../../src/diff/index.js";
import type { DocumentTree } from "../../../src/document/types.js";
import { contentFingerprint } from "../../../src/package/fingerprint.js";
import type { DocxOptions } from "../../../src/render/docx/index.js";
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
export async function renders(): Promise<
  { name: string; tree: DocumentTree; options: DocxOptions }[]
> {
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

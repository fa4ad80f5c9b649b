/**
 * `iop build --only <document>`: the output folder with one document rebuilt and everything else
 * as the previous build left it, byte for byte, with the same manifest entries.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  MANIFEST_FILE,
  type Manifest,
  type ManifestDocument,
  type OutputFile,
} from "./manifest.js";

/** Every file a manifest entry names: own files, copies, the signing PDF and the redline. */
export const documentPaths = (doc: ManifestDocument): string[] => [
  ...doc.files,
  ...doc.copies.map((c) => c.path),
  ...(doc.signingPdf ? [doc.signingPdf] : []),
  ...(doc.redline?.files ?? []),
];

async function walk(dir: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await walk(join(dir, entry.name), path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** Documents in build order: the agreement, then the bilagor by number. */
const order = (doc: ManifestDocument): number =>
  doc.kind === "overenskommelse" ? -1 : Number(/^bilaga-(\d+)$/.exec(doc.name)?.[1] ?? 1e9);

/**
 * Merges a rebuilt document into the previous build in `dir`: the folder's other files are read
 * as they are (also any the manifest does not list, which stay unlisted), the manifest keeps the
 * other documents' entries and file entries unchanged, and the document's old files are left out.
 */
export async function mergeIntoPrevious(
  dir: string,
  previous: Manifest,
  rebuilt: { document: ManifestDocument; files: OutputFile[] },
): Promise<{ files: OutputFile[]; documents: ManifestDocument[]; kept: Manifest["files"] }> {
  const old = previous.documents.find((d) => d.name === rebuilt.document.name);
  const drop = new Set([
    MANIFEST_FILE,
    ...(old ? documentPaths(old) : []),
    ...rebuilt.files.map((f) => f.path),
  ]);
  const files = [...rebuilt.files];
  for (const path of (await walk(dir)).sort()) {
    if (drop.has(path)) continue;
    files.push({ path, data: new Uint8Array(await readFile(join(dir, ...path.split("/")))) });
  }
  const documents = [
    ...previous.documents.filter((d) => d.name !== rebuilt.document.name),
    rebuilt.document,
  ].sort((a, b) => order(a) - order(b));
  const kept = previous.files.filter((f) => !drop.has(f.path));
  return { files, documents, kept };
}

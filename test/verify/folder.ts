import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DocumentTree } from "../../src/document/types.js";
import { renderCopies } from "../../src/package/copies.js";
import {
  createManifest,
  MANIFEST_FILE,
  type ManifestDocument,
  type OutputFile,
  serializeManifest,
} from "../../src/package/manifest.js";
import { renderPdf } from "../../src/render/pdf/index.js";

/**
 * Writes an output folder the way `iop build` does for the given trees: the copies (or the
 * electronic PDF) of each, and manifest.json. Returns the manifest documents.
 */
export async function writeBuildFolder(
  dir: string,
  trees: DocumentTree[],
): Promise<{ documents: ManifestDocument[]; files: OutputFile[] }> {
  const documents: ManifestDocument[] = [];
  const files: OutputFile[] = [];
  for (const tree of trees) {
    const copies = await renderCopies(tree, renderPdf, {});
    files.push(...copies.files);
    documents.push({
      name: tree.name,
      title: tree.meta.title,
      kind: tree.kind,
      signing: tree.signing.mode,
      files: [],
      ...copies.manifest,
    });
  }
  const manifest = createManifest("test", documents, files);
  for (const file of [...files, { path: MANIFEST_FILE, data: serializeManifest(manifest) }]) {
    const path = join(dir, ...file.path.split("/"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.data);
  }
  return { documents, files };
}

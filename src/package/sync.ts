/**
 * Brings an output folder up to date file by file (what `iop watch` writes after each save):
 * only the files whose bytes changed are written, each atomically (a temporary file beside it,
 * then a rename), files the new output no longer has are removed, and manifest.json is written
 * last, so it never lists a file that is not there yet.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { MANIFEST_FILE, type OutputFile } from "./manifest.js";
import {
  ensureFolder,
  prepareFolder,
  sameBytes,
  writeFileAtomically,
  writeFolderAtomically,
} from "./write.js";

export interface SyncResult {
  /** Paths written (new or changed), relative to the folder, in writing order. */
  written: string[];
  /** Paths removed because the new output does not have them. */
  removed: string[];
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

/**
 * Makes `target` hold exactly `files`, writing only what differs. A folder that does not exist
 * yet is written whole (`writeFolderAtomically`); an existing one must hold only files a build
 * wrote (`prepareFolder`, OutputError otherwise).
 */
export async function syncFolder(
  target: string,
  files: readonly OutputFile[],
): Promise<SyncResult> {
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await writeFolderAtomically(target, files);
    return { written: files.map((f) => f.path), removed: [] };
  }
  await prepareFolder(target, files);
  const ordered = [
    ...files.filter((f) => f.path !== MANIFEST_FILE),
    ...files.filter((f) => f.path === MANIFEST_FILE),
  ];
  const written: string[] = [];
  for (const file of ordered) {
    const path = join(target, ...file.path.split("/"));
    if (sameBytes(path, file.data)) continue;
    await ensureFolder(dirname(path));
    await writeFileAtomically(path, file.data);
    written.push(file.path);
  }
  const wanted = new Set(files.map((f) => f.path));
  const removed: string[] = [];
  for (const path of await listFiles(target)) {
    if (wanted.has(path)) continue;
    await rm(join(target, ...path.split("/")), { force: true });
    removed.push(path);
  }
  return { written, removed };
}

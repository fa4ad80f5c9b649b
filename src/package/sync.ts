/**
 * Brings an output folder up to date file by file (what `iop watch` writes after each save):
 * only the files whose bytes changed are written, each atomically (a temporary file beside it,
 * then a rename), files the new output no longer has are removed, and manifest.json is written
 * last, so it never lists a file that is not there yet.
 */
import { type BigIntStats, readdirSync, rmSync, statSync } from "node:fs";
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

/**
 * A file changed less than this long ago is not noted, so it is compared by its bytes the next
 * time: it could change again within the same tick of the file system's clock without getting a
 * new stamp (git's "racy" files). Two seconds cover the coarsest clocks in use (FAT).
 */
const SETTLED_MS = 2000;

const stampOf = (info: BigIntStats): string =>
  `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;

/** The file's status, or undefined when it cannot be had (missing, no permission…). */
function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * What `iop watch` knows of its output between saves: for each file it wrote or found to hold the
 * bytes it was to write, that array; and, once the file has settled, its stamp (device, inode,
 * size, times of modification and change) then. While the stamp stays the same, the file holds
 * the same bytes and is not read again for the same array (a document an edit did not change comes
 * from the build cache as the same array). A file last given other bytes than the next save's is
 * written without being read first.
 */
export class SyncRecord {
  readonly #files = new Map<string, { data: Uint8Array; stamp?: string }>();
  /** The clock the files' times are compared with (tests move it on). */
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Whether the file at `path` holds `data`, by what is known of it. */
  holds(path: string, data: Uint8Array): boolean {
    const known = this.#files.get(path);
    if (known?.data !== data || known.stamp === undefined) return false;
    const info = statOf(path);
    return info !== undefined && stampOf(info) === known.stamp;
  }

  /**
   * Whether the file at `path` was last written or found holding other bytes than `data`, so that
   * it is to be written without reading it: whatever happened to it since, it holds `data` only if
   * someone wrote just those bytes, and writing them again changes nothing in it.
   */
  differs(path: string, data: Uint8Array): boolean {
    const known = this.#files.get(path)?.data;
    return known !== undefined && known !== data && Buffer.compare(known, data) !== 0;
  }

  /**
   * Notes that the file at `path` holds `data` now, with its stamp once it has settled (a file
   * changed too recently may change again without a new stamp).
   */
  note(path: string, data: Uint8Array): void {
    const info = statOf(path);
    // The later of the two times: a file system may give its creation time as ctime (FAT).
    const settled =
      info && Math.max(Number(info.ctimeMs), Number(info.mtimeMs)) <= this.#now() - SETTLED_MS;
    this.#files.set(path, settled ? { data, stamp: stampOf(info) } : { data });
  }

  /** A removed file: its array is not held any longer (memory only; `holds` finds no file). */
  forget(path: string): void {
    this.#files.delete(path);
  }
}

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

/**
 * Makes `target` hold exactly `files`, writing only what differs. A folder that does not exist
 * yet is written whole (`writeFolderAtomically`); an existing one must hold only files a build
 * wrote (`prepareFolder`, OutputError otherwise). With `record` (`iop watch`), a file known to hold
 * its bytes already is not read again, nor one known to have been given other bytes, and what the
 * folder holds is noted for the next call.
 * Its file-system calls are synchronous, as a build's reads are (src/load/read.ts): each
 * asynchronous one was a round trip through libuv's thread pool that the save only waited for.
 */
export async function syncFolder(
  target: string,
  files: readonly OutputFile[],
  record?: SyncRecord,
): Promise<SyncResult> {
  if (!statOf(target)) {
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
    if (record?.holds(path, file.data)) continue;
    if (record?.differs(path, file.data) || !sameBytes(path, file.data)) {
      await ensureFolder(dirname(path));
      await writeFileAtomically(path, file.data);
      written.push(file.path);
    }
    record?.note(path, file.data);
  }
  const wanted = new Set(files.map((f) => f.path));
  const removed: string[] = [];
  for (const path of listFiles(target)) {
    if (wanted.has(path)) continue;
    const absolute = join(target, ...path.split("/"));
    rmSync(absolute, { force: true });
    record?.forget(absolute);
    removed.push(path);
  }
  return { written, removed };
}

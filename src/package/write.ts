/**
 * Writing a build's output: atomically (a staging folder swapped in), never removing a file no
 * build wrote, and cleaning up after killed builds.
 *
 * The file-system calls are synchronous. A build writes some 25 files per agreement, and each
 * asynchronous call is a round trip through libuv's thread pool that the build only waits for:
 * in a build of many agreements those waits were about a tenth of the wall time (bench/speed.mjs).
 * A build has nothing else to do meanwhile (the pool's worker processes each write their own
 * agreement).
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { MANIFEST_FILE, type OutputFile } from "./manifest.js";

/**
 * The output location cannot be used (a file where a folder should be, no permission, a folder
 * holding files no build wrote): a usage problem, with a Swedish message naming the path.
 */
export class OutputError extends Error {}

/** Prefixes of the staging and backup folders a build makes beside its output folder. */
const STAGING = ".iop-tmp-";
const BACKUP = ".iop-old-";
const LEFTOVER = /^\.iop-(tmp|old)-(\d+)-/;

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException)?.code;

/** A Swedish message for a file-system error while preparing or writing `path`. */
function describe(path: string, error: unknown): OutputError {
  switch (code(error)) {
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new OutputError(`Utdatamappen ${path} kan inte skrivas (behörighet saknas).`);
    case "ENOTDIR":
    case "EEXIST":
      return new OutputError(`${path} är en fil, inte en mapp; välj en annan utdatamapp.`);
    case "ENOSPC":
    case "EDQUOT":
      return new OutputError(`Det finns inte plats för utdata i ${path}.`);
    default:
      return new OutputError(`Utdatamappen ${path} kan inte skapas eller skrivas här.`);
  }
}

/**
 * The folders of `path` that do not exist yet, outermost first, after checking that the nearest
 * existing one is a folder.
 */
function missingFolders(path: string): string[] {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    const error = folderError(at);
    if (error === undefined) return missing;
    // ENOTDIR: some folder above is a file; walking up names it.
    if (code(error) !== "ENOENT" && code(error) !== "ENOTDIR") throw describe(at, error);
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) throw describe(at, error);
    at = up;
  }
}

/** Undefined when `at` is a folder; the error of stat when it cannot be read; throws for a file. */
function folderError(at: string): unknown {
  let isFolder: boolean;
  try {
    isFolder = statSync(at).isDirectory();
  } catch (error) {
    return error ?? new Error(String(error));
  }
  if (!isFolder) throw new OutputError(`${at} är en fil, inte en mapp; välj en annan utdatamapp.`);
  return undefined;
}

/**
 * Makes `path` a folder, one component at a time (Node's recursive mkdir loops forever on a path
 * under /proc), and checks that everything on the way is a folder.
 */
export async function ensureFolder(path: string): Promise<void> {
  const missing = missingFolders(resolve(path));
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if (code(error) !== "EEXIST") throw describe(dir, error);
    }
  }
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === "EPERM";
  }
};

/** Whether anything (a file, folder or link) is at `path`; false also when it cannot be read. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The mode of the file at `path`, if it can be read. */
function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode;
  } catch {
    return undefined;
  }
}

/** An earlier build's manifest.json in `folder`, as far as it can be read (never trusted). */
function manifestIn(folder: string): { agreement?: unknown; files?: unknown } | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), "utf8"));
    return typeof manifest === "object" && manifest !== null ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cleans up after builds that were killed (kill -9, power loss) in `parent`: a staging folder is
 * removed; a backup folder (the previous output, moved aside just before the new one was moved in)
 * is moved back when its output folder is missing (the build died between the two renames), and
 * removed otherwise. Folders of builds still running (their process exists) are left alone.
 */
export async function recoverLeftovers(parent: string): Promise<string[]> {
  const done: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return done;
  }
  for (const name of names.sort()) {
    const match = LEFTOVER.exec(name);
    if (!match || alive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === "old") {
      const id = manifestIn(path)?.agreement;
      if (typeof id === "string" && /^[a-z0-9][a-z0-9-]*$/.test(id)) {
        const target = join(parent, id);
        if (!exists(target)) {
          renameSync(path, target);
          done.push(target);
          continue;
        }
      }
    }
    rmSync(path, { recursive: true, force: true });
    done.push(path);
  }
  return done;
}

/** Relative paths of every file under `dir` (folders themselves excluded). */
function filesUnder(dir: string, base = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${base}${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(join(dir, entry.name), `${rel}/`));
    else out.push(rel);
  }
  return out;
}

/** The files an earlier build's manifest.json in `folder` lists, with the manifest itself. */
function listedFiles(folder: string): Set<string> | undefined {
  const files = manifestIn(folder)?.files;
  if (!Array.isArray(files)) return undefined;
  return new Set([...files.map((f: { path?: unknown } | null) => String(f?.path)), MANIFEST_FILE]);
}

/**
 * Whether the file at `path` holds exactly `data` (false when it cannot be read). A file of
 * another size is not read, and `data` is compared where it is, not copied into a Buffer first.
 * `iop watch` asks this of every file of an agreement after each save (sync.ts).
 */
export function sameBytes(path: string, data: Uint8Array): boolean {
  try {
    if (statSync(path).size !== data.byteLength) return false;
    return Buffer.compare(data, readFileSync(path)) === 0;
  } catch {
    return false;
  }
}

/**
 * Checks that `target` may be replaced: it does not exist, is an empty folder, or holds only what
 * an earlier build wrote (the files its manifest.json lists, and the manifest). Anything else
 * (a file, a link, a folder with the user's own files) is refused, so a build never removes a file
 * it did not write.
 */
function checkReplaceable(target: string, next: ReadonlyMap<string, Uint8Array>): void {
  let info: Stats;
  try {
    info = lstatSync(target);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw describe(target, error);
  }
  if (!info.isDirectory()) {
    throw new OutputError(
      `${target} finns redan och är inte en mapp som iop build har skrivit; flytta den eller välj en annan utdatamapp.`,
    );
  }
  let files: string[];
  try {
    files = filesUnder(target);
  } catch (error) {
    throw describe(target, error);
  }
  if (files.length === 0) return;
  const listed = listedFiles(target);
  // A file the new output writes again with the same bytes (as `--only` carries over the rest
  // of a build) is not lost.
  const kept = (f: string): boolean => {
    const data = next.get(f);
    return data !== undefined && sameBytes(join(target, f), data);
  };
  const foreign: string[] = [];
  for (const f of listed ? files.filter((f) => !listed.has(f)) : files) {
    if (!kept(f)) foreign.push(f);
  }
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? " …" : "");
    throw new OutputError(
      `${target} innehåller filer som iop build inte har skrivit (${shown}); de skulle tas bort. Flytta dem eller välj en annan utdatamapp.`,
    );
  }
}

export interface WriteOptions {
  /**
   * Recover leftovers of killed builds beside `target` first (default true). The workers of one
   * `iop build` write beside each other: the pool recovers once, before they start, and they pass
   * false, so that none of them takes another's staging folder while it is being written.
   */
  recover?: boolean;
}

/**
 * Makes sure `target` can be written before anything is: its parent is (made) a folder, leftovers
 * of killed builds beside it are recovered, and `target` holds nothing a build did not write
 * that would be lost (a file that `next`, the new output, writes again byte for byte is not).
 * Throws OutputError.
 */
export async function prepareFolder(
  target: string,
  next: readonly OutputFile[] = [],
  options: WriteOptions = {},
): Promise<void> {
  const parent = dirname(target);
  await ensureFolder(parent);
  if (options.recover !== false) {
    await recoverLeftovers(parent).catch((error) => {
      throw describe(parent, error);
    });
  }
  checkReplaceable(target, new Map(next.map((f) => [f.path, f.data])));
}

/**
 * Replaces `target` with a folder holding exactly `files`, atomically as far as the file system
 * allows: everything is written to a sibling staging folder first and swapped in with renames,
 * so a failed build never leaves half-written output and `target` keeps what it had. A build
 * killed between the two renames leaves the old output in a backup folder, which the next build
 * (`recoverLeftovers`) moves back. Problems with the location are thrown as OutputError.
 */
export async function writeFolderAtomically(
  target: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<void> {
  await prepareFolder(target, files, options);
  const parent = dirname(target);
  const stamp = `${process.pid}-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const staging = join(parent, `${STAGING}${stamp}`);
  const backup = join(parent, `${BACKUP}${stamp}`);
  try {
    mkdirSync(staging);
    const made = new Set([staging]);
    for (const file of files) {
      const path = join(staging, ...file.path.split("/"));
      const folder = dirname(path);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(path, file.data);
    }
    let hadOld = false;
    try {
      renameSync(target, backup);
      hadOld = true;
    } catch (error) {
      if (code(error) !== "ENOENT") throw error;
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadOld) renameSync(backup, target);
      throw error;
    }
    if (hadOld) rmSync(backup, { recursive: true, force: true });
  } catch (error) {
    throw error instanceof OutputError ? error : describe(parent, error);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Replaces `path` with `data` atomically: a temporary file beside it, then a rename, so a failure
 * never leaves a half-written file. With `keepMode`, a file replaced keeps its permissions.
 */
export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  options: { keepMode?: boolean } = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, data);
    if (options.keepMode) {
      const mode = modeOf(path);
      if (mode !== undefined) chmodSync(temp, mode & 0o777);
    }
    renameSync(temp, path);
  } catch (error) {
    // Renamed, the temporary file is gone; only a failure leaves it to remove.
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Frees the memory of files that have been written and will not be read again (a build of many
 * agreements, after each agreement's folder is written): each array that alone owns its memory is
 * detached, so its bytes are released now instead of at V8's next full collection.
 *
 * Why: the ~7 MB an agreement writes outlive a couple of young-generation collections, so they
 * reach the old generation, where V8 counts them as external memory until a full collection
 * frees them; every 64 MB of it forces a full collection, about one per eight agreements. A full
 * collection also drops the optimised code of every function whose closures were all dead (a
 * parser's closures made per parse, say), which V8 then compiles again. Released at once, 100
 * agreements on one thread took 7 full collections instead of 13 and a quarter fewer compiles
 * (`--trace-gc`, `--trace-opt`), and less time (bench/speed.mjs, part 3). An array sharing its
 * memory (a slice of Node's Buffer pool, a view into a larger array) is left as it is.
 */
export function releaseWritten(files: readonly OutputFile[]): void {
  const owners = new Set<ArrayBuffer>();
  for (const { data } of files) {
    const { buffer } = data;
    if (
      buffer instanceof ArrayBuffer &&
      data.byteOffset === 0 &&
      data.byteLength === buffer.byteLength
    )
      owners.add(buffer);
  }
  if (owners.size > 0) structuredClone(undefined, { transfer: [...owners] });
}

import { randomBytes } from "node:crypto";
import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
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
async function missingFolders(path: string): Promise<string[]> {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    const error = await folderError(at);
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
async function folderError(at: string): Promise<unknown> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(at)).isDirectory();
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
  const missing = await missingFolders(resolve(path));
  for (const dir of missing) {
    try {
      await mkdir(dir);
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
    names = await readdir(parent);
  } catch {
    return done;
  }
  for (const name of names.sort()) {
    const match = LEFTOVER.exec(name);
    if (!match || alive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === "old") {
      const id = await readFile(join(path, MANIFEST_FILE), "utf8").then(
        (text) => (JSON.parse(text) as { agreement?: unknown }).agreement,
        () => undefined,
      );
      if (typeof id === "string" && /^[a-z0-9][a-z0-9-]*$/.test(id)) {
        const target = join(parent, id);
        const exists = await lstat(target).then(
          () => true,
          () => false,
        );
        if (!exists) {
          await rename(path, target);
          done.push(target);
          continue;
        }
      }
    }
    await rm(path, { recursive: true, force: true });
    done.push(path);
  }
  return done;
}

/** Relative paths of every file under `dir` (folders themselves excluded). */
async function filesUnder(dir: string, base = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${base}${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(join(dir, entry.name), `${rel}/`)));
    else out.push(rel);
  }
  return out;
}

/**
 * Checks that `target` may be replaced: it does not exist, is an empty folder, or holds only what
 * an earlier build wrote (the files its manifest.json lists, and the manifest). Anything else
 * (a file, a link, a folder with the user's own files) is refused, so a build never removes a file
 * it did not write.
 */
async function checkReplaceable(
  target: string,
  next: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(target);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw describe(target, error);
  }
  if (!info.isDirectory()) {
    throw new OutputError(
      `${target} finns redan och är inte en mapp som iop build har skrivit; flytta den eller välj en annan utdatamapp.`,
    );
  }
  const files = await filesUnder(target).catch((error) => {
    throw describe(target, error);
  });
  if (files.length === 0) return;
  let listed: Set<string> | undefined;
  try {
    const manifest = JSON.parse(await readFile(join(target, MANIFEST_FILE), "utf8")) as {
      files?: { path?: unknown }[];
    };
    if (Array.isArray(manifest.files)) {
      listed = new Set(manifest.files.map((f) => String(f?.path)));
      listed.add(MANIFEST_FILE);
    }
  } catch {
    listed = undefined;
  }
  // A file the new output writes again with the same bytes (as `--only` carries over the rest
  // of a build) is not lost.
  const kept = async (f: string) => {
    const data = next.get(f);
    return data !== undefined && Buffer.from(data).equals(await readFile(join(target, f)));
  };
  const foreign: string[] = [];
  for (const f of listed ? files.filter((f) => !listed.has(f)) : files) {
    if (!(await kept(f).catch(() => false))) foreign.push(f);
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
   * Recover leftovers of killed builds beside `target` first (default true). The threads of one
   * `iop build` share its process id, so each would take the others' staging folders for a dead
   * build's: the pool recovers once before its threads start and they pass false.
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
  await checkReplaceable(target, new Map(next.map((f) => [f.path, f.data])));
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
    await mkdir(staging);
    for (const file of files) {
      const path = join(staging, ...file.path.split("/"));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.data);
    }
    let hadOld = false;
    try {
      await rename(target, backup);
      hadOld = true;
    } catch (error) {
      if (code(error) !== "ENOENT") throw error;
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadOld) await rename(backup, target);
      throw error;
    }
    if (hadOld) await rm(backup, { recursive: true, force: true });
  } catch (error) {
    throw error instanceof OutputError ? error : describe(parent, error);
  } finally {
    await rm(staging, { recursive: true, force: true });
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
    await writeFile(temp, data);
    if (options.keepMode) {
      const mode = await stat(path).then(
        (s) => s.mode,
        () => undefined,
      );
      if (mode !== undefined) await chmod(temp, mode & 0o777);
    }
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

import { randomBytes } from "node:crypto";
import { chmod, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { OutputFile } from "./manifest.js";

/**
 * Replaces `target` with a folder holding exactly `files`, atomically as far as the file system
 * allows: everything is written to a sibling temporary folder first and swapped in with renames,
 * so a failed build never leaves half-written output and `target` keeps what it had.
 */
export async function writeFolderAtomically(
  target: string,
  files: readonly OutputFile[],
): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.iop-tmp-${stamp}`);
  const backup = join(parent, `.iop-old-${stamp}`);
  try {
    for (const file of files) {
      const path = join(staging, ...file.path.split("/"));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.data);
    }
    await mkdir(staging, { recursive: true });
    let hadOld = false;
    try {
      await rename(target, backup);
      hadOld = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadOld) await rename(backup, target);
      throw error;
    }
    if (hadOld) await rm(backup, { recursive: true, force: true });
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

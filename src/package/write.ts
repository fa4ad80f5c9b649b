import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
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

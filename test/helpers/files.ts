/** The files of an output folder, for comparing builds. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir` with its SHA-256, keyed by path relative to `dir` (forward slashes). */
export function fileHashes(dir: string, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of fileHashes(path, rel)) out.set(k, v);
    else out.set(rel, createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return out;
}

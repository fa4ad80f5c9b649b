/**
 * The bundled CLI (dist/bin/iop.cjs) compiled with V8's code cache, so that a cold `iop` process
 * deserialises the bytecode of the functions a build runs instead of parsing and compiling them.
 *
 * Why: Node 20 has no compile cache for ES modules (`module.enableCompileCache` came in Node 22),
 * but `vm.Script` takes V8's code cache. `npm run build` bundles the CLI into one CommonJS script,
 * runs a warm-up build with it and then saves `script.createCachedData()` (scripts/code-cache.mjs):
 * made after the run, the cache holds the functions compiled lazily during it, not only the
 * top level (the approach of v8-compile-cache, with the cache made once at build time instead of
 * in the user's temp folder at run time).
 *
 * Safe: the cache changes how the code is compiled, never what it computes. It is used only when
 * it belongs to this very bundle (the bundle's id, written by scripts/bundle.mjs, is in the cache's
 * header), its bytes are intact (CRC-32 in the header: V8's release builds do not verify the
 * checksum, and a corrupt cache can crash the process), and V8 accepts it (same V8 version and
 * flags, else `cachedDataRejected`); anything else compiles the bundle from its source, as without
 * a cache. V8 compares the flags at compile time, so the cache is made and used with V8's default
 * flags: the CLI sets `--no-opt` (src/jit.ts) only after loading the bundle.
 * Tests: test/launch/code-cache.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";
import { v8Defaults } from "../jit.js";

/** What became of the cache: used, refused (by us or V8), or there was none. */
export type CacheUse = "accepted" | "rejected" | "none";

export interface LoadedBundle<T> {
  /** The bundle's `module.exports`. */
  exports: T;
  script: Script;
  /** The bundle's id (its last line, see `BUNDLE_ID`), undefined when it has none. */
  id: string | undefined;
  cache: CacheUse;
}

/** The bundle's last line: `//# iop-bundle=<SHA-256 of the bundled code>`. */
const BUNDLE_ID = "//# iop-bundle=";
const MAGIC = "iop-v8-code-cache 1";

/**
 * A bundle file's text (scripts/bundle.mjs): the bundled code inside Node's CommonJS wrapper, so
 * that it sees the `require`, `module` etc. a .cjs file would, then its id line. The wrapper is
 * in the file rather than added when loading: V8 then compiles the string as read (Node keeps a
 * large Latin-1 string outside V8's heap) instead of first copying a joined string of several MB
 * into its heap. Measured on this 2-core machine: the CLI's bundle loads in 39 ms instead of 42
 * (medians of 30 interleaved loads), and V8's heap holds 6.6 MB less.
 */
export const bundleFileText = (code: string, id: string): string =>
  `(function (exports, require, module, __filename, __dirname) {${code}\n})\n${BUNDLE_ID}${id}\n`;

function bundleId(source: string): string | undefined {
  const at = source.lastIndexOf(BUNDLE_ID);
  return at < 0 ? undefined : source.slice(at + BUNDLE_ID.length).trim();
}

/** The V8 data of a cache file made for bundle `id`; "none" when there is no file, "rejected"
 * when it is not for this bundle or is damaged. */
function readCache(path: string, id: string | undefined): Buffer | "none" | "rejected" {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return "none";
  }
  const end = file.indexOf(10);
  if (id === undefined || end < 0) return "rejected";
  const [magic, forBundle, crc] = file.subarray(0, end).toString("latin1").split(" ; ");
  const data = file.subarray(end + 1);
  if (magic !== MAGIC || forBundle !== id || crc !== String(crc32(data))) return "rejected";
  return data;
}

/**
 * Compiles and runs the bundle at `path` (with the cache file at `cachePath` when it is good for
 * it) and returns its exports. The bundle is ASCII (scripts/bundle.mjs makes sure), so it is read
 * as Latin-1: a one-byte string, several times faster to read than by decoding UTF-8.
 */
export function loadBundle<T>(path: string, cachePath?: string): LoadedBundle<T> {
  const source = readFileSync(path, "latin1");
  const id = bundleId(source);
  const read = cachePath === undefined ? "none" : readCache(cachePath, id);
  const cachedData = typeof read === "string" ? undefined : read;
  const script = new Script(source, { filename: path, cachedData });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path));
  const cache =
    typeof read === "string" ? read : script.cachedDataRejected ? "rejected" : "accepted";
  return { exports: module.exports, script, id, cache };
}

/**
 * Writes the code cache of a loaded bundle, with the functions compiled so far (so call it after a
 * warm-up run). V8's flags go back to their defaults first, as a fresh process has them.
 */
export function writeCodeCache(bundle: LoadedBundle<unknown>, cachePath: string): void {
  if (bundle.id === undefined) throw new Error("writeCodeCache: the bundle has no id line");
  v8Defaults();
  const data = bundle.script.createCachedData();
  const header = [MAGIC, bundle.id, String(crc32(data))].join(" ; ");
  writeFileSync(cachePath, Buffer.concat([Buffer.from(`${header}\n`, "latin1"), data]));
}

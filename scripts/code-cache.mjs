// Writes the code cache of the bundled CLI (src/launch/code-cache.ts), run by scripts/bundle.mjs
// after the bundle, in a process of its own (V8's flags at their defaults, nothing else compiled):
// loads dist/bin/iop.cjs, builds the example agreements (agreements/, all formats and copies) with
// it into a temporary folder, and saves V8's cache of the bundle with every function that build
// compiled. Without the example agreements (an installed package) there is no warm-up and no cache.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { loadBundle, writeCodeCache } from "../dist/launch/code-cache.js";

const EXAMPLES = "agreements";
const BUNDLE = resolve("dist/bin/iop.cjs");
const CACHE = resolve("dist/bin/iop.cjs.v8-cache");

if (existsSync(EXAMPLES)) {
  // Keep the bytecode of functions run only early in the warm-up (V8 drops old bytecode).
  setFlagsFromString("--no-flush-bytecode");
  const bundle = loadBundle(BUNDLE);
  const out = mkdtempSync(join(tmpdir(), "iop-code-cache-"));
  try {
    const code = await bundle.exports.cli(["build", EXAMPLES, "--out", out]);
    if (code !== 0) throw new Error(`the warm-up build exited with ${code}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  setFlagsFromString("--flush-bytecode");
  writeCodeCache(bundle, CACHE);
}

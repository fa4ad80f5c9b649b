#!/usr/bin/env node
// The `iop` binary (dist/bin/iop.js): starts the PDF helper of `iop build` (helper.ts), loads the
// bundled CLI with its code cache, runs the command line (code-cache.ts) and ends as soon as it is
// done (exit.ts). A CommonJS script (scripts/bundle.mjs), so without top-level `await`.
import type { BundleExports } from "./bundle.js";
import { loadBundle } from "./code-cache.js";
import { exitWhenWritten } from "./exit.js";
import { startHelper } from "./helper.js";
import { bundlePath, cachePath } from "./paths.js";

const argv = process.argv.slice(2);
const helper = startHelper(argv);
// Its own code cache when the helper renders the PDFs: this process then runs no PDF code.
const cache = cachePath(helper ? "iop-with-helper" : "iop");
const { exports } = loadBundle<BundleExports>(bundlePath(), cache);
void exports.cli(argv, helper).then((code) => {
  process.exitCode = code;
  exitWhenWritten(code);
});

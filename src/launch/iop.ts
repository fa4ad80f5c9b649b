#!/usr/bin/env node
// The `iop` binary (dist/bin/iop.js): starts the PDF helper of `iop build` (helper.ts), loads the
// bundled CLI with its code cache and runs the command line (code-cache.ts).
import type { BundleExports } from "./bundle.js";
import { loadBundle } from "./code-cache.js";
import { startHelper } from "./helper.js";
import { bundlePath, cachePath } from "./paths.js";

const argv = process.argv.slice(2);
const helper = startHelper(argv);
const { exports } = loadBundle<BundleExports>(bundlePath(), cachePath());
process.exitCode = await exports.cli(argv, helper);

#!/usr/bin/env node
// The `iop` binary (dist/bin/iop.js): loads the bundled CLI with its code cache and runs the
// command line (code-cache.ts).
import type { BundleExports } from "./bundle.js";
import { loadBundle } from "./code-cache.js";
import { bundlePath, cachePath } from "./paths.js";

const { exports } = loadBundle<BundleExports>(bundlePath(), cachePath());
process.exitCode = await exports.cli(process.argv.slice(2));

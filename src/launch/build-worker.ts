// A worker process of `iop build`'s pool (dist/bin/build-worker.js, started by src/batch/pool.ts):
// the same bundle and code cache as the `iop` binary (code-cache.ts), running the worker.
import type { BundleExports } from "./bundle.js";
import { loadBundle } from "./code-cache.js";
import { bundlePath, cachePath } from "./paths.js";

await loadBundle<BundleExports>(bundlePath(), cachePath()).exports.worker();

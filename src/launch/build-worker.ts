// A worker process of the pool of `iop build` (src/batch/pool.ts): runs the same bundle and code
// cache as the `iop` binary (code-cache.ts); a CommonJS script like it, without top-level `await`.
import type { BundleExports } from "./bundle.js";
import { loadBundle } from "./code-cache.js";
import { bundlePath, cachePath } from "./paths.js";

const { exports } = loadBundle<BundleExports>(bundlePath(), cachePath());
void exports.worker();

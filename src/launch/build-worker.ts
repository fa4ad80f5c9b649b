// A worker process of `iop build`: of its pool (src/batch/pool.ts), or with the argument `pdf`
// the PDF helper of a single build (helper.ts, src/helper/). Either runs the same bundle and code
// cache as the `iop` binary (code-cache.ts); a CommonJS script like it, without top-level `await`.
import type { BundleExports } from "./bundle.js";
import { loadBundle } from "./code-cache.js";
import { HELPER_ARG } from "./helper.js";
import { bundlePath, cachePath } from "./paths.js";

const { exports } = loadBundle<BundleExports>(bundlePath(), cachePath());
void (process.argv[2] === HELPER_ARG ? exports.helper() : exports.worker());

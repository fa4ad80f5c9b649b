// The PDF helper process of `iop build` (dist/bin/pdf-helper.js, started by helper.ts; see
// src/helper/): loads the helper's own bundle with its code cache (helper-bundle.ts, code-cache.ts)
// and serves the build. A CommonJS script like iop.ts, without top-level `await`.
import { loadBundle } from "./code-cache.js";
import type * as HelperBundle from "./helper-bundle.js";
import { bundlePath, cachePath } from "./paths.js";

const { exports } = loadBundle<typeof HelperBundle>(
  bundlePath("pdf-helper"),
  cachePath("pdf-helper"),
);
void exports.helper();

/**
 * The bundles beside the launchers in dist/bin/ and their code caches (scripts/bundle.mjs,
 * scripts/code-cache.mjs). Two bundles: the CLI's (`iop`, bundle.ts) and the PDF helper's
 * (`pdf-helper`, helper-bundle.ts). Three caches, each made by a warm-up of what it serves:
 * - `iop`: the CLI's, for every process that runs the CLI's bundle but the one below (made by a
 *   build of the example agreements in one process: all the code a build runs);
 * - `iop-with-helper`: the CLI's, for an `iop` whose PDFs the helper renders (made by a build of
 *   each example agreement with the helper): without the PDF renderer's code, which that process
 *   does not run, it loads sooner;
 * - `pdf-helper`: the helper's (made by rendering the example agreements' PDFs and copies).
 */
import { fileURLToPath } from "node:url";

export type BundleName = "iop" | "pdf-helper";

export const CACHES = {
  iop: "iop.cjs.v8-cache",
  "iop-with-helper": "iop.cjs.with-helper.v8-cache",
  "pdf-helper": "pdf-helper.cjs.v8-cache",
} as const;
export type CacheName = keyof typeof CACHES;

export const bundlePath = (name: BundleName = "iop"): string =>
  fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
export const cachePath = (name: CacheName = "iop"): string =>
  fileURLToPath(new URL(`./${CACHES[name]}`, import.meta.url));

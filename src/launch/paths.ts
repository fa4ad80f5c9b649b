/**
 * The bundles beside the launchers in dist/bin/, each with its code cache: the CLI's (`iop`,
 * bundle.ts) and the PDF helper's (`pdf-helper`, helper-bundle.ts).
 */
import { fileURLToPath } from "node:url";

export type BundleName = "iop" | "pdf-helper";

export const bundlePath = (name: BundleName = "iop"): string =>
  fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
export const cachePath = (name: BundleName = "iop"): string => `${bundlePath(name)}.v8-cache`;

/** The bundled CLI and its code cache, beside the launchers in dist/bin/. */
import { fileURLToPath } from "node:url";

export const BUNDLE_FILE = "iop.cjs";
export const CACHE_FILE = "iop.cjs.v8-cache";

export const bundlePath = (): string => fileURLToPath(new URL(`./${BUNDLE_FILE}`, import.meta.url));
export const cachePath = (): string => fileURLToPath(new URL(`./${CACHE_FILE}`, import.meta.url));

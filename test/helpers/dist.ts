/**
 * Whether `dist/` is older than what it is built from. Tests that run `dist/bin/iop.js` would
 * otherwise pass or fail on a stale build after a change in `src/`; the global setup
 * (test/setup/dist.ts) builds it once when it is.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** What `npm run build` reads: the sources, templates, schemas, the bundler and its configs. */
export const BUILD_INPUTS = [
  "src",
  "templates",
  "schemas",
  "scripts/bundle.mjs",
  "scripts/code-cache.mjs",
  "scripts/lazy-fontkit.mjs",
  "scripts/precompress-fonts.mjs",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
];

/** The file the build writes last (the bundle), whose time stands for the whole build. */
export const BUILD_OUTPUT = "dist/bin/iop.js";

function newest(path: string): { path: string; mtimeMs: number } | undefined {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path);
  } catch {
    return undefined;
  }
  // A README beside the sources is not built from.
  if (!info.isDirectory())
    return path.endsWith(".md") ? undefined : { path, mtimeMs: info.mtimeMs };
  let best: { path: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(path)) {
    const found = newest(join(path, name));
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/**
 * Why the build in `root` is stale ("dist/bin/iop.js is missing", "src/x.ts is newer than
 * dist/bin/iop.js"), or undefined when it is up to date.
 */
export function staleBuild(root: string): string | undefined {
  const output = newest(join(root, BUILD_OUTPUT));
  if (!output) return `${BUILD_OUTPUT} is missing`;
  for (const input of BUILD_INPUTS) {
    const found = newest(join(root, input));
    if (found && found.mtimeMs > output.mtimeMs) {
      return `${relative(root, found.path)} is newer than ${BUILD_OUTPUT}`;
    }
  }
  return undefined;
}

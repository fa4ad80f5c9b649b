/**
 * Vitest global setup: builds `dist/` once, before any test file runs, when it is missing or
 * older than its sources, so that the tests that run `dist/bin/iop.js` test the current code.
 * `npm test` builds first, so there this only checks.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { staleBuild } from "../helpers/dist.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default function setup(): void {
  const reason = staleBuild(root);
  if (!reason) return;
  process.stderr.write(`dist/ is stale (${reason}): running npm run build\n`);
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  const still = staleBuild(root);
  if (still) throw new Error(`npm run build left dist/ stale: ${still}`);
}

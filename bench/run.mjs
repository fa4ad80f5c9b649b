// Runs every benchmark in bench/ (each file prints its own Markdown tables), one after another
// so they do not compete for the two cores. Run with `npm run bench`, which builds dist/ first.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const dir = new URL("./", import.meta.url).pathname;
let failed = false;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".mjs") && f !== "run.mjs")
  .sort()) {
  console.log(`\n# bench/${file}\n`);
  const r = spawnSync(process.execPath, [`${dir}${file}`], { stdio: "inherit" });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;

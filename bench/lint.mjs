// Benchmark of the checks every build, check and watch runs in loadAgreement (issue 18): the
// drafting lint (lintAgreement, src/lint/) and the validation rules beyond the schema (runRules,
// src/validate/rules/), for Stockholm 2025:
//   - warm, in one process: median per call after warm-up;
//   - cold: the first lintAgreement of a fresh `node --no-opt` process (as the CLI runs);
//   - the whole process `iop check` of the agreement.
// With `--before <dir>` (another checkout with a built dist/, e.g. the main branch) every figure
// is measured for both in the same run, interleaved, with the ratio ours / before.
// Run: npm run bench (builds dist/ first), or `node bench/lint.mjs [--before <dir>]`.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

import { median, ms, ratio, timeInterleaved } from "./lib/timing.mjs";

const ROUNDS = 9;
const WARM_ROUNDS = 40;
const NAME = "stockholm-brottsofferstod-2025";

const ours = new URL("../", import.meta.url).pathname;
const at = process.argv.indexOf("--before");
const before = at > 0 ? `${resolve(process.argv[at + 1] ?? ".")}/` : undefined;
const roots = { ours, ...(before ? { before } : {}) };
const dir = join(ours, "agreements", NAME);

/** The agreement as the checks see it, with the modules of one root's dist/. */
async function prepare(root) {
  const { readAgreement } = await import(`${root}dist/load/agreement.js`);
  const { validateSchema } = await import(`${root}dist/validate/schema.js`);
  const { SchemaErrors } = await import(`${root}dist/validate/schema-errors.js`);
  const { agreementForRules } = await import(`${root}dist/validate/index.js`);
  const { lintAgreement } = await import(`${root}dist/lint/index.js`);
  const { runRules } = await import(`${root}dist/validate/rules/index.js`);
  const { sources } = await readAgreement(dir, process.cwd());
  const schema = new SchemaErrors();
  validateSchema("agreement", sources.agreement, schema);
  for (const b of sources.bilagor) validateSchema("bilaga", b, schema);
  const agreement = agreementForRules(sources, schema);
  return {
    lint: () => lintAgreement(agreement, schema),
    rules: () => runRules(agreement, schema),
  };
}

const prepared = Object.fromEntries(
  await Promise.all(Object.entries(roots).map(async ([k, root]) => [k, await prepare(root)])),
);

/** Warm medians per call, the roots taking turns each round. */
function warm(kind) {
  const times = Object.fromEntries(Object.keys(roots).map((k) => [k, []]));
  for (let round = 0; round < WARM_ROUNDS + 10; round++) {
    for (const [k, p] of Object.entries(prepared)) {
      const t = performance.now();
      p[kind]();
      if (round >= 10) times[k].push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

/** Medians of the first lintAgreement of a fresh process, the roots taking turns each round. */
function cold() {
  const times = Object.fromEntries(Object.keys(roots).map((k) => [k, []]));
  const once = join(ours, "bench/lib/lint-once.mjs");
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, root] of Object.entries(roots)) {
      const r = spawnSync(process.execPath, ["--no-opt", once, root, dir], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`lint-once for ${root} failed: ${r.stderr}`);
      times[k].push(Number(r.stdout.trim()));
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

const check = timeInterleaved(
  Object.fromEntries(
    Object.entries(roots).map(([k, root]) => [
      k,
      [process.execPath, [join(root, "dist/bin/iop.js"), "check", dir]],
    ]),
  ),
  ROUNDS,
);

const rows = [
  ["lintAgreement, warm", warm("lint")],
  ["runRules, warm", warm("rules")],
  ["lintAgreement, cold (first call, `--no-opt`)", cold()],
  ["`iop check`, whole process", check],
];

console.log(`## The checks of loadAgreement for ${NAME} (medians)\n`);
if (before) {
  console.log(`Before: ${before}\n`);
  console.log("| what | ours | before | ours / before |");
  console.log("| --- | --- | --- | --- |");
  for (const [what, t] of rows)
    console.log(`| ${what} | ${ms(t.ours)} | ${ms(t.before)} | ${ratio(t.ours, t.before)} |`);
} else {
  console.log("| what | time |");
  console.log("| --- | --- |");
  for (const [what, t] of rows) console.log(`| ${what} | ${ms(t.ours)} |`);
}

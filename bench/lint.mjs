// Benchmark of the checks every build, check and watch runs in loadAgreement (issue 18): the
// drafting lint (lintAgreement, src/lint/) and the validation rules beyond the schema (runRules,
// src/validate/rules/), for Stockholm 2025, run as validateAgreement runs them (rules, then lint):
//   - warm, in one process: medians per agreement after warm-up, each run on a freshly read copy;
//   - cold: the first run of a fresh `node --no-opt` process (as the CLI runs);
//   - the whole process `iop check` of the agreement.
// With `--before <dir>` (another checkout with a built dist/, e.g. the main branch) every figure
// is measured for both in the same run, interleaved, with the ratio ours / before.
// Run: npm run bench (builds dist/ first), or `node bench/lint.mjs [--before <dir>]`.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

import { prepareChecks } from "./lib/checks.mjs";
import { median, ms, ratio, timeInterleaved } from "./lib/timing.mjs";

const ROUNDS = 9;
const WARM_ROUNDS = 60;
const NAME = "stockholm-brottsofferstod-2025";

const ours = new URL("../", import.meta.url).pathname;
const at = process.argv.indexOf("--before");
const before = at > 0 ? `${resolve(process.argv[at + 1] ?? ".")}/` : undefined;
const roots = { ours, ...(before ? { before } : {}) };
const dir = join(ours, "agreements", NAME);

const prepared = Object.fromEntries(
  await Promise.all(
    Object.entries(roots).map(async ([k, root]) => [k, await prepareChecks(root, dir)]),
  ),
);

/**
 * Warm medians per agreement of the rules, then the lint (as validateAgreement runs them), and of
 * both; the roots take turns each round.
 */
async function warm() {
  const times = Object.fromEntries(
    Object.keys(roots).map((k) => [k, { rules: [], lint: [], both: [] }]),
  );
  for (let round = 0; round < WARM_ROUNDS + 10; round++) {
    for (const [k, p] of Object.entries(prepared)) {
      const { agreement, schema } = await p.fresh();
      const t0 = performance.now();
      p.runRules(agreement, schema);
      const t1 = performance.now();
      p.lintAgreement(agreement, schema);
      const t2 = performance.now();
      if (round < 10) continue;
      times[k].rules.push(t1 - t0);
      times[k].lint.push(t2 - t1);
      times[k].both.push(t2 - t0);
    }
  }
  const of = (kind) =>
    Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t[kind])]));
  return { rules: of("rules"), lint: of("lint"), both: of("both") };
}

/** Medians of the first runRules + lintAgreement of a fresh process, the roots taking turns. */
function cold() {
  const times = Object.fromEntries(Object.keys(roots).map((k) => [k, { lint: [], both: [] }]));
  const once = join(ours, "bench/lib/lint-once.mjs");
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, root] of Object.entries(roots)) {
      const r = spawnSync(process.execPath, ["--no-opt", once, root, dir], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`lint-once for ${root} failed: ${r.stderr}`);
      const [rules, lint] = r.stdout.trim().split(" ").map(Number);
      times[k].lint.push(lint);
      times[k].both.push(rules + lint);
    }
  }
  const of = (kind) =>
    Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t[kind])]));
  return { lint: of("lint"), both: of("both") };
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

const w = await warm();
const c = cold();
const rows = [
  ["runRules, warm", w.rules],
  ["lintAgreement (after runRules), warm", w.lint],
  ["runRules + lintAgreement, warm", w.both],
  ["lintAgreement, cold (first call, `--no-opt`)", c.lint],
  ["runRules + lintAgreement, cold", c.both],
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

// Benchmark of the Word renderer (issue 18): what one .docx costs, warm (every document of every
// example agreement and fixture, and the Word redlines of Stockholm 2022 ↔ 2025, rendered over and
// over in one process) and cold (whole `iop build --format docx` and `iop diff --format docx`
// processes), next to Node's own start-up (`node -e 0`).
// With IOP_BENCH_BEFORE=<another checkout, built> the same figures of that checkout are measured
// in the same run, interleaved, and the ratios are this / that (below 1: this is faster).
// Run: npm run bench (builds dist/ first), or `node bench/docx.mjs` after `npm run build`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { median, ms, ratio, timeInterleaved } from "./lib/timing.mjs";

const ROUNDS = 7;
const root = new URL("../", import.meta.url).pathname;
const before = process.env.IOP_BENCH_BEFORE?.replace(/\/?$/, "/");

/**
 * CPU time of this process's main thread in ms (Linux, /proc; 10 ms steps): steadier on a busy
 * machine than the process's, which adds V8's collector and compiler threads. Undefined elsewhere.
 */
function mainThreadCpu() {
  const stat = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** In a child process: every document's .docx renderer call, timed warm; prints JSON. */
async function warmChild(dist) {
  const { buildDocuments } = await import(`${dist}dist/pipeline.js`);
  const { loadAgreement } = await import(`${dist}dist/validate/index.js`);
  const { contentFingerprint } = await import(`${dist}dist/package/fingerprint.js`);
  const { renderDocx } = await import(`${dist}dist/render/docx/index.js`);
  const { diffVersions, renderDocxDiff } = await import(`${dist}dist/diff/index.js`);
  const folders = ["agreements", "test/fixtures/agreements"].flatMap((f) =>
    readdirSync(join(root, f)).map((d) => join(root, f, d)),
  );
  const jobs = [];
  const versions = new Map();
  for (const dir of folders) {
    const { agreement } = await loadAgreement(dir);
    if (!agreement) continue;
    const trees = buildDocuments(agreement).documents.map((d) => d.tree);
    versions.set(dir.split("/").pop(), { label: dir, agreement, documents: trees });
    for (const tree of trees) {
      const { fingerprint } = contentFingerprint(tree);
      jobs.push(() => renderDocx(tree, { fingerprint }));
    }
  }
  const [a, b] = ["stockholm-brottsofferstod-2022", "stockholm-brottsofferstod-2025"].map((n) =>
    versions.get(n),
  );
  for (const diff of [diffVersions(a, b), diffVersions(b, a)]) {
    jobs.push(() => renderDocxDiff(diff));
  }
  const all = async () => {
    for (const job of jobs) await job();
  };
  for (let i = 0; i < 3; i++) await all();
  const wall = [];
  const cpu = [];
  const main = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const start = process.cpuUsage();
    const mainStart = mainThreadCpu();
    await all();
    const used = process.cpuUsage(start);
    wall.push((performance.now() - t) / jobs.length);
    cpu.push((used.user + used.system) / 1000 / jobs.length);
    if (mainStart !== undefined) main.push((mainThreadCpu() - mainStart) / jobs.length);
  }
  console.log(
    JSON.stringify({
      documents: jobs.length,
      wall: median(wall),
      cpu: median(cpu),
      ...(main.length > 0 ? { main: median(main) } : {}),
    }),
  );
}

if (process.argv[2] === "--warm") {
  await warmChild(process.argv[3]);
} else {
  const checkouts = { this: root, ...(before ? { before } : {}) };
  const warm = Object.fromEntries(
    Object.keys(checkouts).map((k) => [k, { wall: [], cpu: [], main: [] }]),
  );
  let documents = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const [label, dir] of Object.entries(checkouts)) {
      const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, "--warm", dir], {
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`warm run in ${dir} failed: ${r.stderr}`);
      const figures = JSON.parse(r.stdout.trim().split("\n").at(-1));
      documents = figures.documents;
      warm[label].wall.push(figures.wall);
      warm[label].cpu.push(figures.cpu);
      if (figures.main !== undefined) warm[label].main.push(figures.main);
    }
  }
  const work = mkdtempSync(join(tmpdir(), "iop-bench-docx-"));
  const agreement = join(root, "agreements/stockholm-brottsofferstod-2025");
  const older = join(root, "agreements/stockholm-brottsofferstod-2022");
  const commands = { "node -e 0": [process.execPath, ["-e", "0"]] };
  for (const [label, dir] of Object.entries(checkouts)) {
    const bin = join(dir, "dist/bin/iop.js");
    commands[`build ${label}`] = [
      process.execPath,
      [bin, "build", agreement, "--format", "docx", "--out", join(work, label)],
    ];
    commands[`diff ${label}`] = [
      process.execPath,
      [bin, "diff", older, agreement, "--format", "docx", "-o", join(work, `${label}.docx`)],
    ];
  }
  const cold = timeInterleaved(commands, ROUNDS);
  rmSync(work, { recursive: true, force: true });

  console.log(`## The Word renderer (medians of ${ROUNDS} runs)\n`);
  console.log(
    `Warm: one .docx, averaged over ${documents} documents (every agreement, bilaga, fixture and both Stockholm redlines).\n`,
  );
  console.log("| per document, warm | this | before | this / before |");
  console.log("| --- | --- | --- | --- |");
  const w = (label, key) => (warm[label]?.[key].length ? median(warm[label][key]) : undefined);
  for (const [key, name] of [
    ["wall", "wall clock"],
    ["cpu", "CPU, all threads"],
    ["main", "CPU, main thread"],
  ]) {
    console.log(
      `| ${name} | ${ms(w("this", key))} | ${ms(w("before", key))} | ${ratio(w("this", key), w("before", key))} |`,
    );
  }
  console.log(`\nCold, whole process (\`node -e 0\`: ${ms(cold["node -e 0"])}):\n`);
  console.log("| command | this | before | this / before |");
  console.log("| --- | --- | --- | --- |");
  for (const [what, name] of [
    ["build", "`iop build` Stockholm 2025, `--format docx` (4 documents)"],
    ["diff", "`iop diff` Stockholm 2022 → 2025, `--format docx`"],
  ]) {
    console.log(
      `| ${name} | ${ms(cold[`${what} this`])} | ${ms(cold[`${what} before`])} | ${ratio(cold[`${what} this`], cold[`${what} before`])} |`,
    );
  }
}

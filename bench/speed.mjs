// Benchmark of issue 18 ("Fast where people wait"): each target next to its peer, measured in the
// same run, as ratios (below 1: faster than the peer).
//   1. The preview loop: one edited document (a bilaga) in all formats with its signing copies,
//      warm in one process; and the whole save cycle of `iop watch` (build + write only what
//      changed), also while the bilaga is amended (with its redline against the build before).
//      Target: under 50 ms. Peer: Node's own start-up (`node -e 0`).
//   2. The cold build: the whole-process `iop build` of Stockholm 2025 (all formats and copies)
//      against LibreOffice converting the same .docx files to PDF, interleaved, with each ratio
//      taken round by round (median and range). Target: ≤ 1/3.
//      Beside it, the same build in one process (IOP_PDF_HELPER=0: no PDF helper, src/helper/),
//      and by the same binary without its V8 code cache (src/launch/: a copy of dist/bin/ but the
//      cache file).
//   3. Many agreements: IOP_BENCH_AGREEMENTS (default 200) generated variants of Stockholm 2025
//      built in one process (--jobs 1) and on one worker process per core, with peak memory (the
//      sum over the processes), extrapolated to 5 000 from the average and from the marginal cost
//      (all of them against the first half alone). Targets: under 5 minutes, under 1 GB. Peers:
//      one-core throughput, and what the machine gives `cores` threads of a CPU-bound loop just
//      before and after.
//   4. Only with IOP_BENCH_FULL=<n> (say 5000): that many agreements built for real on every core,
//      with the wall time, CPU time and peak memory, when the disk has room for their files.
// With IOP_BENCH_BEFORE=<another checkout, with dist/ built> parts 2 and 3 also time that checkout's
// `iop build` in the same rounds (e.g. the commit before a speed change), with the ratio.
// Run: npm run bench (builds dist/ first), or `node bench/speed.mjs` after `npm run build`.
// On a file system without a journal, start it at least 5 minutes after many files were deleted
// (a run deletes its own work folder as it ends): see `emptyFiles` below.
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import {
  median,
  medians,
  ms,
  ratio,
  ratioRange,
  roundRatios,
  timeInterleaved,
  timeRounds,
  timeWarm,
} from "./lib/timing.mjs";

const root = new URL("../", import.meta.url).pathname;
const NAME = "stockholm-brottsofferstod-2025";
const COUNT = Number(process.env.IOP_BENCH_AGREEMENTS ?? 200);
const ROUNDS = 5;
/** Rounds of part 2, whose ratios of a few percent need more of them on a shared machine. */
const COLD_ROUNDS = 11;
const cores = cpus().length;
const bin = join(root, "dist/bin/iop.js");
const beforeRoot = process.env.IOP_BENCH_BEFORE;
const beforeBin = beforeRoot && join(beforeRoot, "dist/bin/iop.js");
const work = mkdtempSync(join(tmpdir(), "iop-bench-speed-"));
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

const { buildDocuments } = await import(`${root}dist/pipeline.js`);
const { loadAgreement } = await import(`${root}dist/validate/index.js`);
const { renderMarkdown } = await import(`${root}dist/render/markdown/index.js`);
const { renderDocx } = await import(`${root}dist/render/docx/index.js`);
const { renderPdf, renderPdfCopies } = await import(`${root}dist/render/pdf/index.js`);
const { renderCopies } = await import(`${root}dist/package/copies.js`);
const { contentFingerprint } = await import(`${root}dist/package/fingerprint.js`);
const { longRun } = await import(`${root}dist/jit.js`);

console.log(
  `Machine: ${cores} cores, Node ${process.version}, load average ${(await import("node:os")).loadavg()[0].toFixed(1)} at the start. Medians.\n`,
);
// Node 20 reads and parses this file as every process starts (src/launch/child-env.ts): it slows
// `node -e 0` and iop's own process alike; iop's helper and workers start without it.
if (process.env.NODE_EXTRA_CA_CERTS) {
  console.log(
    `NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): every Node process below, \`node -e 0\` and iop's own among them, parses it as it starts; iop's PDF helper and build workers start without it.\n`,
  );
}
const node = timeInterleaved({ node: [process.execPath, ["-e", "0"]] }, ROUNDS).node;

// 1. The preview loop, with V8 tuned as `iop watch` tunes it (src/jit.ts).
longRun();
const dir = join(work, NAME);
cpSync(join(root, "agreements", NAME), dir, { recursive: true });
const { agreement } = await loadAgreement(dir);
const { documents } = buildDocuments(agreement);
const bilaga = documents.find((d) => d.tree.name === "bilaga-1");
const oneDocument = await timeWarm(async () => {
  const { tree } = bilaga;
  const { fingerprint } = contentFingerprint(tree);
  renderMarkdown(tree);
  await renderDocx(tree, { fingerprint });
  await renderPdf(tree, { fingerprint });
  await renderCopies(tree, renderPdf, {}, renderPdfCopies);
});
/** The functions a save calls, from the checkout at `base` (this one, or IOP_BENCH_BEFORE's). */
async function saveFunctions(base) {
  const from = (path) => import(join(base, "dist", path));
  return {
    ...(await from("pipeline.js")),
    ...(await from("package/sync.js")),
    ...(await from("package/write.js")),
    ...(await from("amend/previous.js")),
  };
}
/**
 * A save as `iop watch` does it, by the checkout of `lib`: bilaga-1.yaml of `folder` gets the next
 * of `texts`, then the agreement is built with the watch's caches and compared with `previous`
 * (the build there was when watching started), and the output folder is brought up to date.
 */
function watchSave(lib, folder, out, texts, previous = { diagnostics: [] }) {
  const yaml = join(folder, "bilaga-1.yaml");
  const cache = lib.createBuildCache();
  const record = new lib.SyncRecord();
  let turn = 0;
  return async () => {
    writeFileSync(yaml, texts[turn++ % texts.length]);
    const r = await lib.buildAgreement(folder, undefined, { out, cache, previous });
    lib.pruneBuildCache(cache);
    if (!r.files) throw new Error(`a save did not build: ${JSON.stringify(r.diagnostics)}`);
    await lib.syncFolder(join(out, r.id), r.files, record);
    return r;
  };
}
const original = readFileSync(join(dir, "bilaga-1.yaml"), "utf8");
const edited = (days) => original.replace("inom tre dagar", `inom ${days} dagar`);
const log =
  '\nändringslogg:\n  - datum: "2026-03-15"\n    beslut: Styrgruppens protokoll 2026-03-15, § 4\n    beslutat_av: Styrgruppen\n    beskrivning: Stödet ges snabbare.\n';
/**
 * The two save loops of a checkout, in folders of their own under `work/<label>`: a plain edit of
 * bilaga-1, and the same while bilaga-1 is amended (an administrator's loop, src/amend/):
 * `iop watch` started beside an earlier build, so each save compares bilaga-1 with it, finds the
 * change log's new entry and writes the bilaga's redline (Word and HTML) too. Each has had its
 * first save, which writes the folder as `iop watch` does when it starts; the amended loop's also
 * built the bilaga's old version, which the timed saves find kept (src/amend/previous.ts), as a
 * person's next saves of that bilaga do.
 */
async function saveLoops(lib, label) {
  const copy = (name) => {
    const folder = join(work, label, name, NAME);
    cpSync(join(root, "agreements", NAME), folder, { recursive: true });
    return folder;
  };
  const plainDir = copy("plain");
  const plain = watchSave(lib, plainDir, join(work, label, "plain-out"), [edited("två"), original]);
  const amendDir = copy("amend");
  const amendOut = join(work, label, "amend-out");
  const firstBuild = await lib.buildAgreement(amendDir);
  await lib.writeFolderAtomically(join(amendOut, firstBuild.id), firstBuild.files);
  const amend = watchSave(
    lib,
    amendDir,
    amendOut,
    [`${edited("två")}${log}`, `${edited("fyra")}${log}`],
    await lib.readPreviousBuild(join(amendOut, firstBuild.id)),
  );
  await plain();
  if ((await amend()).redlines?.length !== 2) throw new Error("the amended bilaga has no redline");
  return { plain, amend };
}
const loops = { ours: await saveLoops(await saveFunctions(root), "ours") };
if (beforeRoot) loops.before = await saveLoops(await saveFunctions(beforeRoot), "before");
// A person saves seconds after `iop watch` has started, when the files written are settled and
// known not to need reading again (SyncRecord, src/package/sync.ts).
await new Promise((resolve) => setTimeout(resolve, 2100));
/**
 * Each loop timed warm: the load, check and compose code runs once per save, so it takes some
 * saves to be optimised (after 2 saves the median was up to 1.4× that of a steady state). With
 * IOP_BENCH_BEFORE, the other checkout's loops in the same process, in turns with ours, 3 rounds.
 */
const saveTimes = { ours: { plain: [], amend: [] }, before: { plain: [], amend: [] } };
for (let round = 0; round < (beforeRoot ? 3 : 1); round++) {
  for (const kind of ["plain", "amend"]) {
    for (const [who, loop] of Object.entries(loops)) {
      saveTimes[who][kind].push(await timeWarm(loop[kind], { runs: 20, warmup: 20 }));
    }
  }
}
/** A loop's median save (of the rounds' medians) and its CPU time. */
const saveFigure = (times) => ({
  median: median(times.map((t) => t.median)),
  cpu: median(times.map((t) => t.cpu)),
});
const saveCycle = saveFigure(saveTimes.ours.plain);
const amendCycle = saveFigure(saveTimes.ours.amend);
console.log("## 1. The preview loop (`iop watch`), warm\n");
console.log("| what | ours | target | `node -e 0` | ours / `node -e 0` |");
console.log("| --- | --- | --- | --- | --- |");
console.log(
  `| bilaga-1: md, docx, pdf and its 2 signing copies | ${ms(oneDocument.median)} (CPU ${ms(oneDocument.cpu)}) | 50 ms | ${ms(node)} | ${ratio(oneDocument.median, node)} |`,
);
console.log(
  `| a save of bilaga-1 as iop watch does it: agreement loaded and checked (bilaga-1 parsed, the rest from the cache), bilaga-1 rendered (the rest from the cache), the changed files written | ${ms(saveCycle.median)} (CPU ${ms(saveCycle.cpu)}) | 50 ms | ${ms(node)} | ${ratio(saveCycle.median, node)} |`,
);
console.log(
  `| the same save while bilaga-1 is amended: also compared with the build before and its redline written (Word, HTML) | ${ms(amendCycle.median)} (CPU ${ms(amendCycle.cpu)}) | 50 ms | ${ms(node)} | ${ratio(amendCycle.median, node)} |`,
);
if (beforeRoot) {
  const wall = (times) => times.map((t) => t.median);
  const row = (kind) =>
    `| ${kind} | ${ms(saveFigure(saveTimes.ours[kind]).median)} | ${ms(saveFigure(saveTimes.before[kind]).median)} | ${ratioRange(roundRatios(wall(saveTimes.ours[kind]), wall(saveTimes.before[kind])))} |`;
  console.log(`\nThe same saves by ${beforeRoot}, in turns with ours (3 rounds):\n`);
  console.log("| save | ours | before | ours / before, round by round |");
  console.log("| --- | --- | --- | --- |");
  console.log(row("plain"));
  console.log(row("amend"));
}

// 2. The cold build against LibreOffice.
const first = join(work, "first");
spawnSync(process.execPath, [bin, "build", join(root, "agreements", NAME), "--out", first]);
const docx = readdirSync(join(first, NAME))
  .filter((f) => f.endsWith(".docx"))
  .map((f) => join(first, NAME, f));
const noCacheDir = join(root, "dist", "bin-no-cache");
rmSync(noCacheDir, { recursive: true, force: true });
mkdirSync(noCacheDir);
for (const file of readdirSync(join(root, "dist/bin"))) {
  if (!file.endsWith(".v8-cache"))
    copyFileSync(join(root, "dist/bin", file), join(noCacheDir, file));
}
const noCacheBin = join(noCacheDir, "iop.js");
const commands = {
  iop: [
    process.execPath,
    [bin, "build", join(root, "agreements", NAME), "--out", join(work, "cold")],
  ],
  node: [process.execPath, ["-e", "0"]],
  // The same build in one process, without the PDF helper (src/helper/).
  alone: [
    process.execPath,
    [bin, "build", join(root, "agreements", NAME), "--out", join(work, "cold-alone")],
    { env: { ...process.env, IOP_PDF_HELPER: "0" } },
  ],
  // The same binary without its code cache (src/launch/): a copy of dist/bin/ but the cache
  // file, beside it so that the bundle finds its files the same way; the helper runs from it too.
  noCache: [
    process.execPath,
    [noCacheBin, "build", join(root, "agreements", NAME), "--out", join(work, "cold-no-cache")],
  ],
};
if (has("soffice")) {
  const args = [
    "--headless",
    `-env:UserInstallation=file://${join(work, "lo-profile")}`,
    "--infilter=MS Word 2007 XML",
    "--convert-to",
    "pdf",
    "--outdir",
    join(work, "lo"),
    ...docx,
  ];
  spawnSync("soffice", args, { stdio: "ignore" }); // the first start creates the profile
  commands.lo = ["soffice", args];
}
if (beforeBin) {
  commands.before = [
    process.execPath,
    [beforeBin, "build", join(root, "agreements", NAME), "--out", join(work, "cold-before")],
  ];
}
const rounds = timeRounds(commands, COLD_ROUNDS);
rmSync(noCacheDir, { recursive: true, force: true });
const cold = medians(rounds);
/** a / b round by round: the median with the range over the rounds. */
const per = (a, b) => ratioRange(roundRatios(rounds[a], rounds[b]));
console.log("\n## 2. The cold build of Stockholm 2025 (all formats and copies), whole process\n");
console.log(
  `Medians of ${COLD_ROUNDS} rounds; each ratio is the median of its ${COLD_ROUNDS} per-round ratios, with their range.\n`,
);
console.log(
  `| iop build | LibreOffice: the same ${docx.length} .docx to PDF | \`node -e 0\` | iop / LibreOffice (target ≤ 0.33×) | iop / \`node -e 0\` | iop build without the code cache | iop / without | iop build in one process (no PDF helper) | iop / one process |`,
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
console.log(
  `| ${ms(cold.iop)} | ${ms(cold.lo)} | ${ms(cold.node)} | ${per("iop", "lo")} | ${per("iop", "node")} | ${ms(cold.noCache)} | ${per("iop", "noCache")} | ${ms(cold.alone)} | ${per("iop", "alone")} |`,
);

if (beforeBin) {
  console.log(
    `\nThe same build by ${beforeRoot}: ${ms(cold.before)}; iop / before: ${per("iop", "before")}; before / LibreOffice: ${per("before", "lo")}.`,
  );
}

// 3. Many agreements.
/**
 * `count` generated variants of Stockholm 2025 in `folder`, each with its own id, and its own title
 * and bilaga subtitles: every document's text differs from the other agreements', so the caches a
 * process keeps by exact text (parsed trees, Word parts, PDF streams) serve them no more than they
 * would distinct real agreements.
 */
function generateAgreements(folder, count) {
  for (let i = 1; i <= count; i++) {
    const id = `${NAME}-${String(i).padStart(4, "0")}`;
    const target = join(folder, id);
    cpSync(dir, target, { recursive: true });
    for (const name of readdirSync(target).filter((f) => f.endsWith(".yaml"))) {
      const path = join(target, name);
      writeFileSync(
        path,
        readFileSync(path, "utf8")
          .replace(new RegExp(`^id: ${NAME}$`, "m"), `id: ${id}`)
          .replace(/^(titel|undertitel): (.+)$/m, `$1: $2 (nr ${i})`),
      );
    }
  }
}
const many = join(work, "many");
generateAgreements(many, COUNT);
/**
 * Resident memory (KB) of process `pid` and all its descendants, summed: the pool's worker
 * processes each have their own. Pages they share (Node's own code) count once per process, so
 * the sum is an upper bound of what they take together.
 */
function treeRssKb(pid) {
  let kb = 0;
  try {
    kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(" ") : []) kb += treeRssKb(Number(child));
    }
  } catch {
    // The process ended while being read.
  }
  return kb;
}

/**
 * Wall time (ms), CPU time (ms, user + system, all threads and processes) and peak resident
 * memory (KB, all processes together, sampled every 100 ms, and at least the largest process's
 * own peak) of one `iop build` of the folder. The CPU time is steadier than the wall time on a
 * shared machine: with every core busy, it is what bounds the throughput.
 */
let manyRuns = 0;
async function buildMany(jobs, iop = bin, folder = many) {
  // A new folder each time, as the emptied files of a run before stay (`emptyFiles`).
  const out = join(work, `many-out-${++manyRuns}`);
  const t = performance.now();
  const child = spawn(
    "/usr/bin/time",
    ["-f", "%U %S %M", process.execPath, iop, "build", folder, "--out", out, "--jobs", `${jobs}`],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s) => {
    stderr = (stderr + s).slice(-100_000);
  });
  let peakKb = 0;
  const sample = setInterval(() => {
    peakKb = Math.max(peakKb, treeRssKb(child.pid));
  }, 100);
  const status = await new Promise((resolve) => child.on("close", resolve));
  clearInterval(sample);
  const elapsed = performance.now() - t;
  if (status !== 0) throw new Error(`iop build of ${folder} exited ${status}:\n${stderr}`);
  emptyFiles(out);
  const [user, system, largest] = (stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  // The samples may miss a short peak, which the largest process's own peak then shows.
  return {
    elapsed,
    cpu: ((user ?? 0) + (system ?? 0)) * 1000,
    peakKb: Math.max(peakKb, largest ?? 0),
  };
}
/**
 * Frees the space of a finished run's files but keeps the files (the work folder goes at the end).
 * Deleting them would slow the next run: on a file system without a journal (ext4 on this
 * machine), the kernel does not reuse a deleted file's inode for 1 to 5 minutes, and each file
 * created meanwhile scans past those inodes. Measured 2026-12-04, 200 agreements on 2 jobs: right
 * after the 4 600 files of the run before were deleted, 3.3–3.5 s of system time and 15.4–15.8 s
 * of wall time; with them emptied instead, 1.5–2.0 s and 13.9–14.7 s. A build of many agreements
 * into a new folder does not follow such a deletion, and a rebuild over its own output does not
 * pay it (measured the same day: 1.9–2.1 s of system time).
 */
function emptyFiles(dir) {
  for (const path of filesIn(dir)) truncateSync(path, 0);
}
/** The paths of the files under `dir`, at any depth. */
function filesIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
/**
 * What the machine gives two threads at this moment: wall time of one thread spinning a fixed
 * CPU-bound loop against `cores` threads each spinning it, as a speed-up (`cores`× at best). On
 * a shared machine the other users' load caps the pool's speed-up; this is its peer.
 */
async function machineScaling() {
  const { Worker } = await import("node:worker_threads");
  const code =
    "let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0; require('node:worker_threads').parentPort.postMessage(x);";
  const spin = (n) =>
    new Promise((resolve) => {
      const t = performance.now();
      let left = n;
      for (let i = 0; i < n; i++)
        new Worker(code, { eval: true }).on("message", () => {
          if (--left === 0) resolve(performance.now() - t);
        });
    });
  const one = await spin(1);
  return (cores * one) / (await spin(cores));
}
const scalingBefore = await machineScaling();
// The first half of them again, on every core: the difference is the cost of the second half,
// without the processes' start-up and warm-up, which 5 000 agreements pay once as 200 do.
const HALF = Math.floor(COUNT / 2);
const half = join(work, "many-half");
for (const name of readdirSync(many).sort().slice(0, HALF)) {
  cpSync(join(many, name), join(half, name), { recursive: true });
}
const one = await buildMany(1);
const all = await buildMany(cores);
const allHalf = await buildMany(cores, bin, half);
const before = beforeBin
  ? {
      one: await buildMany(1, beforeBin),
      all: await buildMany(cores, beforeBin),
      allHalf: await buildMany(cores, beforeBin, half),
    }
  : undefined;
const scalingAfter = await machineScaling();
const per5000 = (t) => `${(((t / COUNT) * 5000) / 60000).toFixed(1)} min`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`\n## 3. ${COUNT} agreements of Stockholm 2025's size (all formats and copies)\n`);
console.log(
  "| jobs | wall time | per agreement | 5 000 agreements (from the average; target < 5 min) | peak memory (target < 1 GB) | speed-up over one core | CPU time per agreement (all threads and processes) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [label, r] of [
  ["1 (`--jobs 1`)", one],
  [`${cores} (one per core)`, all],
  ...(before
    ? [
        [`before: 1 (\`--jobs 1\`)`, before.one],
        [`before: ${cores} (one per core)`, before.all],
      ]
    : []),
]) {
  console.log(
    `| ${label} | ${(r.elapsed / 1000).toFixed(1)} s | ${ms(r.elapsed / COUNT)} | ${per5000(r.elapsed)} | ${mb(r.peakKb)} | ${ratio(one.elapsed, r.elapsed)} | ${ms(r.cpu / COUNT)} |`,
  );
}
/** 5 000 agreements from the marginal cost: the half run's time plus the rest at the second half's rate. */
const marginal5000 = (whole, firstHalf) => {
  const rate = (whole.elapsed - firstHalf.elapsed) / (COUNT - HALF);
  return `${ms(rate)} per agreement, so ${((firstHalf.elapsed + (5000 - HALF) * rate) / 60000).toFixed(1)} min per 5 000`;
};
console.log(
  `\nOn ${cores} jobs, the second ${COUNT - HALF} agreements (${COUNT} built, against the first ${HALF} built alone): ${marginal5000(all, allHalf)}${before ? `; before: ${marginal5000(before.all, before.allHalf)}` : ""}.`,
);
console.log(
  `\nThe machine's own speed-up for ${cores} threads of a CPU-bound loop (the pool's peer), before and after: ${scalingBefore.toFixed(2)}×, ${scalingAfter.toFixed(2)}× (${cores}× on idle cores).`,
);
if (before) {
  console.log(
    `\nThis checkout's time against ${beforeRoot}'s: ${ratio(one.elapsed, before.one.elapsed)} with one job, ${ratio(all.elapsed, before.all.elapsed)} with ${cores}; its CPU time: ${ratio(one.cpu, before.one.cpu)} with one job, ${ratio(all.cpu, before.all.cpu)} with ${cores}.`,
  );
}
// 4. With IOP_BENCH_FULL=<n> (say 5000), that many agreements built for real on one worker process
// per core, not extrapolated: about 6 minutes on this machine for 5 000, whose files take 34 GB.
const FULL = Number(process.env.IOP_BENCH_FULL ?? 0);
if (FULL > 0) {
  const gb = (bytes) => `${(bytes / 1e9).toFixed(1)} GB`;
  // What one agreement's files take: part 2's build of Stockholm 2025, with some room to spare.
  const perAgreement = filesIn(join(first, NAME)).reduce(
    (sum, path) => sum + statSync(path).size,
    0,
  );
  const need = FULL * perAgreement * 1.05;
  const { bavail, bsize } = statfsSync(work);
  console.log(`\n## 4. ${FULL} agreements built, not extrapolated (${cores} jobs)\n`);
  if (bavail * bsize < need) {
    console.log(
      `Not run: their files take about ${gb(need)}, and ${tmpdir()} has ${gb(bavail * bsize)} free.`,
    );
  } else {
    const full = join(work, "many-full");
    generateAgreements(full, FULL);
    const r = await buildMany(cores, bin, full);
    // Files beyond the machine's memory fill the page cache, which the kernel must then reclaim:
    // a long run's cost grows with the size of its output (src/batch/README.md).
    console.log(
      "| wall time (target < 5 min for 5 000) | per agreement | CPU time per agreement (all threads and processes) | peak memory (target < 1 GB) | files written (the machine's memory) |",
    );
    console.log("| --- | --- | --- | --- | --- |");
    console.log(
      `| ${(r.elapsed / 60000).toFixed(2)} min | ${ms(r.elapsed / FULL)} | ${ms(r.cpu / FULL)} | ${mb(r.peakKb)} | ${gb(FULL * perAgreement)} (${gb(totalmem())}) |`,
    );
  }
}

if (!has("soffice")) console.log("\nLibreOffice is not installed: its column is empty.");
rmSync(work, { recursive: true, force: true });

// The per-agreement cost of the pipeline's steps other than Word and the lint: compose and parse
// into the document tree, the .md writer, the PDF glyph check, the PDFs with their signing copies,
// and the SHA-256 of the outputs; warm (in one process) and cold (the first call in a fresh
// process). With `IOP_BENCH_BEFORE=<another checkout with dist/ built>` each figure is given for
// both builds, measured in turns in the same run, with the ratio (below 1: this one is faster).
//
// Steps are timed in CPU time (steadier than wall time on a shared machine); the whole process in
// wall time and CPU time. Warm figures are per agreement, over variants of Stockholm 2025 whose
// documents all differ (another diarienummer and bilaga subtitles), so no whole document is served
// from a cache of an identical text; their other paragraphs are the same, as in agreements made
// from the same templates, and the parser and the .md writer take the pieces they have seen
// (src/document/parse.ts, src/render/markdown/render.ts). The steps "nothing seen before" forget
// those pieces first: an agreement that shares no paragraph with the ones before it. "The same
// agreement again" is what `iop watch` does on a save (there the parse cache hits).
// Run: `node bench/steps.mjs` after `npm run build` (npm run bench runs it too).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { median, ms, ratio } from "./lib/timing.mjs";

const NAME = "stockholm-brottsofferstod-2025";
const VARIANTS = 12;
const ROUNDS = Number(process.env.IOP_BENCH_ROUNDS ?? 7);
const roots = { after: new URL("../", import.meta.url).pathname };
if (process.env.IOP_BENCH_BEFORE)
  roots.before = `${process.env.IOP_BENCH_BEFORE.replace(/\/$/, "")}/`;

/** CPU time (ms) of a `process.cpuUsage` difference: steadier than wall time on a shared machine. */
const cpuMs = (used) => (used.user + used.system) / 1000;

const work = process.argv[2] === "--warm" ? "" : mkdtempSync(join(tmpdir(), "iop-bench-steps-"));

/** Copies of the agreement whose every document reads differently. */
function variants() {
  const dirs = [];
  for (let i = 0; i < VARIANTS; i++) {
    const dir = join(work, `v${i}`, NAME); // the folder is named by the id
    cpSync(join(roots.after, "agreements", NAME), dir, { recursive: true });
    const edit = (file, from, to) => {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll(from, to));
    };
    edit("overenskommelse.yaml", 'diarienummer: "2021/630"', `diarienummer: "2021/7${i}"`);
    for (const b of [1, 2, 3])
      edit(`bilaga-${b}.yaml`, "Stockholms stad\n", `Stockholms stad ${i}\n`);
    dirs.push(dir);
  }
  return dirs;
}

/** The steps, each a function of the loaded agreements and document trees. */
async function steps(root, dirs) {
  const { loadAgreement } = await import(`${root}dist/validate/index.js`);
  const { buildDocuments } = await import(`${root}dist/pipeline.js`);
  const { documentText } = await import(`${root}dist/document/text.js`);
  const { renderMarkdown } = await import(`${root}dist/render/markdown/index.js`);
  // Each text is parsed and written piece by piece, each piece kept by its text (since the
  // commit after 33ceeef); the steps marked "nothing seen before" forget them first, where an
  // older checkout has nothing to forget.
  const { forgetParsedPieces = () => {} } = await import(`${root}dist/document/parse.js`);
  const { forgetWrittenPieces = () => {} } = await import(`${root}dist/render/markdown/render.js`);
  const pdf = await import(`${root}dist/render/pdf/index.js`);
  const { renderCopies } = await import(`${root}dist/package/copies.js`);
  const { contentFingerprint } = await import(`${root}dist/package/fingerprint.js`);
  const { createManifest } = await import(`${root}dist/package/manifest.js`);
  const agreements = [];
  for (const dir of dirs) agreements.push((await loadAgreement(dir)).agreement);
  const trees = agreements.map((a) => buildDocuments(a).documents.map((d) => d.tree));
  let next = 0;
  const each = (fn) => async () => {
    const i = next++ % agreements.length;
    await fn(agreements[i], trees[i]);
  };
  const outputs = [];
  for (const tree of trees[0]) {
    const { fingerprint } = contentFingerprint(tree);
    outputs.push({ path: "a.pdf", data: await pdf.renderPdf(tree, { fingerprint }) });
    outputs.push({ path: "a.md", data: new TextEncoder().encode(renderMarkdown(tree)) });
  }
  return {
    "load and check (validate, rules, lint; textDirectives inside)": async () => {
      await loadAgreement(dirs[next++ % dirs.length]);
    },
    "compose + document tree (other agreements)": each((a) => buildDocuments(a)),
    "compose + document tree (other agreements, nothing seen before)": each((a) => {
      forgetParsedPieces();
      buildDocuments(a);
    }),
    "compose + document tree (the same agreement again)": async () => buildDocuments(agreements[0]),
    ".md (renderMarkdown)": each((_, ts) => {
      for (const t of ts) renderMarkdown(t);
    }),
    ".md (renderMarkdown, nothing seen before)": each((_, ts) => {
      forgetWrittenPieces();
      for (const t of ts) renderMarkdown(t);
    }),
    "PDF glyph check (missingGlyphs of documentText)": each((_, ts) => {
      for (const t of ts) pdf.missingGlyphs(documentText(t));
    }),
    "PDFs: each document + its signing copies": each(async (_, ts) => {
      for (const tree of ts) {
        const { fingerprint } = contentFingerprint(tree);
        await pdf.renderPdf(tree, { fingerprint });
        await renderCopies(tree, pdf.renderPdf, {}, pdf.renderPdfCopies);
      }
    }),
    "SHA-256 for the manifest (4 PDFs + 4 .md)": async () => createManifest("x", [], outputs),
  };
}

// Warm: one process per build and round (the builds do not share a heap), in turns; in each,
// every step runs warm, then is timed over the variants; medians of the rounds.
if (process.argv[2] === "--warm") {
  const [root, ...dirs] = process.argv.slice(3);
  const run = await steps(root, dirs);
  const out = {};
  for (const [step, fn] of Object.entries(run)) {
    for (let i = 0; i < 2 * VARIANTS; i++) await fn();
    const start = process.cpuUsage();
    for (let i = 0; i < 2 * VARIANTS; i++) await fn();
    out[step] = cpuMs(process.cpuUsage(start)) / (2 * VARIANTS);
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

const dirs = variants();
const labels = Object.keys(roots);
const warm = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const label of labels) {
    const r = spawnSync(
      process.execPath,
      [new URL(import.meta.url).pathname, "--warm", roots[label], ...dirs],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    for (const [step, time] of Object.entries(JSON.parse(r.stdout))) {
      warm[step] ??= Object.fromEntries(labels.map((l) => [l, []]));
      warm[step][label].push(time);
    }
  }
}

// Cold: the first call of a step in a fresh process, started as the CLI starts (`shortRun`).
const COLD = `
const [root, dir, step] = process.argv.slice(1);
// As the CLI starts: optimise nothing, no caches of long runs (src/jit.ts).
(await import(root + "dist/jit.js")).shortRun();
const { loadAgreement } = await import(root + "dist/validate/index.js");
const { buildDocuments } = await import(root + "dist/pipeline.js");
const { documentText } = await import(root + "dist/document/text.js");
const { agreement } = await loadAgreement(dir);
let t = process.cpuUsage();
const trees = buildDocuments(agreement).documents.map((d) => d.tree);
if (step === "md") { const m = await import(root + "dist/render/markdown/index.js"); t = process.cpuUsage(); trees.forEach((x) => m.renderMarkdown(x)); }
if (step === "glyphs") { const p = await import(root + "dist/render/pdf/index.js"); t = process.cpuUsage(); trees.forEach((x) => p.missingGlyphs(documentText(x))); }
if (step === "pdf") {
  const p = await import(root + "dist/render/pdf/index.js");
  const { renderCopies } = await import(root + "dist/package/copies.js");
  t = process.cpuUsage();
  for (const x of trees) { await p.renderPdf(x, {}); await renderCopies(x, p.renderPdf, {}, p.renderPdfCopies); }
}
const used = process.cpuUsage(t);
console.log((used.user + used.system) / 1000);
`;
const coldSteps = {
  "compose + document tree": "compose",
  ".md (renderMarkdown)": "md",
  "PDF glyph check": "glyphs",
  "PDFs: each document + its signing copies": "pdf",
};
const cold = {};
for (const step of Object.keys(coldSteps))
  cold[step] = Object.fromEntries(labels.map((l) => [l, []]));
const WHOLE = "whole `iop build` of Stockholm 2025, wall time";
cold[WHOLE] = Object.fromEntries(labels.map((l) => [l, []]));
const wholeCpu = Object.fromEntries(labels.map((l) => [l, []]));
const coldRounds = Math.max(5, ROUNDS);
for (let round = 0; round < coldRounds; round++) {
  for (const [step, key] of Object.entries(coldSteps)) {
    for (const label of labels) {
      const r = spawnSync(
        process.execPath,
        ["--no-opt", "--input-type=module", "-e", COLD, roots[label], dirs[0], key],
        { encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(r.stderr);
      cold[step][label].push(Number(r.stdout.trim()));
    }
  }
  for (const label of labels) {
    const t = performance.now();
    const out = join(work, `cold-${label}`);
    const bin = join(roots[label], "dist/bin/iop.js");
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "%U %S", process.execPath, bin, "build", dirs[0], "--out", out],
      {
        encoding: "utf8",
      },
    );
    const elapsed = performance.now() - t;
    if (r.status !== 0) throw new Error(`iop build (${label}) exited ${r.status}: ${r.stderr}`);
    const [user, system] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);
    wholeCpu[label].push((user + system) * 1000);
    cold[WHOLE][label].push(elapsed);
  }
}
cold[`${WHOLE}, CPU time (all threads)`] = wholeCpu;

const table = (title, figures) => {
  console.log(`\n## ${title}\n`);
  const both = labels.length === 2;
  console.log(
    both
      ? "| step | before | after | after / before |\n| --- | --- | --- | --- |"
      : "| step | time |\n| --- | --- |",
  );
  for (const [step, by] of Object.entries(figures)) {
    const a = median(by.after);
    const b = both ? median(by.before) : undefined;
    console.log(
      both ? `| ${step} | ${ms(b)} | ${ms(a)} | ${ratio(a, b)} |` : `| ${step} | ${ms(a)} |`,
    );
  }
};
console.log(
  `Medians of ${ROUNDS} warm rounds (per agreement) and ${coldRounds} cold processes, in turns.`,
);
table("Warm, per agreement (Stockholm 2025: agreement + 3 bilagor), CPU time", warm);
table("Cold: CPU time of the first call in a fresh process; and the whole process", cold);
rmSync(work, { recursive: true, force: true });

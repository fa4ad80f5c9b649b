// Benchmark of `iop build` (issues 3 and 4): whole-process build per example agreement and warm
// in-process rendering per document, each next to a peer measured in the same run:
//   - pandoc converting the same Markdown to .docx (per document, whole process; and all of an
//     agreement's documents, one process each, beside the whole build);
//   - LibreOffice converting the same .docx files to PDF (per agreement, whole process);
//   - Node's own start-up (`node -e 0`), the floor of any whole-process figure.
// Whole-process commands run interleaved (timeInterleaved), so their ratios hold while the
// machine's speed drifts. Figures are medians; ratios are ours / peer (below 1: faster).
// Run: npm run bench (builds dist/ first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

import { kb, ms, ratio, timeInterleaved, timeProcess, timeWarm } from "./lib/timing.mjs";

const ROUNDS = 7;

const root = new URL("../", import.meta.url).pathname;
const { loadAgreement } = await import(`${root}dist/validate/index.js`);
const { buildDocuments } = await import(`${root}dist/pipeline.js`);
const { renderDocx } = await import(`${root}dist/render/docx/index.js`);
const { renderPdf } = await import(`${root}dist/render/pdf/index.js`);
const { forgetSharedStreams } = await import(`${root}dist/render/pdf/flate.js`);

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

const work = mkdtempSync(join(tmpdir(), "iop-bench-"));
const bin = join(root, "dist/bin/iop.js");
const agreements = readdirSync(join(root, "agreements")).sort();
const pandoc = has("pandoc");
const soffice = has("soffice");

console.log("## iop build\n");
console.log(
  `Machine: ${(await import("node:os")).cpus().length} cores, Node ${process.version}. Medians of ${ROUNDS} rounds; each round runs every command of the row once, in turn, so the machine's fast and slow spells fall on all of them alike.\n`,
);
console.log(
  "| agreement | whole process: md+docx | md+docx+pdf | all formats (with exemplar/ copies) | Node start-up (`node -e 0`) | pandoc, the same .md files to .docx (one process each) | LibreOffice docx→pdf (the same .docx files) | md+docx / pandoc | md+docx+pdf / LibreOffice | all formats / LibreOffice |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const perDoc = [];
for (const name of agreements) {
  const dir = join(root, "agreements", name);
  const out = join(work, name);
  // One build first: its .md and .docx files are what the peers convert.
  timeProcess(process.execPath, [bin, "build", dir, "--out", out], 1);
  const built = join(out, name);
  const files = (ext) =>
    readdirSync(built)
      .filter((f) => f.endsWith(ext))
      .map((f) => join(built, f));
  const iop = (formats) => [
    process.execPath,
    [bin, "build", dir, "--out", join(work, `${name}-timed`), ...formats],
  ];
  const commands = {
    mdDocx: iop(["--format", "md,docx"]),
    docs: iop(["--format", "md,docx,pdf"]),
    all: iop([]),
    node: [process.execPath, ["-e", "0"]],
  };
  if (pandoc) {
    commands.pandoc = files(".md").map((md) => [
      "pandoc",
      ["-f", "markdown", "-t", "docx", "-o", join(work, `${basename(md)}.docx`), md],
    ]);
  }
  if (soffice) {
    const profile = `file://${join(work, `lo-profile-${name}`)}`;
    const args = [
      "--headless",
      `-env:UserInstallation=${profile}`,
      "--infilter=MS Word 2007 XML",
      "--convert-to",
      "pdf",
      "--outdir",
      join(work, `lo-${name}`),
      ...files(".docx"),
    ];
    spawnSync("soffice", args, { stdio: "ignore" }); // first start creates the profile
    commands.lo = ["soffice", args];
  }
  const t = timeInterleaved(commands, ROUNDS);
  console.log(
    `| ${name} | ${ms(t.mdDocx)} | ${ms(t.docs)} | ${ms(t.all)} | ${ms(t.node)} | ${ms(t.pandoc)} | ${ms(t.lo)} | ${ratio(t.mdDocx, t.pandoc)} | ${ratio(t.docs, t.lo)} | ${ratio(t.all, t.lo)} |`,
  );

  const { agreement } = await loadAgreement(dir);
  const { documents } = buildDocuments(agreement);
  for (const { tree } of documents) {
    const docxMs = (await timeWarm(() => renderDocx(tree))).median;
    // As the first PDF of its kind: nothing shared from an earlier run of the same document.
    const pdfMs = (
      await timeWarm(() => {
        forgetSharedStreams();
        return renderPdf(tree);
      })
    ).median;
    const pdfBytes = (await renderPdf(tree)).length;
    let pandocMs;
    if (pandoc) {
      // The Markdown iop build wrote as <name>.md.
      const md = join(built, `${tree.name}.md`);
      pandocMs = timeProcess("pandoc", ["-f", "markdown", "-t", "docx", "-o", `${md}.docx`, md], 5);
    }
    perDoc.push({ doc: `${name}/${tree.name}`, docxMs, pandocMs, pdfMs, pdfBytes });
  }
}

console.log("\n## Per document, warm in-process\n");
console.log(
  "| document | Word (ours) | pandoc md→docx (whole process) | ours / pandoc | PDF (ours) | PDF size |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const d of perDoc) {
  console.log(
    `| ${d.doc} | ${ms(d.docxMs)} | ${ms(d.pandocMs)} | ${ratio(d.docxMs, d.pandocMs)} | ${ms(d.pdfMs)} | ${kb(d.pdfBytes)} |`,
  );
}
if (!pandoc)
  console.log("\npandoc is not installed: its column is empty (apt-get install pandoc).");
if (!soffice) console.log("\nLibreOffice is not installed: its column is empty.");
rmSync(work, { recursive: true, force: true });

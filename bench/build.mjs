// Benchmark of `iop build` (issues 3 and 4): whole-process build per example agreement and warm
// in-process rendering per document, each next to a peer measured in the same run:
//   - pandoc converting the same Markdown to .docx (per document, whole process);
//   - LibreOffice converting the same .docx files to PDF (per agreement, whole process).
// Figures are medians; ratios are ours / peer (below 1 means faster than the peer).
// Run: npm run bench (builds dist/ first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { kb, ms, ratio, timeProcess, timeWarm } from "./lib/timing.mjs";

const root = new URL("../", import.meta.url).pathname;
const { loadAgreement } = await import(`${root}dist/validate/index.js`);
const { buildDocuments } = await import(`${root}dist/pipeline.js`);
const { renderDocx } = await import(`${root}dist/render/docx/index.js`);
const { renderPdf } = await import(`${root}dist/render/pdf/index.js`);
const { forgetSharedStreams } = await import(`${root}dist/render/pdf/lib/flate.js`);
const { renderMarkdown } = await import(`${root}dist/render/markdown/index.js`);

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

const work = mkdtempSync(join(tmpdir(), "iop-bench-"));
const bin = join(root, "dist/bin/iop.js");
const agreements = readdirSync(join(root, "agreements")).sort();
const pandoc = has("pandoc");
const soffice = has("soffice");

console.log("## iop build\n");
console.log(
  `Machine: ${(await import("node:os")).cpus().length} cores, Node ${process.version}. Medians.\n`,
);
console.log(
  "| agreement | whole process: md+docx | md+docx+pdf | all formats (with exemplar/ copies) | LibreOffice docx→pdf (same .docx files) | ours md+docx+pdf / LibreOffice | ours all formats / LibreOffice |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
const perDoc = [];
for (const name of agreements) {
  const dir = join(root, "agreements", name);
  const out = join(work, name);
  const mdDocx = timeProcess(
    process.execPath,
    [bin, "build", dir, "--out", out, "--format", "md,docx"],
    7,
  );
  const docs = timeProcess(
    process.execPath,
    [bin, "build", dir, "--out", out, "--format", "md,docx,pdf"],
    7,
  );
  const all = timeProcess(process.execPath, [bin, "build", dir, "--out", out], 7);
  let lo;
  if (soffice) {
    const docx = readdirSync(join(out, name))
      .filter((f) => f.endsWith(".docx"))
      .map((f) => join(out, name, f));
    const profile = `file://${join(work, `lo-profile-${name}`)}`;
    const args = [
      "--headless",
      `-env:UserInstallation=${profile}`,
      "--infilter=MS Word 2007 XML",
      "--convert-to",
      "pdf",
      "--outdir",
      join(work, `lo-${name}`),
      ...docx,
    ];
    spawnSync("soffice", args, { stdio: "ignore" }); // first start creates the profile
    lo = timeProcess("soffice", args, 3);
  }
  console.log(
    `| ${name} | ${ms(mdDocx)} | ${ms(docs)} | ${ms(all)} | ${ms(lo)} | ${ratio(docs, lo)} | ${ratio(all, lo)} |`,
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
      const md = join(work, `${name}-${tree.name}.md`);
      // The same Markdown iop build writes as <name>.md.
      writeFileSync(md, renderMarkdown(tree));
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

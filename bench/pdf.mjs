// Benchmark of the PDF renderer (src/render/pdf): warm in-process timings of the pure layout and
// of the whole render (layout + pdf-lib drawing + save), drawn as the first PDF of its kind (no
// compressed pages or font subsets to share) and again (as a signing copy shares them with its
// document), pages and file size, for every document of the example agreements and for a
// ten-page document made by repeating the body of the longest one (target: a warm ten-page
// render well under 100 ms, under 100 KB). Figures are medians of 30 runs after 5 warm-up runs,
// wall clock and CPU time. A second table times a document's four signing copies as the build
// draws them (`renderPdfCopies` after the document's own PDF) against drawing each in full
// (`renderPdf` with its label), in turns, each round with another fingerprint (so no PDF or page
// stream of an earlier round is taken again). Run: npm run bench (builds dist/ first), or on its
// own after `npm run build`: node bench/pdf.mjs
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { kb, median, ms, ratio, timeWarm } from "./lib/timing.mjs";

const root = new URL("../", import.meta.url).pathname;
const { loadAgreement } = await import(`${root}dist/validate/index.js`);
const { buildDocuments } = await import(`${root}dist/pipeline.js`);
const { layoutDocument, renderPdf, renderPdfCopies } = await import(
  `${root}dist/render/pdf/index.js`
);
const { forgetSharedStreams } = await import(`${root}dist/render/pdf/flate.js`);

const options = {
  fingerprint: "3f2a 91c0 77be",
  copyLabel: "Exemplar 1 av 4",
  signatureFields: true,
  attachments: [{ name: "overenskommelse.yaml", data: new TextEncoder().encode("id: x\n") }],
};

const trees = [];
for (const name of readdirSync(join(root, "agreements")).sort()) {
  const { agreement } = await loadAgreement(join(root, "agreements", name));
  if (!agreement) continue;
  for (const { tree } of buildDocuments(agreement).documents)
    trees.push([`${name}/${tree.name}`, tree]);
}

// About ten pages: blocks of the longest document (signatures kept last) added until ten pages.
const [, longest] = trees.reduce((a, b) =>
  layoutDocument(b[1]).pages.length > layoutDocument(a[1]).pages.length ? b : a,
);
const body = longest.children.filter((b) => b.type !== "signatures");
const signatures = longest.children.filter((b) => b.type === "signatures");
const tenPages = { ...longest, children: [...body] };
for (let i = 0; layoutDocument(tenPages).pages.length < 10; i++) {
  tenPages.children.push(body[i % body.length]);
}
tenPages.children.push(...signatures);
trees.push([`${longest.name}, body extended to 10 pages`, tenPages]);

console.log("## PDF renderer\n");
console.log(`Node ${process.version}. Warm, in-process, medians.\n`);
console.log(
  "| document | pages | layout | render (layout + draw + save) | of which CPU | again, sharing streams | size |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [label, tree] of trees) {
  const pages = layoutDocument(tree, options).pages.length;
  const layout = await timeWarm(() => layoutDocument(tree, options), { runs: 30, warmup: 5 });
  const first = () => {
    forgetSharedStreams();
    return renderPdf(tree, options);
  };
  const render = await timeWarm(first, { runs: 30, warmup: 5 });
  const again = await timeWarm(() => renderPdf(tree, options), { runs: 30, warmup: 5 });
  const bytes = (await renderPdf(tree, options)).length;
  console.log(
    `| ${label} | ${pages} | ${ms(layout.median)} | ${ms(render.median)} | ${ms(render.cpu)} | ${ms(again.median)} | ${kb(bytes)} |`,
  );
}
console.log(
  "\nRender time beyond CPU time is waiting: fontkit's bundled process.nextTick polyfill (setTimeout)\nwhile pdf-lib serialises each subset font.",
);

// Signing copies: four labels (as `copyLabel` in src/package/copies.ts makes them), drawn after
// the document's own PDF with the same options, as the build does.
const copyOptions = { attachments: options.attachments };
const labelsOf = (tree) =>
  [1, 2, 3, 4].map((n) => `Exemplar ${n} av 4 – ${tree.signing.parties[0]?.name ?? "Part"}`);
console.log("\n## Signing copies\n");
console.log(
  "| document | 4 copies (`renderPdfCopies` after the document's PDF) | 4 copies drawn in full | ratio |",
);
console.log("| --- | --- | --- | --- |");
for (const [label, tree] of trees) {
  const labels = labelsOf(tree);
  const copies = [];
  const full = [];
  for (let round = 0; round < 25; round++) {
    const opts = {
      ...copyOptions,
      fingerprint: `${round.toString(16).padStart(4, "0")} 91c0 77be`,
    };
    await renderPdf(tree, opts);
    let t = performance.now();
    await renderPdfCopies(tree, opts, labels);
    const copiesTime = performance.now() - t;
    t = performance.now();
    for (const copyLabel of labels) await renderPdf(tree, { ...opts, copyLabel });
    if (round >= 5) {
      copies.push(copiesTime);
      full.push(performance.now() - t);
    }
  }
  const [c, f] = [median(copies), median(full)];
  console.log(`| ${label} | ${ms(c)} | ${ms(f)} | ${ratio(c, f)} |`);
}

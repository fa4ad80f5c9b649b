// Benchmark of the PDF renderer (src/render/pdf): warm in-process timings of the pure layout and
// of the whole render (layout + pdf-lib drawing + save), drawn as the first PDF of its kind (no
// compressed pages or font subsets to share) and again (as a signing copy shares them with its
// document), pages and file size, for every document of the example agreements and for a
// ten-page document made by repeating the body of the longest one (target: a warm ten-page
// render well under 100 ms, under 100 KB). Figures are medians of 30 runs after 5 warm-up runs,
// wall clock and CPU time. Run: npm run bench (builds dist/ first), or on its own after
// `npm run build`: node bench/pdf.mjs
import { readdirSync } from "node:fs";
import { join } from "node:path";

import { kb, ms, timeWarm } from "./lib/timing.mjs";

const root = new URL("../", import.meta.url).pathname;
const { loadAgreement } = await import(`${root}dist/validate/index.js`);
const { buildDocuments } = await import(`${root}dist/pipeline.js`);
const { layoutDocument, renderPdf } = await import(`${root}dist/render/pdf/index.js`);
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

// Writes the code caches of the bundles (src/launch/code-cache.ts), run by scripts/bundle.mjs
// after bundling, each in a process of its own (V8's flags at their defaults, nothing else
// compiled in the bundle):
// - the CLI's, dist/bin/iop.cjs.v8-cache: loads dist/bin/iop.cjs, builds the example agreements
//   (agreements/, all formats and copies) with it into a temporary folder, and saves V8's cache
//   of the bundle with every function that build compiled;
// - with the argument `pdf-helper`, the PDF helper's, dist/bin/pdf-helper.cjs.v8-cache: loads
//   dist/bin/pdf-helper.cjs and renders the example agreements' PDFs and copies with it, as the
//   helper does for a build (their trees made by dist/, tsc's output, whose code is not the
//   bundle's and so not in its cache).
// Without the example agreements (an installed package) there is no warm-up and no cache.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { loadBundle, writeCodeCache } from "../dist/launch/code-cache.js";

const EXAMPLES = "agreements";
const helper = process.argv[2] === "pdf-helper";
const BUNDLE = resolve(`dist/bin/${helper ? "pdf-helper" : "iop"}.cjs`);
const CACHE = `${BUNDLE}.v8-cache`;

/**
 * The PDF helper's warm-up: each example document's PDF and copies, as `iop build` asks the helper
 * for them (src/helper/index.ts, at the default PDF/A level).
 */
async function renderExamplePdfs(bundle) {
  const { loadAgreement } = await import("../dist/validate/index.js");
  const { buildDocuments } = await import("../dist/pipeline.js");
  const { pdfAttachments } = await import("../dist/package/pdfs.js");
  for (const name of readdirSync(EXAMPLES)) {
    const { agreement } = await loadAgreement(join(EXAMPLES, name));
    if (!agreement) throw new Error(`the warm-up agreement ${name} has errors`);
    for (const { tree, files } of buildDocuments(agreement).documents) {
      const request = { tree, attachments: pdfAttachments(files), pdfa: "3b" };
      await bundle.exports.renderPdfFiles({ ...request, pdf: true, copies: true });
    }
  }
}

if (existsSync(EXAMPLES)) {
  // Keep the bytecode of functions run only early in the warm-up (V8 drops old bytecode).
  setFlagsFromString("--no-flush-bytecode");
  const bundle = loadBundle(BUNDLE);
  if (helper) {
    await renderExamplePdfs(bundle);
  } else {
    const out = mkdtempSync(join(tmpdir(), "iop-code-cache-"));
    try {
      const code = await bundle.exports.cli(["build", EXAMPLES, "--out", out]);
      if (code !== 0) throw new Error(`the warm-up build exited with ${code}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  setFlagsFromString("--flush-bytecode");
  writeCodeCache(bundle, CACHE);
}

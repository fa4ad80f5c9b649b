// Writes a code cache of a bundle (src/launch/code-cache.ts, paths.ts), run by scripts/bundle.mjs
// after bundling, each in a process of its own (V8's flags at their defaults, nothing else
// compiled in the bundle), with the cache's name as argument:
// - `iop`, dist/bin/iop.cjs.v8-cache: loads dist/bin/iop.cjs, builds the example agreements
//   (agreements/, all formats and copies) with it into a temporary folder in this process, and
//   saves V8's cache of the bundle with every function that build compiled;
// - `iop-with-helper`, dist/bin/iop.cjs.with-helper.v8-cache: the same bundle, building each
//   example agreement alone with the PDF helper (dist/bin/pdf-helper.js), as `iop build` of one
//   agreement runs: what this process compiles then is what such an `iop` runs, without the PDFs;
// - `pdf-helper`, dist/bin/pdf-helper.cjs.v8-cache: loads dist/bin/pdf-helper.cjs and renders the
//   example agreements' PDFs and copies with it, as the helper does for a build (their trees made
//   by dist/, tsc's output, whose code is not the bundle's and so not in its cache).
// Without the example agreements (an installed package) there is no warm-up and no cache.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { loadBundle, writeCodeCache } from "../dist/launch/code-cache.js";
import { forkHelper } from "../dist/launch/helper.js";
import { CACHES } from "../dist/launch/paths.js";

const EXAMPLES = "agreements";
const name = process.argv[2];
if (!(name in CACHES)) throw new Error(`code-cache.mjs: no cache named ${name}`);
const BUNDLE = resolve(`dist/bin/${name === "pdf-helper" ? "pdf-helper" : "iop"}.cjs`);
const CACHE = resolve("dist/bin", CACHES[name]);

/**
 * The PDF helper's warm-up: each example document's PDF and copies, as `iop build` asks the helper
 * for them (src/helper/index.ts, at the default PDF/A level).
 */
async function renderExamplePdfs(bundle) {
  const { loadAgreement } = await import("../dist/validate/index.js");
  const { buildDocuments } = await import("../dist/pipeline.js");
  const { pdfAttachments } = await import("../dist/package/pdfs.js");
  for (const folder of readdirSync(EXAMPLES)) {
    const { agreement } = await loadAgreement(join(EXAMPLES, folder));
    if (!agreement) throw new Error(`the warm-up agreement ${folder} has errors`);
    for (const { tree, files } of buildDocuments(agreement).documents) {
      const request = { tree, attachments: pdfAttachments(files), pdfa: "3b" };
      await bundle.exports.renderPdfFiles({ ...request, pdf: true, copies: true });
    }
  }
}

/** `iop build` of each example agreement alone, with the PDF helper, as the binary starts it. */
async function buildEachWithHelper(bundle, out) {
  for (const folder of readdirSync(EXAMPLES)) {
    const helper = forkHelper(resolve("dist/bin/pdf-helper.js"));
    const code = await bundle.exports.cli(["build", join(EXAMPLES, folder), "--out", out], helper);
    if (code !== 0) throw new Error(`the warm-up build of ${folder} exited with ${code}`);
  }
}

if (existsSync(EXAMPLES)) {
  // Keep the bytecode of functions run only early in the warm-up (V8 drops old bytecode).
  setFlagsFromString("--no-flush-bytecode");
  const bundle = loadBundle(BUNDLE);
  const out = mkdtempSync(join(tmpdir(), "iop-code-cache-"));
  try {
    if (name === "pdf-helper") await renderExamplePdfs(bundle);
    else if (name === "iop-with-helper") await buildEachWithHelper(bundle, out);
    else {
      const code = await bundle.exports.cli(["build", EXAMPLES, "--out", out]);
      if (code !== 0) throw new Error(`the warm-up build exited with ${code}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  setFlagsFromString("--flush-bytecode");
  writeCodeCache(bundle, CACHE);
}

// Bundles the CLI into dist/bin/ with esbuild (run after tsc, by `npm run build`). The `iop`
// binary is the bundle: loading a few files instead of hundreds of modules is most of a short
// command's start-up. Code splitting keeps the dynamic imports (Word, PDF, copies) as chunks
// loaded on demand.
//
// The start-up tricks, each with one home that says why, and the test that fails if a library
// upgrade breaks it:
// - JSON Schema validators compiled here with ajv standalone code, from dist/validate/ajv.js (so
//   the same schemas and options as at run time), swapped in for the stub
//   src/validate/precompiled.ts. Test: test/validate/precompiled.test.ts (the bundle reports
//   exactly what run-time validators report).
// - Handlebars templates precompiled here with the options of dist/compose/engine.js, swapped in
//   for the stub src/compose/precompiled.ts; the bundle then needs only Handlebars' runtime.
//   Test: test/compose/precompiled.test.ts.
// - fontkit's load-time decoding deferred to first use: scripts/lazy-fontkit.mjs.
//   Test: test/scripts/lazy-fontkit.test.ts.
// - The .docx font parts compressed once: scripts/precompress-fonts.mjs, src/render/docx/fonts.ts.
//   Test: test/render/docx/fonts.test.ts.
// - V8's optimising compiler off for short runs: src/jit.ts. Test: test/jit.test.ts.
// - docx's private compiler called directly, with Math.random fixed while it runs:
//   src/render/docx/package.ts. Test: test/render/docx/determinism.test.ts.
// - docx's File internals (the embedded fonts, the components of the parts that are the same in
//   every document, the numbering's list instances) read and swapped per document, so those parts
//   are formatted and compressed once per process: src/render/docx/package.ts, shared-parts.ts.
//   Test: test/render/docx/shared-parts.test.ts (the bytes of a renderer that kept nothing).
// These import from dist/ (tsc's output) because they must use exactly the code and options the
// CLI runs with; `npm run build` runs tsc first.

import { readdirSync, readFileSync, rmSync } from "node:fs";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import Handlebars from "handlebars";
import { COMPILE_OPTIONS, fieldSources, frontMatter } from "../dist/compose/engine.js";
import { sha256 } from "../dist/hash.js";
import { createAjv, DOCUMENT_SCHEMAS } from "../dist/validate/ajv.js";
import { lazyFontkit } from "./lazy-fontkit.mjs";

const validators = standaloneCode.default(
  createAjv({ code: { source: true, esm: true } }),
  DOCUMENT_SCHEMAS,
);

/** Replaces src/validate/precompiled.ts (a stub exporting undefined) with the generated code. */
const precompiledValidators = {
  name: "iop-precompiled-validators",
  setup(b) {
    b.onLoad({ filter: /src[\\/]validate[\\/]precompiled\.ts$/ }, () => ({
      contents: `${validators}\nexport const precompiled = { agreement, bilaga };\n`,
      loader: "js",
      resolveDir: "src/validate",
    }));
  },
};

/** Every template of templates/ precompiled, keyed as src/compose/precompiled.ts describes. */
function precompiledTemplates() {
  const specs = [];
  const add = (key, source) => {
    const spec = Handlebars.precompile(source, COMPILE_OPTIONS);
    specs.push(
      `${JSON.stringify(key)}: { sha256: ${JSON.stringify(sha256(source))}, spec: ${spec} }`,
    );
  };
  const read = (path) => readFileSync(new URL(`../templates/${path}`, import.meta.url), "utf8");
  const files = (folder) =>
    readdirSync(new URL(`../templates/${folder}`, import.meta.url)).filter((f) =>
      f.endsWith(".hbs"),
    );
  for (const f of ["overenskommelse.hbs", "bilaga.hbs"]) add(f, read(f));
  for (const f of files("partials/")) add(`partials/${f}`, read(`partials/${f}`));
  for (const f of files("klausuler/")) {
    const source = read(`klausuler/${f}`);
    add(`klausuler/${f}`, source);
    const meta = frontMatter(source);
    if (meta.rubrik) add(`klausuler/${f}#rubrik`, meta.rubrik);
    for (const [field, text] of fieldSources(meta)) add(`klausuler/${f}#fält-${field}`, text);
  }
  return `export const precompiled = {\n${specs.join(",\n")}\n};\n`;
}

/** fontkit with its load-time decoding deferred to first use: see scripts/lazy-fontkit.mjs. */
const lazyFontkitPlugin = {
  name: "iop-lazy-fontkit",
  setup(b) {
    b.onLoad({ filter: /@pdf-lib[\\/]fontkit[\\/]dist[\\/]fontkit\.umd\.js$/ }, (args) => ({
      contents: lazyFontkit(readFileSync(args.path, "utf8")),
      loader: "js",
    }));
  },
};

const precompiledHandlebars = {
  name: "iop-precompiled-templates",
  setup(b) {
    b.onLoad({ filter: /src[\\/]compose[\\/]precompiled\.ts$/ }, () => ({
      contents: precompiledTemplates(),
      loader: "js",
    }));
  },
};

// The .docx font parts, compressed once (scripts/precompress-fonts.mjs), before the bundle, which
// the build writes last.
await import("./precompress-fonts.mjs");

// Start from an empty folder, so chunks of earlier builds do not pile up.
rmSync("dist/bin", { recursive: true, force: true });

await build({
  // The worker thread of `iop build`'s pool (src/batch/pool.ts) is an entry of its own.
  entryPoints: { iop: "src/cli/main.ts", "build-worker": "src/batch/worker.ts" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist/bin",
  chunkNames: "chunks/[name]-[hash]",
  // CommonJS dependencies (handlebars, fontkit, ajv's runtime) call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __iopRequire } from 'node:module'; const require = __iopRequire(import.meta.url);",
  },
  plugins: [precompiledValidators, precompiledHandlebars, lazyFontkitPlugin],
  // Every template is precompiled, so the CLI needs only Handlebars' runtime, not its compiler.
  alias: { handlebars: "handlebars/runtime" },
  logLevel: "warning",
  legalComments: "none",
});

// Bundles the CLI into dist/bin/ with esbuild (run after tsc, by `npm run build`): one CommonJS
// script, dist/bin/iop.cjs, which the `iop` binary (dist/bin/iop.js) and the build pool's worker
// processes (dist/bin/build-worker.js) load with V8's code cache, dist/bin/iop.cjs.v8-cache, made
// here after a warm-up build (src/launch/); and the PDF helper's own, smaller bundle,
// dist/bin/pdf-helper.cjs, with its cache, for dist/bin/pdf-helper.js. Loading one file
// instead of hundreds of modules is most of a short command's start-up; the dynamic imports
// (Word, PDF, copies) stay modules that are evaluated only when first used.
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
// - docx's class fields assigned instead of defined by Babel's helper: scripts/docx-fields.mjs.
//   Test: test/scripts/docx-fields.test.ts.
// - The .docx font parts compressed once: scripts/precompress-fonts.mjs, src/render/docx/fonts.ts.
//   Test: test/render/docx/fonts.test.ts.
// - V8's optimising compiler off for short runs: src/jit.ts. Test: test/jit.test.ts.
// - V8's code cache of the bundle, made after a warm-up build of the example agreements, used
//   when V8 accepts it: src/launch/code-cache.ts, scripts/code-cache.mjs; the bundle in ASCII
//   (read as Latin-1) and without top-level `await` (src/validate/precompiled.ts holds the one
//   there was). Test: test/launch/code-cache.test.ts (accepted on this Node, also in a worker
//   process with the pool's options; a missing, damaged or stale cache is refused; the same
//   bytes either way).
// - docx's private compiler called directly, with Math.random fixed while it runs:
//   src/render/docx/package.ts. Test: test/render/docx/determinism.test.ts.
// - docx's File internals (the embedded fonts, the components of the parts that are the same in
//   every document, the numbering's list instances) read and swapped per document, so those parts
//   are formatted and compressed once per process: src/render/docx/package.ts, shared-parts.ts.
//   Test: test/render/docx/shared-parts.test.ts (the bytes of a renderer that kept nothing).
// These import from dist/ (tsc's output) because they must use exactly the code and options the
// CLI runs with; `npm run build` runs tsc first.

import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import Handlebars from "handlebars";
import { COMPILE_OPTIONS, fieldSources, frontMatter } from "../dist/compose/engine.js";
import { sha256 } from "../dist/hash.js";
import { bundleFileText } from "../dist/launch/code-cache.js";
import { createAjv, DOCUMENT_SCHEMAS } from "../dist/validate/ajv.js";
import { docxFields } from "./docx-fields.mjs";
import { lazyFontkit } from "./lazy-fontkit.mjs";

const standaloneValidators = standaloneCode.default(
  createAjv({ code: { source: true, esm: true } }),
  DOCUMENT_SCHEMAS,
);

/** Replaces src/validate/precompiled.ts (which compiles at run time) with the generated code. */
const precompiledValidators = {
  name: "iop-precompiled-validators",
  setup(b) {
    b.onLoad({ filter: /src[\\/]validate[\\/]precompiled\.ts$/ }, () => ({
      contents: `${standaloneValidators}\nexport const validators = { agreement, bilaga };\n`,
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

/** docx's class fields assigned rather than defined by Babel's helper: see scripts/docx-fields.mjs. */
const docxFieldsPlugin = {
  name: "iop-docx-fields",
  setup(b) {
    b.onLoad({ filter: /[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, (args) => ({
      contents: docxFields(readFileSync(args.path, "utf8")),
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

/**
 * The bundle in ASCII, which the launchers read as Latin-1 (src/launch/code-cache.ts). esbuild's
 * `charset: "ascii"` escapes strings, template literals and identifiers, and minifying whitespace
 * drops the comments; what is left outside ASCII is inside regular-expression literals, where
 * `\uXXXX` stands for the same character (an astral one as its two escaped surrogates, which a
 * `u` regex reads as one code point). A character right after a backslash would change meaning, so
 * it stops the build, as does any other character left outside ASCII.
 */
function asciiOnly(text) {
  const ascii = text.replace(/[^\0-\x7f]/g, (unit, at) => {
    if (text[at - 1] === "\\") throw new Error(`bundle: cannot escape ${unit} after a backslash`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  if (!/^[\0-\x7f]*$/.test(ascii)) throw new Error("bundle: not ASCII");
  return ascii;
}

/** Runs scripts/code-cache.mjs with `args`, which writes the code cache of a bundle. */
function makeCodeCache(...args) {
  const r = spawnSync(process.execPath, ["scripts/code-cache.mjs", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (r.status !== 0) throw new Error(`scripts/code-cache.mjs failed:\n${r.stderr}`);
}

// The .docx font parts, compressed once (scripts/precompress-fonts.mjs), before the bundle, which
// the build writes last.
await import("./precompress-fonts.mjs");

// Start from an empty folder, so files of earlier builds do not pile up.
rmSync("dist/bin", { recursive: true, force: true });

/**
 * The options of a bundle from `entry`: the CLI's (src/launch/bundle.ts) or the PDF helper's
 * (src/launch/helper-bundle.ts), which holds only what renders PDFs. Each is one CommonJS script
 * that the launchers load with V8's code cache (src/launch/code-cache.ts); its dynamic imports
 * (Word, PDF, copies…) become modules that are evaluated on first use.
 */
const bundleOptions = (entry) => ({
  entryPoints: [entry],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  write: false,
  outfile: "dist/bin/bundle.cjs",
  // Modules that read files beside them (templates, fonts) find them from the bundle's place.
  define: { "import.meta.url": "__iopBundleUrl" },
  banner: { js: "var __iopBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [precompiledValidators, precompiledHandlebars, lazyFontkitPlugin, docxFieldsPlugin],
  // Every template is precompiled, so the CLI needs only Handlebars' runtime, not its compiler.
  alias: { handlebars: "handlebars/runtime" },
  // ASCII and without comments: see asciiOnly().
  charset: "ascii",
  minifyWhitespace: true,
  logLevel: "warning",
  legalComments: "none",
});

mkdirSync("dist/bin", { recursive: true });
for (const [entry, file] of [
  ["src/launch/bundle.ts", "dist/bin/iop.cjs"],
  ["src/launch/helper-bundle.ts", "dist/bin/pdf-helper.cjs"],
]) {
  const built = await build(bundleOptions(entry));
  const code = asciiOnly(built.outputFiles[0].text);
  // vm.Script, which loads a bundle, has no loader for import(): every module must be inside it.
  if (/\bimport\s*\(/.test(code)) throw new Error(`bundle: a dynamic import() was left in ${file}`);
  writeFileSync(file, bundleFileText(code, sha256(code)));
}

// The launchers: dist/bin/iop.js (the `iop` binary), dist/bin/build-worker.js (the pool's worker
// process, src/batch/pool.ts) and dist/bin/pdf-helper.js (the PDF helper, src/helper/), small
// scripts that load a bundle. CommonJS, as dist/bin/package.json declares (the project's own
// package.json says "module"): Node starts a CommonJS entry without its ES module loader, about 10 ms sooner
// (measured: a one-line script took 104 ms as .cjs, 113 ms as .mjs, `node -e 0` 108 ms).
await build({
  entryPoints: {
    iop: "src/launch/iop.ts",
    "build-worker": "src/launch/build-worker.ts",
    "pdf-helper": "src/launch/pdf-helper.ts",
  },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  outdir: "dist/bin",
  // The launchers find the bundle and each other beside them (src/launch/paths.ts, helper.ts).
  define: { "import.meta.url": "__iopLauncherUrl" },
  banner: { js: "var __iopLauncherUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: "warning",
  legalComments: "none",
});
writeFileSync("dist/bin/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);

// The code caches, made by a warm-up with the example agreements: scripts/code-cache.mjs.
// The helper's first: the warm-up with the helper then runs it as a build does.
for (const name of ["iop", "pdf-helper", "iop-with-helper"]) makeCodeCache(name);

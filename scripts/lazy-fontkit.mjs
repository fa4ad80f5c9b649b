// fontkit's module-level work made lazy, in the bundle only (scripts/bundle.mjs applies it to
// @pdf-lib/fontkit/dist/fontkit.umd.js as esbuild loads it; docx has a patch of its own,
// scripts/docx-fields.mjs).
//
// Why: loading fontkit decodes data only its OpenType layout engine and its WOFF2 reader use:
// Brotli's built-in dictionary, the Unicode properties (category, script, combining class) and the
// Arabic, Indic and Universal shaping tables, each inflated from base64 with a JavaScript inflate.
// That is 150–250 ms of every cold `iop build`, a sixth of it. iop embeds TrueType and positions
// glyphs itself (src/render/pdf/draw.ts: `glyphForCodePoint`, no `layout`), so it uses none of
// them; pdf-lib's own text encoding (which does lay out) still works, decoding them on first use.
//
// Every glyph fontkit makes also asks the Unicode properties whether it is a combining mark; for
// the code points of Swedish text the answer is known without them (`GLYPH_IS_MARK` below).
//
// How: by exact text. Each patched statement `var x = <expression>;` becomes
// `var x = iopLazy(function () { return <expression>; });`, a Proxy that evaluates the expression
// on the first property read; the Unicode properties section becomes one lazy `unicode` object.
// If fontkit's text changes (package.json pins 1.1.1), `lazyFontkit` throws and `npm run build`
// fails rather than ship an unpatched or half-patched fontkit.
// Tests: test/scripts/lazy-fontkit.test.ts lays out Latin, Arabic, Devanagari and Javanese text
// with the patched and the original fontkit and compares glyphs and positions (fails if a patched
// name is used elsewhere or the Proxy misses a use), checks that loading decodes nothing, and
// that glyphs for Swedish text decode nothing either, with fontkit's mark test for every code
// point answered without the data.

/**
 * Sections evaluated on first use instead of at load: each from its first statement to the end of
 * its last, exactly as fontkit 1.1.1 has them, with the names the rest of fontkit reads.
 */
const LAZY_SECTIONS = [
  {
    what: "Unicode properties (category, script, combining class; its only export is `unicode`)",
    from: "var data = JSON.parse(String.fromCharCode.apply(String, pako_1.inflate(base64Arraybuffer_2(base64DeflatedData))));",
    to: "\t  isMark: isMark\n\t};",
    names: ["unicode"],
  },
  {
    what: "the Arabic shaper's joining classes",
    from: "var trieData$1 = pako_1.inflate(base64Arraybuffer_2(base64DeflatedTrie$1));",
    to: "var trie$1 = new unicodeTrie(trieData$1);",
    names: ["trie$1"],
  },
  {
    what: "the Indic shaper's tables and state machine",
    from: "var indicMachine = JSON.parse(String.fromCharCode.apply(String, pako_1.inflate(base64Arraybuffer_2(base64DeflatedIndicMachine))));",
    to: "var stateMachine = new dfa(indicMachine);",
    names: ["decompositions", "trie$2", "stateMachine"],
  },
  {
    what: "the Universal Shaping Engine's tables and state machine",
    from: "var useData$1 = JSON.parse(String.fromCharCode.apply(String, pako_1.inflate(base64Arraybuffer_2(base64DeflatedUseData))));",
    to: "var stateMachine$1 = new dfa(useData$1);",
    names: ["categories", "decompositions$1", "trie$3", "stateMachine$1"],
  },
];

/**
 * Every glyph fontkit makes asks whether its code points are combining marks, which reads the
 * Unicode properties: in a fresh process, about 10 ms to decode them for the first glyph. Code
 * points below U+0300 (Latin, with every Swedish letter), in U+2000–U+20CF (punctuation such as
 * "–" and "’", super- and subscripts, currency signs) and in U+2100–U+2CEE (letterlike symbols,
 * arrows, mathematical and technical signs, box drawing, …) have no mark among them in fontkit's
 * data, so the answer for them needs no data (the test checks every one against the data).
 */
const GLYPH_IS_MARK =
  "\t    this.isMark = this.codePoints.length > 0 && this.codePoints.every(unicode.isMark);\n\t    this.isLigature";
const GLYPH_IS_MARK_LAZY =
  "\t    this.isMark = this.codePoints.length > 0 && this.codePoints.every(iopIsMark);\n\t    this.isLigature";
const IS_MARK_HELPER = `function iopIsMark(c) {
\t  return !(c < 0x300 || (c >= 0x2000 && c < 0x20d0) || (c >= 0x2100 && c < 0x2cef)) && unicode.isMark(c);
\t}
\t`;

/** Brotli's dictionary: decoded by the first Brotli decompression (WOFF2 only). */
const BROTLI_EAGER = "\n\tdictionary.init(BrotliDecompressBuffer);\n";
const BROTLI_ENTRY = "\tfunction BrotliDecompressBuffer(buffer, output_size) {\n";

/**
 * `iopOnce(make)`: a function returning what `make` returns, made once. `iopLazy(get)`: a Proxy
 * standing for the object `get()` returns, read on the first property access (functions bound to
 * it, as typed arrays' and classes' methods want the real object as `this`). Function
 * declarations, hoisted, so they can stand anywhere in fontkit's factory function.
 */
const HELPERS = `function iopOnce(make) {
\t  var made = false, value;
\t  return function () { if (!made) { value = make(); made = true; } return value; };
\t}
\tfunction iopLazy(get) {
\t  return new Proxy({}, {
\t    get: function (_, key) { var v = get(), r = v[key]; return typeof r === "function" ? r.bind(v) : r; },
\t    has: function (_, key) { return key in get(); },
\t  });
\t}
\t`;

function split(source, marker, what) {
  const parts = source.split(marker);
  if (parts.length !== 2) {
    throw new Error(
      `lazy-fontkit: expected ${what} ("${marker.trim().slice(0, 50)}…") once in fontkit, found it ${parts.length - 1} times; check scripts/lazy-fontkit.mjs against the installed fontkit`,
    );
  }
  return parts;
}

/** fontkit.umd.js with its load-time decoding deferred to first use (see the top of this file). */
export function lazyFontkit(source) {
  let [before, after] = split(source, BROTLI_EAGER, "Brotli's dictionary");
  let out = `${before}\n\tvar iopDictionaryLoaded = false;\n${after}`;
  [before, after] = split(out, GLYPH_IS_MARK, "the Glyph constructor's mark test");
  out = `${before}${GLYPH_IS_MARK_LAZY}${after}`;
  [before, after] = split(out, BROTLI_ENTRY, "Brotli's entry point");
  out = `${before}${BROTLI_ENTRY}\t  if (!iopDictionaryLoaded) { iopDictionaryLoaded = true; dictionary.init(BrotliDecompressBuffer); }\n${after}`;
  LAZY_SECTIONS.forEach(({ what, from, to, names }, i) => {
    const [head, rest] = split(out, from, what);
    const [body, tail] = split(rest, to, what);
    const section = `iopSection${i}`;
    const exported = names.map((n) => `${n}: ${n}`).join(", ");
    const lazy = names
      .map((n) => `var ${n} = iopLazy(function () { return ${section}().${n}; });`)
      .join("\n\t");
    out = `${head}${i === 0 ? HELPERS + IS_MARK_HELPER : ""}var ${section} = iopOnce(function () {\n\t${from}${body}${to}\n\treturn { ${exported} };\n\t});\n\t${lazy}${tail}`;
  });
  return out;
}

/**
 * The Word renderer: a document tree (`src/document/types.ts`) to a .docx file.
 *
 * Use: `const bytes = await renderDocx(tree, { copyLabel: "Exemplar 1 av 2 – …" })`.
 *
 * - One handler per node kind in `handlers/` (registered in `handlers/index.ts`), called through a
 *   shared `State` (`state.ts`), after mdast-util-to-hast; kinds without a handler go to the
 *   defaults in `handlers/unknown.ts`, which render what text they can and never throw.
 * - Word's built-in styles (`styles.ts`) under their built-in ids and names, so Word in any language
 *   shows its own names for them; headings numbered by Word's multilevel list (`numbering.ts`).
 * - A4 with 25 mm margins, title and diarienummer in the header, "Sida X (Y)" in the footer,
 *   after the content fingerprint ("Kontrollsumma …") when `fingerprint` is given, as in the PDF
 *   (`page.ts`); document properties in `properties.ts`.
 * - Set in DejaVu Sans, the PDF's typeface, its four faces embedded (`render.ts`), so the Word
 *   file looks like the PDF in every reader; their parts are compressed once, at `npm run build`
 *   (`fonts.ts`), not in every process.
 * - Tables in a fixed layout: amount columns as wide as their widest cell, text columns the rest
 *   (`handlers/table.ts`); room after every table.
 * - The closing section before the signatures is kept on the page of the first signature block
 *   (`keep.ts`, look-ahead done before the handlers run), so signatures never stand alone.
 * - Redline `change` nodes and blocks become tracked changes (`w:ins` / `w:del`).
 * - Deterministic: same tree and options, same bytes, in any time zone (`package.ts`).
 * - Cheap per document in a long run: what is the same text in document after document (theme,
 *   settings, styles, numbering, font table, content types) is formatted by docx once per process
 *   and reused by key (`shared-parts.ts`); those parts and the embedded fonts are compressed once
 *   (`package.ts`, `fonts.ts`). The bytes are those of a renderer that kept nothing.
 */
export type { DocxOptions } from "./options.js";
export { renderDocx } from "./render.js";

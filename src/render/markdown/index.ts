/**
 * The Markdown renderer: a document tree (`src/document/types.ts`) to CommonMark + GFM, the
 * `<name>.md` that `iop build` writes. Unlike the composed Markdown the pipeline works with, it
 * has no iop conventions left: headings carry their final numbers, references are resolved text,
 * signature blocks are plain paragraphs.
 *
 * Use: `const markdown = renderMarkdown(tree)`.
 *
 * - One handler per node kind in `handlers/` (registered in `handlers/index.ts`) turns the tree
 *   into mdast through a shared `State` (`state.ts`), after mdast-util-to-hast; kinds without a
 *   handler go to the defaults in `handlers/unknown.ts`, which keep their text and never throw.
 * - mdast-util-to-markdown with mdast-util-gfm serialises it, and escapes: text from the data
 *   (`*`, `_`, `#`, `<`, `[` …) reads literally; `escape.ts` has it try only the patterns whose
 *   character a text has (the same output, in about half the time). The one node of our own is
 *   the blank to fill in by hand (`blank.ts`). In a long run (`iop watch`, many agreements) the
 *   document is serialised piece by piece (cut between headings, paragraphs and tables), each
 *   piece's text kept by its blocks, so the paragraphs the agreements of a folder share are
 *   serialised once (`render.ts`).
 * - Redline changes show as accepted: inserted text plain, deleted text and blocks left out, so
 *   the Markdown's text is `documentText(tree)` plus the signature lines.
 * - Deterministic: same tree, same string.
 */
export type { Blank } from "./blank.js";
export { handlers } from "./handlers/index.js";
export { renderMarkdown, toMdast } from "./render.js";
export type { BlockHandler, Handlers, InlineHandler, State } from "./state.js";

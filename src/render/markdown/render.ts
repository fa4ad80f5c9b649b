import type { Root, RootContent } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { type Options, toMarkdown } from "mdast-util-to-markdown";
import type { DocumentTree } from "../../document/types.js";
import { inLongRun } from "../../jit.js";
import { Recent } from "../../recent.js";
import { handleBlank } from "./blank.js";
import { narrowedRoot } from "./escape.js";
import { handlers } from "./handlers/index.js";
import { createState } from "./state.js";

/**
 * Serialiser options, made once (rendering does no other setup).
 * - GFM, for tables (and to escape what GFM would read: `~`, `|` in cells, autolinks).
 * - `-` bullets, as in the composed Markdown (src/compose/README.md); `*…*` and `**…**` (the
 *   defaults) for emphasis and strong.
 * - Table pipes aligned (the default): the .md is read as text, and aligned columns read best.
 */
export const OPTIONS: Options = {
  extensions: [gfmToMarkdown()],
  // `blank` is our own node (see blank.ts), so it is not among the node types mdast declares.
  handlers: { blank: handleBlank } as Options["handlers"],
  bullet: "-",
};

/** OPTIONS with escaping that tries only the patterns that can match (escape.ts): the same text. */
const FAST: Options = { ...OPTIONS, handlers: { ...OPTIONS.handlers, root: narrowedRoot } };

/** The mdast of a document: its title, the subtitle in italics, then every block. */
export function toMdast(tree: DocumentTree): Root {
  const state = createState(tree, handlers);
  const head: RootContent[] = [
    { type: "heading", depth: 1, children: [{ type: "text", value: tree.meta.title }] },
  ];
  if (tree.meta.subtitle) {
    head.push({
      type: "paragraph",
      children: [{ type: "emphasis", children: [{ type: "text", value: tree.meta.subtitle }] }],
    });
  }
  return { type: "root", children: [...head, ...state.all(tree.children)] };
}

/**
 * Blocks between which a document is cut into pieces, each serialised apart (`toMdast` makes
 * these, and lists): between two of them at the top level the library writes one blank line (its
 * `join`s ask for another separator only next to lists, indented code and HTML, or inside list
 * items), and what it carries from one block to the next (`bulletLastUsed`, for a list right
 * after a list) is reset after each of them.
 */
const CUT_BETWEEN: ReadonlySet<string> = new Set(["heading", "paragraph", "table"]);

/** The Markdown of the pieces serialised last, by their blocks as JSON. */
const pieces = new Recent<string, string>(2048);

/** How many pieces this process has serialised so far: for tests of the reuse. */
export const piecesWritten = (): number => pieces.made;

/** Forgets the pieces serialised before (for benchmarks of a document with none seen before). */
export function forgetWrittenPieces(): void {
  pieces.clear();
}

/** The top-level blocks in runs, cut between two blocks of CUT_BETWEEN. */
function runs(blocks: readonly RootContent[]): RootContent[][] {
  const out: RootContent[][] = [];
  let run: RootContent[] = [];
  for (const block of blocks) {
    const last = run.at(-1);
    if (last && CUT_BETWEEN.has(last.type) && CUT_BETWEEN.has(block.type)) {
      out.push(run);
      run = [];
    }
    run.push(block);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/**
 * The document as CommonMark + GFM that reads on its own and says what the Word and PDF say.
 * In a long run (src/jit.ts: `iop watch`, many agreements) serialised piece by piece (`runs`),
 * each piece's Markdown kept by its blocks: the documents of the agreements of a folder built
 * from the same templates share most of their paragraphs. The text is the library's for the
 * whole tree, byte for byte (test/render/markdown/escape.test.ts).
 */
export function renderMarkdown(tree: DocumentTree): string {
  if (!inLongRun()) return toMarkdown(toMdast(tree), FAST);
  const texts = runs(toMdast(tree).children).map((run) =>
    pieces.getOrMake(JSON.stringify(run), () => {
      // Without the line ending the library ends a text with (no block writes nothing: toMdast
      // leaves out empty paragraphs), which the join puts back.
      return toMarkdown({ type: "root", children: run }, FAST).slice(0, -1);
    }),
  );
  return `${texts.join("\n\n")}\n`;
}

import type { Root, RootContent } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { type Options, toMarkdown } from "mdast-util-to-markdown";
import type { DocumentTree } from "../../document/types.js";
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

/** The document as CommonMark + GFM that reads on its own and says what the Word and PDF say. */
export function renderMarkdown(tree: DocumentTree): string {
  return toMarkdown(toMdast(tree), FAST);
}

import type { HeadingNode } from "../../../document/types.js";
import { escapeHtml } from "../escape.js";
import type { BlockHandler } from "../state.js";

/**
 * `heading` → `<h2>`–`<h4>` (the page's `<h1>` is the document title), the number in its own span,
 * the section id (prefixed) as element id so sections can be linked.
 */
export const heading: BlockHandler<HeadingNode> = (state, node) => {
  const level = node.depth + 1;
  const id = node.id ? ` id="${escapeHtml(`${state.options.idPrefix ?? ""}${node.id}`)}"` : "";
  const number = node.number ? `<span class="nummer">${escapeHtml(node.number)}</span> ` : "";
  return `<h${level}${id}>${number}${state.inlines(node.children)}</h${level}>`;
};

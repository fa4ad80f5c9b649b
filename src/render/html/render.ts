import type { DocumentTree } from "../../document/types.js";
import { escapeHtml } from "./escape.js";
import { handlers } from "./handlers/index.js";
import { createState, type HtmlOptions } from "./state.js";
import { STYLESHEET } from "./style.js";

/**
 * Renders a document tree as an HTML fragment: an `<article>` with the title, subtitle and
 * diarienummer, then every block through its handler. All text is escaped. A redline's changes
 * become `<ins>` and `<del>`.
 */
export function renderHtml(tree: DocumentTree, options: HtmlOptions = {}): string {
  const state = createState(handlers, options);
  if (options.bare) return state.all(tree.children);
  return [
    `<article class="dokument-innehall">`,
    "<header>",
    `<h1>${escapeHtml(tree.meta.title)}</h1>`,
    ...(tree.meta.subtitle ? [`<p class="undertitel">${escapeHtml(tree.meta.subtitle)}</p>`] : []),
    `<p class="dnr">Diarienummer ${escapeHtml(tree.meta.diarienummer)}</p>`,
    "</header>",
    state.all(tree.children),
    "</article>",
  ].join("\n");
}

/** A standalone Swedish page: inline stylesheet, no external resources. `body` is HTML. */
export function htmlPage(title: string, body: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="sv">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLESHEET}\n</style>`,
    "</head>",
    "<body>",
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

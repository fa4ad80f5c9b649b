/**
 * Compose stage: agreement data → Markdown, through the Handlebars templates in `templates/`.
 * The Markdown conventions (headings with ids, `:avsnitt[id]`, `:part[id]`, signature
 * directives, budget tables) are described in ./README.md.
 */
export { composeAgreement, documentComposer, tidyMarkdown } from "./compose.js";
export { ComposeError } from "./errors.js";
export { escapeMarkdown } from "./escape.js";
export type { ComposedDocument, ComposeResult } from "./types.js";

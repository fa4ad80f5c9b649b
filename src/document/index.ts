/** Document stage: composed Markdown → document tree, and the checks that need the tree. */
export { type BuildInput, buildDocument } from "./build.js";
export { blockText, documentText, inlineText, normalizeWhitespace } from "./text.js";
export type * from "./types.js";

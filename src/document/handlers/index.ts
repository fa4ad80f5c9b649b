/**
 * The handler registry: one small handler per mdast node kind. Node kinds not listed here go to
 * `defaultBlock` / `defaultInline` (see fallback.ts), which keep their text and never throw.
 */
import { emphasis, strikethrough, strong } from "./emphasis.js";
import { blockquote } from "./fallback.js";
import { heading } from "./heading.js";
import { image, link, linkReference } from "./link.js";
import { list } from "./list.js";
import { paragraph } from "./paragraph.js";
import { textDirective } from "./reference.js";
import { containerDirective, leafDirective } from "./signatures.js";
import { table } from "./table.js";
import { html, inlineCode, lineBreak, text } from "./text.js";
import type { BlockHandlers, InlineHandlers } from "./types.js";

export { defaultBlock, defaultInline } from "./fallback.js";

export const blockHandlers: BlockHandlers = {
  heading,
  paragraph,
  list,
  table,
  containerDirective,
  leafDirective,
  blockquote,
};

export const inlineHandlers: InlineHandlers = {
  text,
  break: lineBreak,
  strong,
  emphasis,
  delete: strikethrough,
  inlineCode,
  html,
  link,
  linkReference,
  image,
  textDirective,
};

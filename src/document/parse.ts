import type { Root } from "mdast";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import { type Processor, unified } from "unified";

/**
 * GFM without autolinks of bare addresses: tables, strikethrough, footnotes and task lists, as
 * remark-gfm parses them. A contract's links keep only their text anyway (handlers/link.ts), so an
 * address reads the same either way, and the autolink scan, which looks at every word, makes
 * parsing a third slower.
 */
function remarkGfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

/** CommonMark + GFM (see above) + directives (`:avsnitt[id]`, `::signatur{…}`), frozen once. */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfmWithoutAutolinks)
  .use(remarkDirective)
  .freeze();

/** Parses iop Markdown into mdast (with positions, used to read raw source slices). */
export const parseMarkdown = (markdown: string): Root => processor.parse(markdown);

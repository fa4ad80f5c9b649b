import type { Root } from "mdast";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import { type Processor, unified } from "unified";

/**
 * The parts of GFM a contract uses: tables and strikethrough. remark-gfm would add autolinks of
 * bare addresses (a contract's links keep only their text anyway), footnotes and task lists, and
 * the autolink scan alone makes parsing a third slower.
 */
function remarkGfmTables(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(gfmTable(), gfmStrikethrough());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}

/** CommonMark + GFM tables + directives (`:avsnitt[id]`, `::signatur{…}`), frozen once. */
const processor = unified().use(remarkParse).use(remarkGfmTables).use(remarkDirective).freeze();

/** Parses iop Markdown into mdast (with positions, used to read raw source slices). */
export const parseMarkdown = (markdown: string): Root => processor.parse(markdown);

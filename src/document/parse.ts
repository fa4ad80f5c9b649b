import type { Nodes, Root } from "mdast";
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

/** A text directive node (its type comes with remark-directive). */
type TextDirective = Extract<Nodes, { type: "textDirective" }>;

/** A text directive with a label (`:part[id]`, `:avsnitt[id]`) and where it stands. */
export interface TextDirectiveAt {
  name: string;
  /** The label as written between the brackets (the id). */
  label: string;
  /** Offsets in the Markdown: the colon, the label's first character, just after the directive. */
  start: number;
  labelStart: number;
  end: number;
}

/**
 * What every labelled text directive is in the source: a colon, its name, then `[` (see
 * micromark-extension-directive, lib/directive-text.js and factory-name.js: a name holds no line
 * ending and no punctuation but `-` and `_`, so neither `:` nor `[`). Most texts have none, and
 * skip the parse.
 */
const MAY_HOLD_LABELLED_DIRECTIVE = /:[^\r\n:[]+\[/;

/**
 * The labelled text directives of a Markdown text, in order, as remark-directive parses them for
 * the documents: not inside code, not escaped. For rules that point at a directive or its id.
 */
export function textDirectives(markdown: string): TextDirectiveAt[] {
  if (!MAY_HOLD_LABELLED_DIRECTIVE.test(markdown)) return [];
  const found: TextDirectiveAt[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "textDirective") {
      const at = labelled(markdown, node);
      if (at) found.push(at);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(markdown));
  return found;
}

/** Where a text directive and its label stand, when it has a label (`:name[…]`). */
function labelled(markdown: string, node: TextDirective): TextDirectiveAt | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const labelStart = start + node.name.length + 2;
  if (markdown[labelStart - 1] !== "[") return undefined;
  const last = node.children.at(-1)?.position?.end.offset ?? labelStart;
  return { name: node.name, label: markdown.slice(labelStart, last), start, labelStart, end };
}

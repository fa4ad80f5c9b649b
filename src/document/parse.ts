import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** CommonMark + GFM (tables) + directives (`:avsnitt[id]`, `::signatur{…}`), frozen once. */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Parses iop Markdown into mdast (with positions, used to read raw source slices). */
export const parseMarkdown = (markdown: string): Root => processor.parse(markdown);

import type { Nodes, Root, RootContent } from "mdast";
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
import { type Data, type Processor, unified } from "unified";
import { inLongRun } from "../jit.js";
import { ownCopy, Recent } from "../recent.js";

/**
 * The syntax extensions iop Markdown is parsed with: GFM without autolinks of bare addresses
 * (tables, strikethrough, footnotes and task lists, as remark-gfm parses them; a contract's links
 * keep only their text anyway, handlers/link.ts, so an address reads the same either way, and the
 * autolink scan, which looks at every word, makes parsing a third slower) and directives
 * (`:avsnitt[id]`, `::signatur{…}`), in this order.
 *
 * Each extension is tried at every place its first character could start it (a table at the
 * start of every line), which costs even where it never matches; `possible` is a test that holds
 * whenever the extension could match anywhere in the text, read from its micromark tokenizer.
 * Parsing without an extension whose test fails gives the same tree as with it.
 */
const EXTENSIONS = [
  {
    // A definition `[^id]: …` and a call `[^id]` both start with `[^`; without a definition
    // there is no call.
    possible: (md: string) => md.includes("[^"),
    use: (p: Processor) => add(p, gfmFootnote(), gfmFootnoteFromMarkdown()),
  },
  {
    possible: (md: string) => md.includes("~"),
    use: (p: Processor) => add(p, gfmStrikethrough(), gfmStrikethroughFromMarkdown()),
  },
  {
    // A table's delimiter row has a pipe, or an alignment colon next to its dashes (`:-`, `-:`).
    possible: (md: string) => md.includes("|") || md.includes(":-") || md.includes("-:"),
    use: (p: Processor) => add(p, gfmTable(), gfmTableFromMarkdown()),
  },
  {
    // `[ ]`, `[x]`, `[X]` (the blank may be a tab or a line ending).
    possible: (md: string) => /\[(?:[\t\n\r xX]|\r\n)\]/.test(md),
    use: (p: Processor) => add(p, gfmTaskListItem(), gfmTaskListItemFromMarkdown()),
  },
  {
    // Every directive starts with a colon.
    possible: (md: string) => md.includes(":"),
    use: (p: Processor) => p.use(remarkDirective),
  },
] as const;

type MicromarkExtension = NonNullable<Data["micromarkExtensions"]>[number];
type FromMarkdownExtension = NonNullable<Data["fromMarkdownExtensions"]>[number];

/** Adds a micromark extension and its mdast one to a processor. */
function add(p: Processor, syntax: MicromarkExtension, mdast: FromMarkdownExtension): Processor {
  return p.use(function (this: Processor) {
    const data = this.data();
    data.micromarkExtensions ??= [];
    data.micromarkExtensions.push(syntax);
    data.fromMarkdownExtensions ??= [];
    data.fromMarkdownExtensions.push(mdast);
  });
}

/** The frozen processor per set of extensions (a bit per entry of EXTENSIONS), made on first use. */
const processors = new Map<number, Processor>();

function processorFor(mask: number): Processor {
  let processor = processors.get(mask);
  if (!processor) {
    processor = unified().use(remarkParse) as unknown as Processor;
    for (const [bit, extension] of EXTENSIONS.entries()) {
      if (mask & (1 << bit)) processor = extension.use(processor);
    }
    processor = processor.freeze();
    processors.set(mask, processor);
  }
  return processor;
}

/** The extensions that could match somewhere in the text, as a bit mask. */
const needed = (markdown: string): number =>
  EXTENSIONS.reduce((mask, e, bit) => (e.possible(markdown) ? mask | (1 << bit) : mask), 0);

/**
 * A parse of the whole text in one piece with every extension, whatever the text: what
 * `parseMarkdown` gives (for tests of its fast paths, the extensions left out and the pieces).
 */
export const parseWithAllExtensions = (markdown: string): Root =>
  processorFor((1 << EXTENSIONS.length) - 1).parse(markdown) as Root;

/** A text parsed in one piece, with the extensions it could need. */
const parseWhole = (markdown: string): Root =>
  processorFor(needed(markdown)).parse(markdown) as Root;

/**
 * What a text must be parsed whole for, as it is read across the whole text: footnotes and link
 * reference definitions (a reference anywhere reads a definition anywhere: `[^`, `]:`), and
 * carriage returns (line endings other than the ones `PIECE_START` knows).
 */
const WHOLE_ONLY = /\r|\[\^|\]:/;

/**
 * Where a block may open that runs on across blank lines, onto lines at the left margin: fenced
 * code (```, ~~~), a container directive (:::, the signatures), an HTML block (a line starting
 * with `<`, whose kinds 1–5 end only at their closing tag). From the first of them on, the text is
 * one piece.
 */
const SPANNING = /```|~~~|:::|(?:^|\n) {0,3}</;

/**
 * Where a text is cut into pieces: after a blank line, before a line that starts at the left
 * margin with a character that starts no list item or block quote (not a blank, `-`, `+`, `*`,
 * digit or `>`). In CommonMark such a line cannot continue any block open before the blank line
 * (paragraphs end at it, list items and indented code need indentation, a block quote its `>`;
 * the blocks that could are `SPANNING`), and a block is read from what comes before it only (but
 * for `WHOLE_ONLY`): the blocks on either side are the same parsed apart as together, only their
 * positions move.
 */
const PIECE_START = /\n\n(?=[^\s\-+*\d>])/g;

/** Where a node stands in the text, and a point of it (unist's types, as mdast gives them). */
type Position = NonNullable<Root["position"]>;
type Point = Position["start"];

/** Trees of the pieces parsed last, by their exact text (read only: `placed` copies them). */
const pieces = new Recent<string, Root>(2048);

/** How many pieces this process has parsed so far: for tests of the reuse. */
export const piecesParsed = (): number => pieces.made;

/** Forgets the pieces parsed before (for benchmarks of a first parse). */
export function forgetParsedPieces(): void {
  pieces.clear();
}

/**
 * A copy of a piece's node (or any value in it) with its positions moved down `lines` lines and
 * on `offset` characters.
 */
function placed<T>(value: T, lines: number, offset: number): T {
  if (Array.isArray(value)) return value.map((item) => placed(item, lines, offset)) as T;
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      key === "position" && item
        ? {
            start: moved((item as Position).start, lines, offset),
            end: moved((item as Position).end, lines, offset),
          }
        : placed(item, lines, offset);
  }
  return copy as T;
}

const moved = (point: Point, lines: number, offset: number): Point => ({
  line: point.line + lines,
  column: point.column,
  offset: (point.offset ?? 0) + offset,
});

/**
 * Parses iop Markdown into mdast (with positions, used to read raw source slices). In a long run
 * (src/jit.ts: `iop watch`, many agreements) a text is parsed piece by piece (`PIECE_START`), each
 * piece's tree kept by its text: the agreements built one after another (from the same templates,
 * or the same agreement after an edit) share most of their paragraphs, which are then not parsed
 * again. The tree is the one a parse of the whole text gives (test/document/parse.test.ts), and the
 * caller's own to change.
 */
export function parseMarkdown(markdown: string): Root {
  if (!inLongRun() || WHOLE_ONLY.test(markdown)) return parseWhole(markdown);
  const children: RootContent[] = [];
  let start = 0;
  let lines = 0;
  for (const end of pieceEnds(markdown)) {
    const text = markdown.slice(start, end);
    for (const child of pieces.getOrMake(text, parseWhole, ownCopy).children) {
      children.push(placed(child, lines, start));
    }
    lines += newlines(text);
    start = end;
  }
  const lastLine = markdown.lastIndexOf("\n") + 1;
  return {
    type: "root",
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines + 1, column: markdown.length - lastLine + 1, offset: markdown.length },
    },
  };
}

/**
 * Where the pieces of a text end: at each `PIECE_START` before the first `SPANNING`, and at the
 * text's end.
 */
function pieceEnds(markdown: string): number[] {
  const limit = SPANNING.exec(markdown)?.index ?? markdown.length;
  const cuts = [...markdown.matchAll(PIECE_START)].map((cut) => cut.index + 2);
  return [...cuts.filter((end) => end <= limit), markdown.length];
}

function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Trees of the documents parsed last: `iop watch` and a build's checks parse the same text again. */
const documents = new Recent<string, Root>(16);

/**
 * `parseMarkdown` for a caller that only reads the tree: a text parsed before in this process (by
 * its exact text, among the last few) gives the same tree object again instead of a new parse.
 * The tree must not be changed.
 */
export const parseMarkdownShared = (markdown: string): Root =>
  documents.getOrMake(markdown, parseMarkdown);

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

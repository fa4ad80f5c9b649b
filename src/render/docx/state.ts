import {
  DeletedTextRun,
  type FileChild,
  type InsertedTableRow,
  InsertedTextRun,
  type IParagraphOptions,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { Block, ChangeKind, DocumentTree, Inline } from "../../document/types.js";
import { DEFAULT_REVISION_AUTHOR, type DocxOptions } from "./options.js";

/** The attributes of one tracked change (`w:id`, `w:author`, `w:date`). */
export type Revision = ConstructorParameters<typeof InsertedTableRow>[0];

/** Formatting that inline content inherits from the nodes around it. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  /** Inside an inserted or deleted span or block of a redline. */
  change?: ChangeKind;
}

/** Where a block sits. */
export interface BlockContext {
  /** The redline change of the block or of a block around it. */
  change?: ChangeKind;
  /** List nesting depth (0 at the top level, 1 inside a list item …). */
  listLevel: number;
}

/** A block handler: one node to the Word paragraphs and tables that show it. */
export type BlockHandler<N = Block> = (state: State, node: N, context: BlockContext) => FileChild[];
/** An inline handler: one node to the runs (or tracked-change runs) that show it. */
export type InlineHandler<N = Inline> = (state: State, node: N, marks: Marks) => ParagraphChild[];

export type BlockHandlers = {
  [K in Block["type"]]: BlockHandler<Extract<Block, { type: K }>>;
};
export type InlineHandlers = {
  [K in Inline["type"]]: InlineHandler<Extract<Inline, { type: K }>>;
};

export interface Handlers {
  blocks: BlockHandlers;
  inlines: InlineHandlers;
  /** For block kinds this renderer does not know (see `handlers/unknown.ts`). */
  unknownBlock: BlockHandler<unknown>;
  /** For inline kinds this renderer does not know. */
  unknownInline: InlineHandler<unknown>;
}

/** Paragraph options a handler gives; the state adds children and redline marks. */
export type ParagraphOptions = Omit<IParagraphOptions, "children" | "text">;

/**
 * What handlers share while one document renders, and the helpers they call (after
 * mdast-util-to-hast's `state.one` / `state.all`).
 */
export interface State {
  readonly tree: DocumentTree;
  readonly options: DocxOptions;
  /** Whether headings take their numbers from Word's numbering (else the number is text). */
  readonly wordHeadingNumbers: boolean;
  /** Set once the copy label is on the page (the signatures handler prints it). */
  copyLabelWritten: boolean;
  /** Renders one block, passing its redline change on to what it contains. */
  one(block: Block, context: BlockContext): FileChild[];
  /** Renders blocks in order. */
  all(blocks: readonly Block[], context: BlockContext): FileChild[];
  /** Renders inline content. */
  inlines(nodes: readonly Inline[], marks: Marks): ParagraphChild[];
  /** A run of text or a line break with the given marks; tracked when `marks.change` is set. */
  run(content: { text: string } | { break: 1 }, marks: Marks): ParagraphChild;
  /** A paragraph; with `change`, its paragraph mark is tracked as inserted or deleted too. */
  paragraph(options: ParagraphOptions, children: ParagraphChild[], change?: ChangeKind): Paragraph;
  /** The attributes of a new tracked change: a fresh id, the author and the date. */
  revision(): Revision;
  /** A new list instance, so an ordered list counts from 1 again. */
  nextListInstance(): number;
}

/** `YYYY-MM-DD` becomes midnight UTC; a date-time is kept. */
const revisionDate = (date: string | undefined): string | undefined =>
  date === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;

export function createState(
  tree: DocumentTree,
  options: DocxOptions,
  handlers: Handlers,
  wordHeadingNumbers: boolean,
): State {
  const author = options.revision?.author ?? DEFAULT_REVISION_AUTHOR;
  const date = revisionDate(options.revision?.date);
  let revisionId = 0;
  let listInstance = 0;

  const state: State = {
    tree,
    options,
    wordHeadingNumbers,
    copyLabelWritten: false,
    one(block, context) {
      const inner = { ...context, change: block.change ?? context.change };
      const handler = handlers.blocks[block.type] as BlockHandler | undefined;
      return handler ? handler(state, block, inner) : handlers.unknownBlock(state, block, inner);
    },
    all(blocks, context) {
      return blocks.flatMap((block) => state.one(block, context));
    },
    inlines(nodes, marks) {
      return nodes.flatMap((node) => {
        const handler = handlers.inlines[node.type] as InlineHandler | undefined;
        return handler ? handler(state, node, marks) : handlers.unknownInline(state, node, marks);
      });
    },
    run(content, marks) {
      const run = {
        ...content,
        ...(marks.bold ? { bold: true } : {}),
        ...(marks.italics ? { italics: true } : {}),
      };
      if (marks.change === "ins") return new InsertedTextRun({ ...run, ...state.revision() });
      if (marks.change === "del") return new DeletedTextRun({ ...run, ...state.revision() });
      return new TextRun(run);
    },
    paragraph(options, children, change) {
      if (!change) return new Paragraph({ ...options, children });
      const mark =
        change === "ins" ? { insertion: state.revision() } : { deletion: state.revision() };
      return new Paragraph({ ...options, run: { ...options.run, ...mark }, children });
    },
    revision() {
      revisionId += 1;
      // docx types `date` as required, but leaves the attribute out when it is undefined, which is
      // what OOXML allows (w:date is optional) and what we want when no date is known.
      return { id: revisionId, author, date } as Revision;
    },
    nextListInstance() {
      listInstance += 1;
      return listInstance;
    },
  };
  return state;
}

import {
  DeletedTextRun,
  type FileChild,
  type InsertedTableRow,
  InsertedTextRun,
  type IParagraphOptions,
  Paragraph,
  type ParagraphChild,
  Table,
  TextRun,
} from "docx";
import type { Block, ChangeKind, DocumentTree, Inline } from "../../document/types.js";
import {
  blockHandler,
  type Handler,
  inlineHandler,
  type Handlers as SharedHandlers,
} from "../handlers.js";
import { DEFAULT_REVISION_AUTHOR, type DocxOptions, type MovePlace } from "./options.js";

/** The attributes of one tracked change (`w:id`, `w:author`, `w:date`). */
export type Revision = ConstructorParameters<typeof InsertedTableRow>[0];

/** Formatting that inline content inherits from the nodes around it. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  /** Inside an inserted or deleted span or block of a redline. */
  change?: ChangeKind;
  /** The change comes from an inline `change` node (not from the block around it). */
  inline?: boolean;
}

/** A tracked change the renderer writes as move markup (see `moves.ts`), by revision id. */
export interface MoveRevision {
  /** Which side of the move the revision is. */
  kind: "from" | "to";
  name: string;
  /**
   * A deletion inside moved-to text (words the moved text lost): written nested in the move,
   * `<w:moveTo><w:del>…</w:del></w:moveTo>`, so that rejecting the move takes it away too.
   */
  deletion?: true;
}

/** Where a block sits. */
export interface BlockContext {
  /** The redline change of the block or of a block around it. */
  change?: ChangeKind;
  /** List nesting depth (0 at the top level, 1 inside a list item …). */
  listLevel: number;
  /**
   * Keep the block on the page of what follows it: `w:keepNext` on all its paragraphs (in a table,
   * on every cell's, which keeps each row with the next). Set on the blocks that lead into the
   * signatures (see `keep.ts`) and passed on to the blocks inside them.
   */
  keepWithNext?: boolean;
  /**
   * The block comes right after a table among its siblings: its first paragraph gets room above
   * (a table has no spacing after of its own). Set by `state.all` for each block.
   */
  afterTable?: boolean;
  /** The next sibling block is a table. Set by `state.all` for each block. */
  beforeTable?: boolean;
}

/** The Word renderer's handler types: blocks in their placement, inlines with their marks. */
export interface DocxTypes {
  state: State;
  inlineState: State;
  block: FileChild[];
  inline: ParagraphChild[];
  blockArgs: [context: BlockContext];
  inlineArgs: [marks: Marks];
}

/** A block handler: one node to the Word paragraphs and tables that show it. */
export type BlockHandler<N = Block> = Handler<State, N, FileChild[], [context: BlockContext]>;
/** An inline handler: one node to the runs (or tracked-change runs) that show it. */
export type InlineHandler<N = Inline> = Handler<State, N, ParagraphChild[], [marks: Marks]>;

export type Handlers = SharedHandlers<DocxTypes>;

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
  /**
   * Renders one block, passing its redline change, and whether it is kept with what follows, on
   * to what it contains.
   */
  one(block: Block, context: BlockContext): FileChild[];
  /**
   * Renders sibling blocks in order, telling each whether it follows a table (`afterTable`) or
   * comes right before one (`beforeTable`), and
   * putting an empty paragraph between two tables, which Word would otherwise join into one.
   */
  all(blocks: readonly Block[], context: BlockContext): FileChild[];
  /** Renders inline content. */
  inlines(nodes: readonly Inline[], marks: Marks): ParagraphChild[];
  /** A run of text or a line break with the given marks; tracked when `marks.change` is set. */
  run(content: { text: string } | { break: 1 }, marks: Marks): ParagraphChild;
  /** A paragraph; with `change`, its paragraph mark is tracked as inserted or deleted too. */
  paragraph(options: ParagraphOptions, children: ParagraphChild[], change?: ChangeKind): Paragraph;
  /** The attributes of a new tracked change: a fresh id, the author and the date. */
  revision(): Revision;
  /**
   * The `insertion` or `deletion` mark of a paragraph or table row in a redline, or none. Inside
   * a moved block a paragraph's mark is part of the move; a table row's (`row`) cannot be.
   */
  tracked(
    change: ChangeKind | null | undefined,
    row?: boolean,
  ): { insertion?: Revision; deletion?: Revision };
  /**
   * The heading numbering's list instance: 0 for the document, counted up at each block of
   * `redline.restartNumbering`, so each document of a combined redline numbers from 1.
   */
  readonly headingInstance: number;
  /** Whether the block being rendered is moved-to text (not a change of its own inside it). */
  inMovedText(): boolean;
  /** The revisions written as moves, by id (filled while rendering). */
  readonly moveRevisions: Map<number, MoveRevision>;
  /** A new list instance, so an ordered list counts from 1 again. */
  nextListInstance(): number;
}

/** Room above the first paragraph after a table: 10 pt, as in the PDF. */
export const SPACE_AFTER_TABLE = 200;

/**
 * The paragraph options a block's place gives one of its paragraphs (`first`: the block's first):
 * `w:keepNext` when the block is kept with what follows, room above the block's first paragraph
 * when the block follows a table. A heading takes only the first: its style gives it more room
 * above than a table's.
 */
export function placement(context: BlockContext, first: boolean): ParagraphOptions {
  return {
    ...(context.keepWithNext ? { keepNext: true } : {}),
    ...(first && context.afterTable ? { spacing: { before: SPACE_AFTER_TABLE } } : {}),
  };
}

/**
 * The tracked change of the empty paragraph between two tables whose blocks have these changes, so
 * that it is there exactly when both tables are: after accepting every change (neither table
 * deleted) and after rejecting every change (neither inserted). "none" when it is never needed
 * (a deleted table next to an inserted one), undefined when it is always there.
 */
export function separatorChange(
  before: ChangeKind | undefined,
  after: ChangeKind | undefined,
): ChangeKind | undefined | "none" {
  const accepted = before !== "del" && after !== "del";
  const rejected = before !== "ins" && after !== "ins";
  return accepted && rejected ? undefined : accepted ? "ins" : rejected ? "del" : "none";
}

/** What `createState` is told about the document as a whole, worked out before rendering. */
export interface Layout {
  /** Whether headings take their numbers from Word's numbering (see `wordNumbersMatch`). */
  wordHeadingNumbers: boolean;
  /** Blocks kept on the page of what follows them (see `leadIntoSignatures`). */
  keepWithNext: ReadonlySet<Block>;
}

/** `YYYY-MM-DD` becomes midnight UTC; a date-time is kept. */
const revisionDate = (date: string | undefined): string | undefined =>
  date === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;

export function createState(
  tree: DocumentTree,
  options: DocxOptions,
  handlers: Handlers,
  layout: Layout,
): State {
  const author = options.revision?.author ?? DEFAULT_REVISION_AUTHOR;
  const date = revisionDate(options.revision?.date);
  let revisionId = 0;
  let listInstance = 0;
  let headingInstance = 0;
  const moves = options.redline?.moves;
  /**
   * The move being rendered, and whether the current block is a change of its own inside it (an
   * inserted paragraph within a moved section is an insertion, not part of the move).
   */
  let move: { place: MovePlace; own: boolean } | undefined;
  const moveRevisions = new Map<number, MoveRevision>();
  /** A revision that belongs to the current move when `change` is the move's own kind. */
  const moveRevision = (change: ChangeKind | undefined, inline: boolean): Revision => {
    const revision = state.revision();
    if (move && !move.own && change !== undefined) {
      const movedKind = move.place.place === "to" ? "ins" : "del";
      const id = (revision as { id: number }).id;
      if (!inline && change === movedKind) {
        moveRevisions.set(id, { kind: move.place.place, name: move.place.name });
      } else if (inline && change === "del" && move.place.place === "to") {
        moveRevisions.set(id, { kind: "to", name: move.place.name, deletion: true });
      }
    }
    return revision;
  };

  const state: State = {
    tree,
    options,
    wordHeadingNumbers: layout.wordHeadingNumbers,
    copyLabelWritten: false,
    one(block, context) {
      const inner: BlockContext = {
        ...context,
        change: block.change ?? context.change,
        keepWithNext: context.keepWithNext || layout.keepWithNext.has(block),
      };
      const handler = blockHandler(handlers, block);
      if (options.redline?.restartNumbering?.has(block)) headingInstance += 1;
      const outer = move;
      const place = moves?.get(block);
      if (place) move = { place, own: false };
      else if (move && block.change !== undefined) move = { ...move, own: true };
      try {
        return handler(state, block, inner);
      } finally {
        move = outer;
      }
    },
    all(blocks, context) {
      const out: FileChild[] = [];
      let previous: ChangeKind | undefined;
      for (const [k, block] of blocks.entries()) {
        const change = block.change ?? context.change;
        const afterTable = out.at(-1) instanceof Table;
        const beforeTable = blocks[k + 1]?.type === "table";
        const rendered = state.one(block, { ...context, afterTable, beforeTable });
        if (afterTable && rendered[0] instanceof Table) {
          const between = separatorChange(previous, change);
          if (between !== "none") {
            out.push(state.paragraph({ spacing: { before: 0, after: 0 } }, [], between));
          }
        }
        out.push(...rendered);
        previous = change;
      }
      return out;
    },
    inlines(nodes, marks) {
      return nodes.flatMap((node) => inlineHandler(handlers, node)(state, node, marks));
    },
    inMovedText() {
      return move?.place.place === "to" && !move.own;
    },
    run(content, marks) {
      const run = {
        ...content,
        ...(marks.bold ? { bold: true } : {}),
        ...(marks.italics ? { italics: true } : {}),
      };
      const inline = marks.inline === true;
      if (marks.change === "ins") {
        return new InsertedTextRun({ ...run, ...moveRevision("ins", inline) });
      }
      if (marks.change === "del") {
        return new DeletedTextRun({ ...run, ...moveRevision("del", inline) });
      }
      return new TextRun(run);
    },
    paragraph(options, children, change) {
      if (!change) return new Paragraph({ ...options, children });
      return new Paragraph({
        ...options,
        run: { ...options.run, ...state.tracked(change) },
        children,
      });
    },
    tracked(change, row) {
      const revision = () => (row ? state.revision() : moveRevision(change ?? undefined, false));
      if (change === "ins") return { insertion: revision() };
      if (change === "del") return { deletion: revision() };
      return {};
    },
    moveRevisions,
    get headingInstance() {
      return headingInstance;
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

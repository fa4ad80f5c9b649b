/**
 * `--format docx`: the new version as one Word document with the changes as native tracked
 * changes (w:ins / w:del), which Word and LibreOffice list and can accept or reject one by one.
 */
import type {
  Block,
  ChangeKind,
  DocumentMeta,
  DocumentTree,
  HeadingNode,
  Inline,
} from "../../document/types.js";
import { known } from "../../model.js";
import type { MovePlace, RedlineOptions } from "../../render/docx/options.js";
import type { Overenskommelse } from "../../schemas/types.generated.js";
import { acceptAll, rejectAll } from "../accept.js";
import type { VersionDiff, VersionInfo } from "../compare.js";
import { diffInline } from "../inline.js";
import type { DocumentRedline, SectionChange } from "../redline.js";
import type { SummaryItem } from "../summary/index.js";

/** Author of the tracked changes. */
export const REVISION_AUTHOR = "iop diff";

/** One document of a combined tree: its blocks, and how its title changed or whether it was added or removed. */
export interface CombinedPart {
  tree: DocumentTree;
  change?: ChangeKind;
  /** The old title and subtitle, to redline them (a document in both versions). */
  oldMeta?: DocumentMeta;
}

const line = (value: string | undefined): Inline[] => (value ? [{ type: "text", value }] : []);

/**
 * A bilaga's title (bold) and subtitle as paragraphs where it starts in the combined document;
 * redlined word by word against the old title when there is one.
 */
function titleBlock({ tree, change, oldMeta }: CombinedPart): Block[] {
  const paragraph = (
    before: string | undefined,
    after: string | undefined,
    bold: boolean,
  ): Block[] => {
    let content = line(after);
    let kind = change;
    if (oldMeta && before !== after) {
      if (!after) {
        kind = "del";
        content = line(before);
      } else if (!before) {
        kind = "ins";
      } else {
        content = diffInline(line(before), line(after)).children;
      }
    }
    if (content.length === 0) return [];
    return [
      {
        type: "paragraph",
        children: bold ? [{ type: "strong", children: content }] : content,
        ...(kind ? { change: kind } : {}),
      },
    ];
  };
  return [
    ...paragraph(oldMeta?.title, tree.meta.title, true),
    ...paragraph(oldMeta?.subtitle, tree.meta.subtitle, false),
  ];
}

/**
 * The agreement followed by each bilaga (its title as a bold paragraph, then its sections), as
 * one tree: one file to review. Works on plain documents and on redlines alike. The first
 * document's title is the page title (Word's Title style and header).
 */
export function combineDocuments(documents: readonly CombinedPart[]): DocumentTree {
  return combine(documents).tree;
}

/** {@link combineDocuments}, and the title paragraphs of the documents after the first. */
function combine(documents: readonly CombinedPart[]): {
  tree: DocumentTree;
  titles: Block[];
  starts: Block[];
} {
  const [first, ...rest] = documents;
  if (!first) throw new Error("combineDocuments needs at least one document");
  const titles: Block[] = [];
  const starts: Block[] = [];
  const children = [...first.tree.children];
  for (const part of rest) {
    const title = titleBlock(part);
    titles.push(...title);
    const start = title[0] ?? part.tree.children[0];
    if (start) starts.push(start);
    children.push(...title, ...part.tree.children);
  }
  return { tree: { ...first.tree, children }, titles, starts };
}

const changeOf = (doc: DocumentRedline): ChangeKind | undefined =>
  doc.status === "added" ? "ins" : doc.status === "removed" ? "del" : undefined;

/** The agreement first, then the bilagor in the comparison's order. */
const agreementFirst = (documents: readonly DocumentRedline[]): DocumentRedline[] =>
  [...documents].sort(
    (a, b) => Number(b.kind === "overenskommelse") - Number(a.kind === "overenskommelse"),
  );

const part = (doc: DocumentRedline): CombinedPart => ({
  tree: doc.tree,
  change: changeOf(doc),
  ...(doc.oldMeta ? { oldMeta: doc.oldMeta } : {}),
});

/** The combined redline of a comparison (the agreement first). */
export const redlineTree = (diff: VersionDiff): DocumentTree =>
  combineDocuments(agreementFirst(diff.documents).map(part));

/** A text redlined word by word: old → new, or wholly inserted or deleted. */
function textChange(before: string | undefined, after: string | undefined, kind?: ChangeKind) {
  if (kind && after) return [{ type: "change" as const, kind, children: line(after) }];
  if (before === undefined || before === after) return line(after);
  if (!after)
    return before
      ? [{ type: "change" as const, kind: "del" as const, children: line(before) }]
      : [];
  if (!before) return [{ type: "change" as const, kind: "ins" as const, children: line(after) }];
  return diffInline(line(before), line(after)).children;
}

const dnr = (value: string | undefined) =>
  value?.trim() ? `Dnr\u00a0${value.trim()}` : value === undefined ? undefined : "";

/** The parts of a comparison's Word redline: the combined tree and its revision markup. */
export interface WordRedline {
  tree: DocumentTree;
  redline: RedlineOptions;
}

/** What the first page of a Word redline says about the two versions. */
export interface CoverInfo {
  /** The versions compared, when known (a single document's redline may not know them). */
  old?: VersionInfo;
  new?: VersionInfo;
  summary: readonly SummaryItem[];
}

const versionLine = (label: string, v: VersionInfo): string =>
  `${label}: ${v.label} (${v.id}${v.date ? `, ${v.date}` : ""})`;

/** The cover page: the data summary in Swedish, outside the tracked changes. */
export function coverBlocks(info: CoverInfo): Block[] {
  const text = (value: string): Inline[] => [{ type: "text", value }];
  const paragraph = (children: Inline[]): Block => ({ type: "paragraph", children });
  return [
    paragraph([{ type: "strong", children: text("Jämförelse av två versioner") }]),
    ...(info.old && info.new
      ? [
          paragraph([
            ...text(versionLine("Tidigare version", info.old)),
            { type: "break" },
            ...text(versionLine("Ny version", info.new)),
          ]),
        ]
      : []),
    paragraph([{ type: "strong", children: text("Sammanfattning av ändringarna") }]),
    info.summary.length > 0
      ? {
          type: "list",
          ordered: false,
          items: info.summary.map((item) => [paragraph(text(item.text))]),
        }
      : paragraph(text("Inga ändringar i uppgifterna; texten skiljer sig enligt nedan.")),
    paragraph(
      text(
        "Ändringarna i texten efter denna sida är spårade ändringar. Godkänn alla ändringar för att få den nya versionen och avvisa alla för att få den tidigare. Flyttade avsnitt är markerade som flyttningar; text som lagts till eller strukits i ett flyttat avsnitt är infogad eller borttagen text där avsnittet står nu, och dess tidigare lydelse står som flyttad text där det stod. Rubrikernas nummer är Words egen numrering; ett nummer som ändrats är en spårad styckeformatändring. Denna sida ingår inte i någon av versionerna.",
      ),
    ),
  ];
}

/**
 * The Word redline of documents (one, or the agreement and its bilagor): the combined tree and
 * what Word needs beyond its change marks: the title, subtitle and header compared like text,
 * the old level and numbering of each heading, the moves, the bilaga titles kept with what
 * follows them, and the summary on a cover page when `cover` is given.
 */
export function wordRedline(documents: readonly DocumentRedline[], cover?: CoverInfo): WordRedline {
  const ordered = agreementFirst(documents);
  const previousHeadings = new Map<HeadingNode, { depth: 1 | 2 | 3; numbered: boolean }>();
  const moves = new Map<Block, MovePlace>();
  const replaced = new Map<Block, Block[]>();
  for (const doc of ordered) {
    for (const s of doc.sections) {
      noteHeadingChange(s, previousHeadings, replaced);
      noteMovedHeading(s, previousHeadings);
      if (s.moved && s.place) {
        const name = `flytt:${doc.name}:${s.key}`;
        for (const block of s.moved) moves.set(block, { place: s.place, name });
      }
    }
  }
  const withReplacements = (doc: DocumentRedline): DocumentRedline =>
    replaced.size === 0
      ? doc
      : {
          ...doc,
          tree: {
            ...doc.tree,
            children: doc.tree.children.flatMap((b) => replaced.get(b) ?? [b]),
          },
        };
  const { tree, titles, starts } = combine(ordered.map(withReplacements).map(part));
  const first = ordered[0] as DocumentRedline;
  const kind = changeOf(first);
  const title = textChange(first.oldMeta?.title, tree.meta.title, kind);
  return {
    tree,
    redline: {
      title,
      subtitle: textChange(first.oldMeta?.subtitle, tree.meta.subtitle, kind),
      header: {
        title,
        diarienummer: textChange(
          dnr(first.oldMeta?.diarienummer),
          dnr(tree.meta.diarienummer),
          kind,
        ),
      },
      ...(cover ? { cover: coverBlocks(cover) } : {}),
      previousHeadings,
      moves,
      keepWithNext: new Set(titles),
      restartNumbering: new Set(starts),
    },
  };
}

/** Records how Word shows a section's heading that was renumbered or changed level. */
function noteHeadingChange(
  s: SectionChange,
  previousHeadings: Map<HeadingNode, { depth: 1 | 2 | 3; numbered: boolean }>,
  replaced: Map<Block, Block[]>,
): void {
  const heading = s.blocks[0];
  if (heading?.type !== "heading" || s.oldDepth === undefined || s.status === "moved") return;
  const numbered = s.oldNumbered ?? true;
  if (s.oldDepth !== heading.depth || numbered !== (heading.number !== "")) {
    // Another level, or numbered in one version only: the old heading deleted and the new
    // one inserted, which every reader accepts and rejects (LibreOffice 7.4 gives a rejected
    // w:pPrChange's direct properties back, but not its paragraph style).
    replaced.set(heading, headingReplacement(heading, s.oldDepth, s.oldNumber ?? ""));
  } else if ((s.oldNumber ?? "") !== (s.newNumber ?? "")) {
    // Renumbered: the same properties, so Word's numbering gives either version's number;
    // the tracked property change lists the renumbering among the changes.
    previousHeadings.set(heading, { depth: s.oldDepth, numbered });
  }
}

/**
 * A moved heading keeps its move markup; its old level and number are a tracked property change
 * of the moved-to paragraph. (As a deletion and an insertion, the move would lose its heading;
 * and LibreOffice 7.4, rejecting every change, otherwise leaves the text that follows a long run
 * of inserted and moved-to paragraphs in this heading's paragraph, at the new level: Stockholm's
 * "4 Ledning och samverkan" came back as "3.1".)
 */
function noteMovedHeading(
  s: SectionChange,
  previousHeadings: Map<HeadingNode, { depth: 1 | 2 | 3; numbered: boolean }>,
): void {
  const heading = s.blocks[0];
  if (heading?.type !== "heading" || s.oldDepth === undefined) return;
  if (s.status !== "moved" || s.place !== "to") return;
  const numbered = s.oldNumbered ?? true;
  if (
    s.oldDepth !== heading.depth ||
    numbered !== (heading.number !== "") ||
    (s.oldNumber ?? "") !== (s.newNumber ?? "")
  ) {
    previousHeadings.set(heading, { depth: s.oldDepth, numbered });
  }
}

/** A heading whose level or numbering changed: the old one deleted, the new one inserted. */
function headingReplacement(heading: HeadingNode, oldDepth: 1 | 2 | 3, oldNumber: string): Block[] {
  // acceptAll and rejectAll resolve a tree; only its blocks matter here.
  const resolved = (resolve: typeof acceptAll) =>
    resolve({ children: [heading] } as unknown as DocumentTree).children[0] as HeadingNode;
  return [
    { ...resolved(rejectAll), depth: oldDepth, number: oldNumber, change: "del" },
    { ...resolved(acceptAll), change: "ins" },
  ];
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date of a redline's changes: the first full date (`YYYY-MM-DD`) among `candidates` (the
 * caller passes them from the version data, most fitting first: see {@link changeDateOf}); else
 * `SOURCE_DATE_EPOCH` (the reproducible-builds convention) when set; else undefined, and the
 * tracked changes carry no `w:date` (OOXML makes it optional). Never the clock: the same input
 * gives the same bytes on any day.
 */
export function revisionDate(...candidates: (string | undefined)[]): string | undefined {
  const known = candidates.find((date) => date !== undefined && FULL_DATE.test(date));
  if (known) return known;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch)
    ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10)
    : undefined;
}

/**
 * The dates in two versions' data that can date the changes between them, most fitting first:
 * the new version's `versionsdatum`, its decision's date (`beslut.datum`), its period's start
 * (when a full date), then the old version's `versionsdatum`.
 */
export function changeDateOf(
  oldData: Overenskommelse | undefined,
  newData: Overenskommelse | undefined,
): string | undefined {
  return revisionDate(
    known(newData?.versionsdatum),
    known(newData?.beslut?.datum),
    newData?.period.start,
    known(oldData?.versionsdatum),
  );
}

/** Renders a Word redline: tracked changes by "iop diff" on the given date. */
export async function renderWordRedline(
  word: WordRedline,
  date: string | undefined,
): Promise<Uint8Array> {
  // Loaded when asked for: the Word library is large, and the other formats do not need it.
  const { renderDocx } = await import("../../render/docx/index.js");
  return renderDocx(word.tree, {
    revision: { author: REVISION_AUTHOR, ...(date ? { date } : {}) },
    redline: word.redline,
  });
}

/** The redline as .docx: the summary page, then every document with its tracked changes. */
export function renderDocxDiff(diff: VersionDiff): Promise<Uint8Array> {
  return renderWordRedline(
    wordRedline(diff.documents, { old: diff.old, new: diff.new, summary: diff.summary }),
    diff.date,
  );
}

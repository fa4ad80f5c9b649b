/**
 * `--format docx`: the new version as one Word document with the changes as native tracked
 * changes (w:ins / w:del), which Word and LibreOffice list and can accept or reject one by one.
 */
import type {
  Block,
  ChangeKind,
  DocumentMeta,
  DocumentTree,
  Inline,
} from "../../document/types.js";
import type { VersionDiff } from "../compare.js";
import { diffInline } from "../inline.js";
import type { DocumentRedline } from "../redline.js";

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
 * document's title is the page title (Word's Title style and header), which a redline cannot mark.
 */
export function combineDocuments(documents: readonly CombinedPart[]): DocumentTree {
  const [first, ...rest] = documents;
  if (!first) throw new Error("combineDocuments needs at least one document");
  return {
    ...first.tree,
    children: [
      ...first.tree.children,
      ...rest.flatMap((part) => [...titleBlock(part), ...part.tree.children]),
    ],
  };
}

const changeOf = (doc: DocumentRedline): ChangeKind | undefined =>
  doc.status === "added" ? "ins" : doc.status === "removed" ? "del" : undefined;

/** The combined redline of a comparison (the agreement first). */
export const redlineTree = (diff: VersionDiff): DocumentTree =>
  combineDocuments(
    [...diff.documents]
      .sort((a, b) => Number(b.kind === "overenskommelse") - Number(a.kind === "overenskommelse"))
      .map((doc) => ({
        tree: doc.tree,
        change: changeOf(doc),
        ...(doc.oldMeta ? { oldMeta: doc.oldMeta } : {}),
      })),
  );

/** The redline as .docx: tracked changes by "iop diff", dated with the new version's date. */
export async function renderDocxDiff(diff: VersionDiff): Promise<Uint8Array> {
  // Loaded when asked for: the Word library is large, and the other formats do not need it.
  const { renderDocx } = await import("../../render/docx/index.js");
  const tree = redlineTree(diff);
  return renderDocx(tree, {
    revision: { author: REVISION_AUTHOR, ...(tree.meta.date ? { date: tree.meta.date } : {}) },
  });
}

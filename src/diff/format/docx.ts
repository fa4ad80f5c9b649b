/**
 * `--format docx`: the new version as one Word document with the changes as native tracked
 * changes (w:ins / w:del), which Word and LibreOffice list and can accept or reject one by one.
 */
import type { Block, ChangeKind, DocumentTree } from "../../document/types.js";
import { renderDocx } from "../../render/docx/index.js";
import type { VersionDiff } from "../compare.js";
import type { DocumentRedline } from "../redline.js";

/** Author of the tracked changes. */
export const REVISION_AUTHOR = "iop diff";

/** A bilaga's title as a bold paragraph where it starts in the combined document. */
const titleBlock = (tree: DocumentTree, change?: ChangeKind): Block[] =>
  [tree.meta.title, tree.meta.subtitle]
    .filter((t): t is string => Boolean(t))
    .map((value, k) => ({
      type: "paragraph",
      children:
        k === 0
          ? [{ type: "strong", children: [{ type: "text", value }] }]
          : [{ type: "text", value }],
      ...(change ? { change } : {}),
    }));

/**
 * The agreement followed by each bilaga (its title as a bold paragraph, then its sections), as
 * one tree: one file to review. Works on plain documents and on redlines alike.
 */
export function combineDocuments(
  documents: readonly { tree: DocumentTree; change?: ChangeKind }[],
): DocumentTree {
  const [first, ...rest] = documents;
  if (!first) throw new Error("combineDocuments needs at least one document");
  return {
    ...first.tree,
    children: [
      ...first.tree.children,
      ...rest.flatMap(({ tree, change }) => [...titleBlock(tree, change), ...tree.children]),
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
      .map((doc) => ({ tree: doc.tree, change: changeOf(doc) })),
  );

/** The redline as .docx: tracked changes by "iop diff", dated with the new version's date. */
export function renderDocxDiff(diff: VersionDiff): Promise<Uint8Array> {
  const tree = redlineTree(diff);
  return renderDocx(tree, {
    revision: { author: REVISION_AUTHOR, ...(tree.meta.date ? { date: tree.meta.date } : {}) },
  });
}

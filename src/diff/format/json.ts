/**
 * `--format json`: the comparison for tools. The shape is stable (`version` is raised when it
 * changes incompatibly):
 *
 * ```
 * {
 *   "format": "iop-diff", "version": 1,
 *   "old": { "label", "id", "date"? }, "new": { … },
 *   "identical": boolean,
 *   "summary": [ { "kind", "text", "document"?, "old"?, "new"? } ],
 *   "documents": [ {
 *     "name", "oldName"?, "kind", "title",
 *     "status": "unchanged" | "changed" | "added" | "removed",
 *     "sections": [ {                       // only sections that changed, moved or were renamed
 *       "key", "id"?, "heading", "oldHeading"?, "oldNumber"?, "newNumber"?,
 *       "status": "unchanged" | "changed" | "added" | "removed" | "moved",
 *       "place"?: "from" | "to", "changed"?, "withParent"?, "parentChanged"?,
 *       "changes": [ { "kind": "ins" | "del", "text" } ]
 *     } ]
 *   } ]
 * }
 * ```
 */
import type { VersionDiff } from "../compare.js";
import { blockChanges } from "./changes.js";

export const JSON_FORMAT_VERSION = 1;

export function toJson(diff: VersionDiff): unknown {
  return {
    format: "iop-diff",
    version: JSON_FORMAT_VERSION,
    old: diff.old,
    new: diff.new,
    identical: diff.identical,
    summary: diff.summary,
    documents: diff.documents.map((doc) => ({
      name: doc.name,
      ...(doc.oldName ? { oldName: doc.oldName } : {}),
      kind: doc.kind,
      title: doc.title,
      status: doc.status,
      sections: doc.sections
        .filter((s) => s.status !== "unchanged" || s.parentChanged || s.oldHeading)
        .map(({ blocks, moved: _, oldDepth: __, oldNumbered: ___, ...section }) => ({
          ...section,
          changes: blockChanges(blocks),
        })),
    })),
  };
}

export const renderJson = (diff: VersionDiff): string =>
  `${JSON.stringify(toJson(diff), null, 2)}\n`;

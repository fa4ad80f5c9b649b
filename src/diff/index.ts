/**
 * `iop diff`: what changed between two versions of an agreement.
 *
 * - {@link diffVersions} compares two loaded versions: a data-level summary ({@link SummaryItem})
 *   and a redline of each document ({@link DocumentRedline}).
 * - {@link redlineDocument} redlines one document tree against another;
 *   {@link renderDocumentRedline} / {@link writeDocumentRedline} give its Word and HTML redline.
 * - Formats: {@link renderText}, {@link renderJson}, {@link renderHtmlDiff}, {@link renderDocxDiff}.
 */
export { acceptAll, rejectAll } from "./accept.js";
export { diffVersions, type Version, type VersionDiff, type VersionInfo } from "./compare.js";
export {
  type CoverInfo,
  changeDateOf,
  combineDocuments,
  REVISION_AUTHOR,
  redlineTree,
  renderDocxDiff,
  renderWordRedline,
  revisionDate,
  type WordRedline,
  wordRedline,
} from "./format/docx.js";
export { type HtmlDiffOptions, renderDocumentHtmlDiff, renderHtmlDiff } from "./format/html.js";
export { JSON_FORMAT_VERSION, renderJson, toJson } from "./format/json.js";
export { renderText, type TextOptions } from "./format/text.js";
export {
  type DocumentRedline,
  type DocumentStatus,
  redlineDocument,
  type SectionChange,
  type SectionStatus,
} from "./redline.js";
export {
  type DocumentRedlineOptions,
  type DocumentRedlineOutput,
  documentSummary,
  renderDocumentRedline,
  renderRedlineOf,
  writeDocumentRedline,
} from "./single.js";
export type { SummaryItem, SummaryKind } from "./summary/index.js";
export { summarize } from "./summary/index.js";

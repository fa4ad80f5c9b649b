/**
 * The redline of one document pair (the agreement, or one bilaga, in two versions): its Word and
 * HTML redline, each with a summary of the document's changes first. `iop diff --split` writes one
 * per document; `iop build` can write a bilaga's redline beside it.
 */

import type { DocumentTree } from "../document/types.js";
import { writeFileAtomically } from "../package/write.js";
import type { VersionInfo } from "./compare.js";
import { renderWordRedline, revisionDate, wordRedline } from "./format/docx.js";
import { type HtmlDiffOptions, renderDocumentHtmlDiff } from "./format/html.js";
import { type DocumentRedline, redlineDocument } from "./redline.js";
import { arrow } from "./summary/format.js";
import type { SummaryItem } from "./summary/index.js";
import { sectionChanges } from "./summary/sections.js";

export interface DocumentRedlineOptions extends HtmlDiffOptions {
  /**
   * Date of the tracked changes (`YYYY-MM-DD`); default: the new document's date, else the old
   * document's, else `SOURCE_DATE_EPOCH`, else none (the changes carry no date). Never the clock.
   */
  date?: string;
  /** The versions compared, named on the summary page. */
  versions?: { old: VersionInfo; new: VersionInfo };
  /** The summary's items; default: the document's title and its sections' changes. */
  summary?: readonly SummaryItem[];
}

export interface DocumentRedlineOutput {
  redline: DocumentRedline;
  /** Whether the two versions differ at all. */
  changed: boolean;
  docx: Uint8Array;
  html: string;
}

/** The summary of one document's changes: its title, then its sections. */
export function documentSummary(redline: DocumentRedline): SummaryItem[] {
  const items: SummaryItem[] = [];
  const before = redline.oldMeta?.title;
  if (before !== undefined && before !== redline.title) {
    items.push({
      kind: "titel",
      text: `Titel: ${arrow(before, redline.title)}`,
      document: redline.name,
    });
  }
  if (redline.status === "added") {
    items.push({
      kind: "bilaga-tillagd",
      text: `Dokument tillagt: ${redline.title}`,
      document: redline.name,
    });
  } else if (redline.status === "removed") {
    items.push({
      kind: "bilaga-borttagen",
      text: `Dokument borttaget: ${redline.title}`,
      document: redline.name,
    });
  }
  return [...items, ...sectionChanges([redline], new Map())];
}

/**
 * Redlines one document against its earlier version and renders the Word and HTML redline.
 * `oldTree` undefined: the document is new; `newTree` undefined: it was removed.
 */
export async function renderDocumentRedline(
  oldTree: DocumentTree | undefined,
  newTree: DocumentTree | undefined,
  options: DocumentRedlineOptions = {},
): Promise<DocumentRedlineOutput> {
  const redline = redlineDocument(oldTree, newTree);
  return renderRedlineOf(redline, options);
}

/** The Word and HTML redline of a document already redlined (one entry of a comparison). */
export async function renderRedlineOf(
  redline: DocumentRedline,
  options: DocumentRedlineOptions = {},
): Promise<DocumentRedlineOutput> {
  const summary = options.summary ?? documentSummary(redline);
  const docx = await renderWordRedline(
    wordRedline([redline], { ...(options.versions ?? {}), summary }),
    options.date ?? revisionDate(newDate(redline), redline.oldMeta?.date),
  );
  const html = renderDocumentHtmlDiff(redline, summary, options);
  return { redline, changed: redline.status !== "unchanged", docx, html };
}

const newDate = (redline: DocumentRedline): string | undefined =>
  redline.status === "removed" ? undefined : redline.tree.meta.date;

/**
 * {@link renderDocumentRedline}, written to `<base>.docx` and `<base>.html` (each atomically:
 * a temporary file renamed over the target). Returns the paths written.
 */
export async function writeDocumentRedline(
  oldTree: DocumentTree | undefined,
  newTree: DocumentTree | undefined,
  base: string,
  options: DocumentRedlineOptions = {},
): Promise<{ changed: boolean; files: string[] }> {
  const out = await renderDocumentRedline(oldTree, newTree, options);
  const files = [`${base}.docx`, `${base}.html`];
  await writeFileAtomically(files[0] as string, out.docx);
  await writeFileAtomically(files[1] as string, out.html);
  return { changed: out.changed, files };
}

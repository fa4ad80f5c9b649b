/**
 * The redline of one bilaga against its previous version, as Word (tracked changes) and HTML.
 * This is the one place the build calls the diff library.
 */
import type { VersionInfo } from "../diff/compare.js";
import { redlineDocument } from "../diff/redline.js";
import { renderRedlineOf } from "../diff/single.js";
import { summarize } from "../diff/summary/index.js";
import type { BilagaVersion } from "./previous.js";

export interface RedlineSide extends BilagaVersion {
  /**
   * How the version is named on the HTML page: "förra bygget (manifest.json)", "bilaga-1.yaml";
   * never a path that depends on the working directory, so the page is the same wherever built.
   */
  label: string;
  /** Its date: the latest change log entry, when it has one. */
  date?: string;
}

/** Output names of a document's redline: `bilaga-2-andringar.docx` and `.html`. */
export const redlinePaths = (name: string) => ({
  docx: `${name}-andringar.docx`,
  html: `${name}-andringar.html`,
});

const info = (side: RedlineSide): VersionInfo => ({
  label: side.label,
  id: side.agreement.data.id,
  ...(side.date ? { date: side.date } : {}),
});

/**
 * Word and HTML redline of `current` against `previous` (two versions of one bilaga), rendered
 * by the diff's per-document redline (`renderRedlineOf`, what `renderDocumentRedline` and
 * `iop diff --split` use): a summary page, then the bilaga with its moves, Word heading numbers
 * and table rows tracked. The summary keeps only what concerns this document. The Word
 * revisions are by "iop diff", dated with the current side's date (the decision's), else the
 * previous side's, so the file is the same for the same input.
 */
export async function redlineBilaga(
  previous: RedlineSide,
  current: RedlineSide,
): Promise<{ docx: Uint8Array; html: string }> {
  // The redline is computed here (not inside renderDocumentRedline) because the data summary
  // needs it too.
  const redline = redlineDocument(previous.tree, current.tree);
  const summary = summarize(previous.agreement, current.agreement, [redline]).filter(
    (item) => item.document === current.tree.name,
  );
  const date = current.date ?? previous.date;
  const { docx, html } = await renderRedlineOf(redline, {
    versions: { old: info(previous), new: info(current) },
    summary,
    ...(date ? { date } : {}),
  });
  return { docx, html };
}

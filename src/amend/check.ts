/**
 * The amendment rule of `iop build`: a bilaga whose content differs from its previous version
 * (src/amend/previous.ts) needs a new entry in its `ändringslogg`; an amended bilaga gets its
 * Word and HTML redline against that version.
 */
import { basename } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { DocumentTree } from "../document/types.js";
import { locate } from "../load/source.js";
import type { Agreement, BilagaDocument } from "../model.js";
import { contentFingerprint } from "../package/fingerprint.js";
import type { ManifestRedline, OutputFile } from "../package/manifest.js";
import { bilagaDataSha256, latestDate, newEntries } from "./data.js";
import type { Baseline } from "./previous.js";
import { redlineBilaga, redlinePaths } from "./redline.js";

/** Rule id of the missing change log entry. */
export const RULE_NEW_ENTRY = "andringslogg-ny-post";

export interface Amendments {
  diagnostics: Diagnostic[];
  /** By document name: the redline files of each amended bilaga and its manifest entry. */
  redlines: Map<string, { files: OutputFile[]; manifest: ManifestRedline }>;
}

const encoder = new TextEncoder();

/**
 * Checks each bilaga in `trees` against `baseline`. A bilaga the baseline lacks (new, or never
 * built with this recorded) needs nothing. A changed bilaga without a new change log entry is an
 * error at its file; a changed bilaga whose previous version no longer builds gets no redline
 * (a warning).
 */
export async function checkAmendments(
  agreement: Agreement,
  trees: readonly DocumentTree[],
  baseline: Baseline,
): Promise<Amendments> {
  const diagnostics: Diagnostic[] = [];
  const redlines: Amendments["redlines"] = new Map();
  for (const tree of trees) {
    const bilaga = agreement.bilagor.find((b) => `bilaga-${b.data.nummer}` === tree.name);
    const previous = baseline.get(tree.name);
    if (!bilaga || !previous || bilagaDataSha256(bilaga.data) === previous.dataSha256) continue;
    const entries = newEntries(previous.log(), bilaga.data.ändringslogg);
    if (entries.length === 0) {
      diagnostics.push(missingEntry(bilaga, previous.against));
      continue;
    }
    const old = previous.load();
    if (!old) {
      diagnostics.push({
        file: bilaga.file.path,
        ...locate(bilaga.file, ["ändringslogg"], true),
        severity: "varning",
        message: `Förra versionen av bilaga ${bilaga.data.nummer} (${previous.against}) kan inte byggas om, så ingen ändringsmarkering skrivs.`,
        rule: "andringsmarkering-saknas",
      });
      continue;
    }
    const oldDate = latestDate(previous.log() ?? []);
    const newDate = latestDate(entries);
    const { docx, html } = await redlineBilaga(
      { ...old, label: previous.label, ...(oldDate ? { date: oldDate } : {}) },
      {
        agreement,
        tree,
        label: basename(bilaga.file.path),
        ...(newDate ? { date: newDate } : {}),
      },
    );
    const paths = redlinePaths(tree.name);
    redlines.set(tree.name, {
      files: [
        { path: paths.docx, data: docx },
        { path: paths.html, data: encoder.encode(html) },
      ],
      manifest: {
        files: [paths.docx, paths.html],
        against: previous.source,
        previousContentSha256: contentFingerprint(old.tree).contentSha256,
      },
    });
  }
  return { diagnostics, redlines };
}

function missingEntry(bilaga: BilagaDocument, against: string): Diagnostic {
  const hasLog = bilaga.data.ändringslogg !== undefined;
  return {
    file: bilaga.file.path,
    ...locate(bilaga.file, hasLog ? ["ändringslogg"] : [], true),
    severity: "fel",
    message:
      `Bilaga ${bilaga.data.nummer} har ändrats sedan ${against}, men ändringsloggen har ingen ny post. ` +
      (hasLog
        ? "Lägg till en ny post sist i ändringslogg"
        : "Lägg till nyckeln ändringslogg med en post") +
      ": datum, beslut, beslutat_av och beskrivning (vad som ändrades).",
    rule: RULE_NEW_ENTRY,
  };
}

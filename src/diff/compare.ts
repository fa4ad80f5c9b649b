/**
 * Compares two versions of an agreement: the data-level summary and the redline of every
 * document (the agreement with the agreement, each bilaga with the bilaga of the same party).
 */
import type { DocumentTree } from "../document/types.js";
import { type Agreement, known } from "../model.js";
import { changeDateOf } from "./format/docx.js";
import { type DocumentRedline, redlineDocument } from "./redline.js";
import { summaryContext } from "./summary/context.js";
import { matchBilagor, type SummaryItem, summarize } from "./summary/index.js";

/** One side of a comparison. */
export interface Version {
  /** How the user named it (folder, file or `<rev>:<path>`). */
  label: string;
  agreement: Agreement;
  /** Its documents: the agreement, then each bilaga (`name` "overenskommelse", "bilaga-N"). */
  documents: DocumentTree[];
}

export interface VersionInfo {
  label: string;
  id: string;
  /** The version date (`versionsdatum`), when known. */
  date?: string;
}

export interface VersionDiff {
  old: VersionInfo;
  new: VersionInfo;
  /** What changed in the data, one Swedish line each. */
  summary: SummaryItem[];
  /** The redline of each document: the new version's order, then documents that were removed. */
  documents: DocumentRedline[];
  /** True when nothing at all differs. */
  identical: boolean;
  /**
   * The date of the Word redline's tracked changes (`YYYY-MM-DD`), from the version data
   * (`changeDateOf`); undefined when neither version has one (the changes are then undated).
   */
  date?: string;
}

const info = (v: Version): VersionInfo => {
  const date = known(v.agreement.data.versionsdatum);
  return { label: v.label, id: v.agreement.data.id, ...(date ? { date } : {}) };
};

export function diffVersions(oldVersion: Version, newVersion: Version): VersionDiff {
  const ctx = summaryContext(oldVersion.agreement, newVersion.agreement);
  const bilagor = matchBilagor(ctx);
  const oldTree = (name: string) => oldVersion.documents.find((d) => d.name === name);
  const oldNameOf = new Map(
    bilagor.pairs.map((p) => [`bilaga-${p.new.data.nummer}`, `bilaga-${p.old.data.nummer}`]),
  );
  const documents: DocumentRedline[] = [];
  for (const tree of newVersion.documents) {
    const counterpart =
      tree.kind === "overenskommelse"
        ? oldVersion.documents.find((d) => d.kind === "overenskommelse")
        : undefined;
    const old =
      tree.kind === "bilaga"
        ? oldNameOf.has(tree.name)
          ? oldTree(oldNameOf.get(tree.name) as string)
          : undefined
        : counterpart;
    documents.push(redlineDocument(old, tree));
  }
  const used = new Set([...oldNameOf.values(), "overenskommelse"]);
  for (const tree of oldVersion.documents) {
    const paired =
      tree.kind === "overenskommelse"
        ? newVersion.documents.some((d) => d.kind === "overenskommelse")
        : used.has(tree.name);
    if (!paired) documents.push(redlineDocument(tree, undefined));
  }
  const summary = summarize(oldVersion.agreement, newVersion.agreement, documents);
  const date = changeDateOf(oldVersion.agreement.data, newVersion.agreement.data);
  return {
    old: info(oldVersion),
    new: info(newVersion),
    summary,
    documents,
    identical: summary.length === 0 && documents.every((d) => d.status === "unchanged"),
    ...(date ? { date } : {}),
  };
}

import { sha256 } from "../hash.js";

export const MANIFEST_FILE = "manifest.json";

/** One copy (exemplar) of a document: a PDF for one signing party. */
export interface ManifestCopy {
  number: number;
  of: number;
  /** Party id and name the copy belongs to. */
  party: string;
  partyName: string;
  /** Path relative to the output folder, e.g. "exemplar/overenskommelse-exemplar-2-av-4-bo-vasterort.pdf". */
  path: string;
}

export interface ManifestDocument {
  /** Output base name, e.g. "overenskommelse" or "bilaga-1". */
  name: string;
  title: string;
  kind: "overenskommelse" | "bilaga";
  signing: "papper" | "elektronisk";
  /** SHA-256 of the document's text (`documentText`), the same in every copy. */
  contentSha256: string;
  /** The short fingerprint printed on every page (a prefix of contentSha256). */
  fingerprint: string;
  /** Files of this document (relative paths), copies excluded. */
  files: string[];
  /** Paper signing: one copy per signing party. Electronic signing: none (see `signingPdf`). */
  copies: ManifestCopy[];
  /**
   * The parties with a signature field in every PDF made for signing (the copies or
   * `signingPdf`), in signing order. Written by `renderCopies`.
   */
  signatories?: { party: string; partyName: string }[];
  /** Electronic signing: the one PDF (relative path) that every party signs. */
  signingPdf?: string;
  /**
   * The YAML files the document was built from (its own first, then the agreement's), by name
   * and SHA-256; their text is in the manifest's `sources`, so a later build can rebuild this
   * version to compare with (src/amend).
   */
  sources?: { name: string; sha256: string }[];
  /** A bilaga: SHA-256 of its data without `ändringslogg` (src/amend/data.ts). */
  dataSha256?: string;
  /** A bilaga changed since the version it was compared with: its Word and HTML redline. */
  redline?: ManifestRedline;
}

/** The redline of an amended bilaga against its previous version. */
export interface ManifestRedline {
  /** The redline files (relative paths), e.g. "bilaga-1-andringar.docx". */
  files: string[];
  /** What it was compared with: "manifest.json" (the previous build) or the git revision. */
  against: string;
  /** contentSha256 of the previous version's document. */
  previousContentSha256: string;
}

/** A YAML source file recorded in the manifest. */
export interface ManifestSource {
  name: string;
  sha256: string;
  text: string;
}

export interface Manifest {
  agreement: string;
  generator: string;
  documents: ManifestDocument[];
  /** Every file in the output folder except the manifest itself, sorted by path. */
  files: ManifestFile[];
  /**
   * The text of every YAML file a document was built from, sorted by name and SHA-256 (a file
   * appears twice when `iop build --only` rebuilt a document from a newer version of it).
   */
  sources?: ManifestSource[];
}

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface OutputFile {
  /** Path relative to the agreement's output folder, with forward slashes. */
  path: string;
  data: Uint8Array;
}

/** The manifest for a set of files, deterministic (sorted, stable key order). */
export function createManifest(
  agreement: string,
  documents: ManifestDocument[],
  files: readonly OutputFile[],
  sources: readonly ManifestSource[] = [],
  /** Entries kept as they are from a previous build (`iop build --only`), for files not in `files`. */
  kept: readonly ManifestFile[] = [],
): Manifest {
  const used = new Set(documents.flatMap((d) => (d.sources ?? []).map((s) => s.sha256)));
  const unique = new Map(
    sources.filter((s) => used.has(s.sha256)).map((s) => [`${s.name}\0${s.sha256}`, s]),
  );
  return {
    agreement,
    generator: "iop",
    documents,
    files: [
      ...files.map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length })),
      ...kept,
    ].sort((a, b) => byText(a.path, b.path)),
    ...(unique.size > 0
      ? { sources: [...unique.entries()].sort(([a], [b]) => byText(a, b)).map(([, s]) => s) }
      : {}),
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const serializeManifest = (manifest: Manifest): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);

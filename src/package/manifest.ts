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
}

export interface Manifest {
  agreement: string;
  generator: string;
  documents: ManifestDocument[];
  /** Every file in the output folder except the manifest itself, sorted by path. */
  files: { path: string; sha256: string; bytes: number }[];
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
): Manifest {
  return {
    agreement,
    generator: "iop",
    documents,
    files: [...files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length })),
  };
}

export const serializeManifest = (manifest: Manifest): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);

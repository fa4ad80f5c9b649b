import { bytesSha256 } from "../hash.js";
import type {
  Manifest,
  ManifestDocument,
  ManifestFile,
  ManifestSource,
} from "../schemas/types.generated.js";

export const MANIFEST_FILE = "manifest.json";

/**
 * The manifest's types, generated from schemas/manifest.schema.json (the one source of truth,
 * `npm run gen:types`); `iop verify` checks a manifest against that schema (src/verify/manifest.ts).
 */
export type {
  Manifest,
  ManifestCopy,
  ManifestDocument,
  ManifestFile,
  ManifestParty,
  ManifestRedline,
  ManifestSource,
} from "../schemas/types.generated.js";

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
      ...files.map((f) => ({ path: f.path, sha256: bytesSha256(f.data), bytes: f.data.length })),
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

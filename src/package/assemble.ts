/**
 * Assembling a build's manifest: one entry per rendered document, the YAML sources it was built
 * from, and the output files followed by manifest.json. For a full build the manifest lists the
 * rendered files; for `iop build --only` the rebuilt document is merged into the previous build
 * (partial.ts). The pipeline (src/pipeline.ts) renders; this module only records.
 */
import { basename } from "node:path";
import type { DocumentTree } from "../document/types.js";
import { bytesSha256 } from "../hash.js";
import type { SourceFile } from "../load/source.js";
import type { ContentFingerprint } from "./fingerprint.js";
import {
  createManifest,
  MANIFEST_FILE,
  type Manifest,
  type ManifestDocument,
  type ManifestRedline,
  type ManifestSource,
  type OutputFile,
  serializeManifest,
} from "./manifest.js";
import { mergeIntoPrevious } from "./partial.js";

/** The YAML sources of a document as the manifest records them. */
export const recordedSources = (files: readonly SourceFile[]): ManifestSource[] =>
  files.map((f) => ({
    name: basename(f.path),
    sha256: bytesSha256(f.bytes),
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(f.bytes),
  }));

/** What the manifest records about one rendered document. */
export interface RenderedDocument extends ContentFingerprint {
  tree: DocumentTree;
  /** Its own files (Markdown, Word, PDF), copies excluded. */
  own: readonly OutputFile[];
  /** The manifest fields of its copies or signing PDF (`renderCopies`), when they were made. */
  copies?: Partial<ManifestDocument>;
  /** Its YAML sources, as `recordedSources` gives them. */
  sources: readonly ManifestSource[];
  /** A bilaga: SHA-256 of its data without `ändringslogg` (src/amend/data.ts). */
  dataSha256?: string;
  /** A bilaga amended in this build (or carried over): its redline. */
  redline?: ManifestRedline;
}

/** The manifest entry of one rendered document (keys in the order manifest.json has them). */
export const manifestDocument = (doc: RenderedDocument): ManifestDocument => ({
  name: doc.tree.name,
  title: doc.tree.meta.title,
  kind: doc.tree.kind,
  signing: doc.tree.signing.mode,
  contentSha256: doc.contentSha256,
  fingerprint: doc.fingerprint,
  files: doc.own.map((f) => f.path),
  copies: [],
  ...(doc.copies ?? { copies: [] }),
  sources: doc.sources.map(({ name, sha256 }) => ({ name, sha256 })),
  ...(doc.dataSha256 !== undefined ? { dataSha256: doc.dataSha256 } : {}),
  ...(doc.redline ? { redline: doc.redline } : {}),
});

/** A build's files followed by the manifest that lists them. */
export const withManifest = (files: readonly OutputFile[], manifest: Manifest): OutputFile[] => [
  ...files,
  { path: MANIFEST_FILE, data: serializeManifest(manifest) },
];

/** What a build rendered: its files, the manifest entries of its documents and their sources. */
export interface RenderedBuild {
  files: OutputFile[];
  documents: ManifestDocument[];
  sources: ManifestSource[];
}

/** A full build: the rendered files and the manifest that lists them. */
export const packageBuild = (agreement: string, rendered: RenderedBuild): OutputFile[] =>
  withManifest(
    rendered.files,
    createManifest(agreement, rendered.documents, rendered.files, rendered.sources),
  );

/**
 * `iop build --only`: the one rebuilt document merged into the previous build in `target`, whose
 * other files and manifest entries stay as they are.
 */
export async function packagePartial(
  agreement: string,
  target: string,
  previous: Manifest,
  rendered: RenderedBuild,
): Promise<OutputFile[]> {
  const merged = await mergeIntoPrevious(target, previous, {
    document: rendered.documents[0] as ManifestDocument,
    files: rendered.files,
  });
  const manifest = createManifest(
    agreement,
    merged.documents,
    rendered.files,
    [...(previous.sources ?? []), ...rendered.sources],
    merged.kept,
  );
  return withManifest(merged.files, manifest);
}

/**
 * The whole pipeline for one agreement folder: load → validate → compose → document → render →
 * package. Everything happens in memory; the caller writes the files (atomically) only when there
 * are no errors, so a failed build never leaves half-written output.
 */
import { basename } from "node:path";
import { composeAgreement } from "./compose/index.js";
import { type Diagnostic, hasErrors } from "./diagnostics.js";
import { buildDocument } from "./document/index.js";
import type { DocumentTree } from "./document/types.js";
import type { SourceFile } from "./load/source.js";
import type { Agreement } from "./model.js";
import { contentFingerprint } from "./package/fingerprint.js";
import {
  createManifest,
  MANIFEST_FILE,
  type ManifestDocument,
  type OutputFile,
  serializeManifest,
} from "./package/manifest.js";
import { renderMarkdown } from "./render/markdown/index.js";
import type { PdfALevel } from "./render/pdf/lib/levels.js";
import { loadAgreement } from "./validate/index.js";

export const FORMATS = ["md", "docx", "pdf", "exemplar"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** PDF/A level of every PDF (default "3b"); "2b" leaves the YAML attachments out. */
  pdfa?: PdfALevel;
}

export interface BuildResult {
  /** The agreement's id: outputs go to `<out>/<id>/`. */
  id?: string;
  /** Every output file including manifest.json; set only when there are no errors. */
  files?: OutputFile[];
  diagnostics: Diagnostic[];
  /** The folder could not be read (exit code 2). */
  usageError?: boolean;
}

const encoder = new TextEncoder();

/** The YAML sources a document is built from, embedded in its PDFs. */
const sources = (files: readonly SourceFile[]) =>
  files.map((f) => ({
    name: basename(f.path),
    data: f.bytes,
    description: "Källfil (YAML) som dokumentet är byggt från",
  }));

export interface BuiltDocument {
  tree: DocumentTree;
  /** The YAML files the document was composed from: its own first, then the agreement's. */
  files: readonly SourceFile[];
}

/** Composes an agreement into its documents (agreement first, then bilagor) and their trees. */
export function buildDocuments(agreement: Agreement): {
  documents: BuiltDocument[];
  diagnostics: Diagnostic[];
} {
  const composed = composeAgreement(agreement);
  const diagnostics = [...composed.diagnostics];
  const documents = composed.documents.map((doc) => {
    const built = buildDocument(doc);
    diagnostics.push(...built.diagnostics);
    return { tree: built.tree, files: doc.files ?? [] };
  });
  return { documents, diagnostics };
}

/** Renders every document of a validated agreement in the requested formats, with the manifest. */
export async function renderAgreement(
  agreement: Agreement,
  formats: ReadonlySet<Format> = new Set(FORMATS),
  options: RenderOptions = {},
): Promise<{ files?: OutputFile[]; diagnostics: Diagnostic[] }> {
  const pdfa = options.pdfa ?? "3b";
  const built = buildDocuments(agreement);
  const diagnostics = built.diagnostics;
  if (hasErrors(diagnostics)) return { diagnostics };
  // Renderers are loaded only for the formats asked for: each is a large library, and loading
  // is most of a short build's time.
  const renderDocx = formats.has("docx")
    ? (await import("./render/docx/index.js")).renderDocx
    : undefined;
  const renderPdf =
    formats.has("pdf") || formats.has("exemplar")
      ? (await import("./render/pdf/index.js")).renderPdf
      : undefined;
  const renderCopies = formats.has("exemplar")
    ? (await import("./package/copies.js")).renderCopies
    : undefined;
  const files: OutputFile[] = [];
  const documents: ManifestDocument[] = [];
  for (const { tree, files: yaml } of built.documents) {
    const own: OutputFile[] = [];
    if (formats.has("md")) {
      own.push({ path: `${tree.name}.md`, data: encoder.encode(renderMarkdown(tree)) });
    }
    const { contentSha256, fingerprint } = contentFingerprint(tree);
    if (renderDocx) {
      own.push({ path: `${tree.name}.docx`, data: await renderDocx(tree, { fingerprint }) });
    }
    const attachments = sources(yaml);
    if (formats.has("pdf") && renderPdf) {
      own.push({
        path: `${tree.name}.pdf`,
        data: await renderPdf(tree, { attachments, fingerprint, pdfa }),
      });
    }
    let copyFields: Partial<ManifestDocument> = { copies: [] };
    if (renderCopies && renderPdf) {
      const copies = await renderCopies(tree, renderPdf, { attachments, pdfa });
      files.push(...copies.files);
      copyFields = copies.manifest;
    }
    files.push(...own);
    documents.push({
      name: tree.name,
      title: tree.meta.title,
      kind: tree.kind,
      signing: tree.signing.mode,
      contentSha256,
      fingerprint,
      files: own.map((f) => f.path),
      copies: [],
      ...copyFields,
    });
  }
  const manifest = createManifest(agreement.name, documents, files);
  files.push({ path: MANIFEST_FILE, data: serializeManifest(manifest) });
  return { files, diagnostics };
}

/** Loads, validates and renders an agreement folder. */
export async function buildAgreement(
  dir: string,
  formats?: ReadonlySet<Format>,
  options: RenderOptions = {},
): Promise<BuildResult> {
  const loaded = await loadAgreement(dir);
  if (!loaded.agreement) return loaded;
  const rendered = await renderAgreement(loaded.agreement, formats, options);
  return {
    id: loaded.agreement.name,
    ...rendered,
    diagnostics: [...loaded.diagnostics, ...rendered.diagnostics],
  };
}

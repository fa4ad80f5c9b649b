/**
 * The whole pipeline for one agreement folder: load → validate → compose → document → render →
 * package. Everything happens in memory; the caller writes the files (atomically) only when there
 * are no errors, so a failed build never leaves half-written output.
 */
import { basename } from "node:path";
import { composeAgreement } from "./compose/index.js";
import { type Diagnostic, hasErrors } from "./diagnostics.js";
import { buildDocument } from "./document/index.js";
import { locateProblems } from "./document/locate.js";
import { documentText } from "./document/text.js";
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
import { loadAgreement } from "./validate/index.js";

export const FORMATS = ["md", "docx", "pdf", "exemplar"] as const;
export type Format = (typeof FORMATS)[number];

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

/**
 * A warning at the first place in the YAML of each character the PDF fonts cannot draw (an emoji
 * in a party's name): the PDF would show an empty box where the Word file shows the character.
 */
function glyphWarnings(
  documents: readonly BuiltDocument[],
  missingGlyphs: (text: string) => string[],
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { tree, files } of documents) {
    const problems = missingGlyphs(documentText(tree)).map((ch) => ({
      rule: "pdf-tecken-saknas",
      severity: "varning" as const,
      token: ch,
      message: `Tecknet ${ch} (U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}) finns inte i PDF-filernas typsnitt (DejaVu Sans) och blir en tom ruta i PDF:en; Word- och Markdown-filerna visar det.`,
    }));
    for (const d of locateProblems({ source: files[0]?.path ?? tree.name, files }, problems)) {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      if (!seen.has(key)) out.push(d);
      seen.add(key);
    }
  }
  return out;
}

/** Renders every document of a validated agreement in the requested formats, with the manifest. */
export async function renderAgreement(
  agreement: Agreement,
  formats: ReadonlySet<Format> = new Set(FORMATS),
): Promise<{ files?: OutputFile[]; diagnostics: Diagnostic[] }> {
  const built = buildDocuments(agreement);
  const diagnostics = built.diagnostics;
  if (hasErrors(diagnostics)) return { diagnostics };
  // Renderers are loaded only for the formats asked for: each is a large library, and loading
  // is most of a short build's time.
  const renderDocx = formats.has("docx")
    ? (await import("./render/docx/index.js")).renderDocx
    : undefined;
  const pdf =
    formats.has("pdf") || formats.has("exemplar")
      ? await import("./render/pdf/index.js")
      : undefined;
  const renderPdf = pdf?.renderPdf;
  if (pdf) diagnostics.push(...glyphWarnings(built.documents, pdf.missingGlyphs));
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
    if (renderDocx) own.push({ path: `${tree.name}.docx`, data: await renderDocx(tree) });
    const { contentSha256, fingerprint } = contentFingerprint(tree);
    const attachments = sources(yaml);
    if (formats.has("pdf") && renderPdf) {
      own.push({
        path: `${tree.name}.pdf`,
        data: await renderPdf(tree, { attachments, fingerprint }),
      });
    }
    let copyFields: Partial<ManifestDocument> = { copies: [] };
    if (renderCopies && renderPdf) {
      const copies = await renderCopies(tree, renderPdf, { attachments });
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
): Promise<BuildResult> {
  const loaded = await loadAgreement(dir);
  if (!loaded.agreement) return loaded;
  const rendered = await renderAgreement(loaded.agreement, formats);
  return {
    id: loaded.agreement.name,
    ...rendered,
    diagnostics: [...loaded.diagnostics, ...rendered.diagnostics],
  };
}

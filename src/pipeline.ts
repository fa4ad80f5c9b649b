/**
 * The whole pipeline for one agreement folder: load → validate → compose → document → render →
 * package. Everything happens in memory (reading the previous build, if any, to compare bilagor
 * with it and to keep its other files with `--only`); the caller writes the files (atomically)
 * only when there are no errors, so a failed build never leaves half-written output.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { type Amendments, checkAmendments } from "./amend/check.js";
import { bilagaDataSha256 } from "./amend/data.js";
import {
  type Baseline,
  gitBaseline,
  manifestBaseline,
  type PreviousBuild,
  readPreviousBuild,
} from "./amend/previous.js";
import { composeAgreement } from "./compose/index.js";
import type { RuleId } from "./diagnostics.js";
import { type Diagnostic, hasErrors } from "./diagnostics.js";
import { buildDocument } from "./document/index.js";
import { locateProblems } from "./document/locate.js";
import { documentText } from "./document/text.js";
import type { DocumentTree } from "./document/types.js";
import { sha256 } from "./hash.js";
import type { SourceFile } from "./load/source.js";
import type { Agreement } from "./model.js";
import { contentFingerprint } from "./package/fingerprint.js";
import {
  createManifest,
  MANIFEST_FILE,
  type Manifest,
  type ManifestDocument,
  type ManifestSource,
  type OutputFile,
  serializeManifest,
} from "./package/manifest.js";
import { mergeIntoPrevious } from "./package/partial.js";
import { renderMarkdown } from "./render/markdown/index.js";
import type { PdfALevel } from "./render/pdf/levels.js";
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
  /** The redline files of the bilagor amended in this build (paths in the output folder). */
  redlines?: string[];
}

const encoder = new TextEncoder();

/** The YAML sources a document is built from, embedded in its PDFs. */
const sourcesOf = (files: readonly SourceFile[]) =>
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
      rule: "pdf-tecken-saknas" as const,
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

/** What `iop build` compares with and how much it rebuilds. */
export interface BuildOptions {
  /** The output root: the previous build of agreement `<id>` is read from `<out>/<id>/`. */
  out?: string;
  /** Compare the bilagor with this git revision instead of the previous build. */
  since?: string;
  /** Rebuild only this bilaga ("bilaga-2"), keeping the rest of the previous build as it is. */
  only?: string;
  /** PDF/A level of every PDF (default "3b"); "2b" leaves the YAML attachments out. */
  pdfa?: PdfALevel;
  /**
   * The previous build as read before (`readPreviousBuild`), instead of reading `<out>/<id>/`
   * now: `iop watch` compares every save with the build there was when it started, not with
   * what its own last save wrote.
   */
  previous?: Awaited<ReturnType<typeof readPreviousBuild>>;
  /** Rendered documents kept from earlier builds in this process (`iop watch`). */
  cache?: RenderCache;
}

/** The YAML sources of a document as the manifest records them. */
const recorded = (files: readonly SourceFile[]) =>
  files.map((f) => ({
    name: basename(f.path),
    sha256: sha256(f.bytes),
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(f.bytes),
  }));

/**
 * Rendered files of documents kept between builds in one process (`iop watch`): a document whose
 * tree, sources and options are unchanged is not rendered again. Renderers are deterministic,
 * so the files are the ones rendering would give. `used` collects the keys of the last build;
 * `pruneRenderCache` drops the others.
 */
export interface RenderCache {
  entries: Map<
    string,
    { own: OutputFile[]; copies?: { files: OutputFile[]; manifest: Partial<ManifestDocument> } }
  >;
  used: Set<string>;
}

export const createRenderCache = (): RenderCache => ({ entries: new Map(), used: new Set() });

/** Keeps only what the last build used. */
export function pruneRenderCache(cache: RenderCache): void {
  for (const key of cache.entries.keys()) if (!cache.used.has(key)) cache.entries.delete(key);
  cache.used.clear();
}

/** Everything a document's rendered files depend on. */
function renderKey(
  tree: DocumentTree,
  yaml: readonly SourceFile[],
  formats: ReadonlySet<Format>,
  pdfa: PdfALevel,
): string {
  const parts = [
    JSON.stringify(tree),
    [...formats].sort().join(","),
    pdfa,
    ...yaml.map((f) => `${basename(f.path)}:${sha256(f.bytes)}`),
  ];
  return sha256(encoder.encode(parts.join("\n")));
}

/** Renders documents in the requested formats: their files and manifest entries. */
async function renderDocuments(
  agreement: Agreement,
  built: readonly BuiltDocument[],
  formats: ReadonlySet<Format>,
  redlines: Amendments["redlines"] = new Map(),
  pdfa: PdfALevel = "3b",
  cache?: RenderCache,
): Promise<{
  files: OutputFile[];
  documents: ManifestDocument[];
  sources: ManifestSource[];
  diagnostics: Diagnostic[];
}> {
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
  const diagnostics = pdf ? glyphWarnings(built, pdf.missingGlyphs) : [];
  const renderCopies = formats.has("exemplar")
    ? (await import("./package/copies.js")).renderCopies
    : undefined;
  const files: OutputFile[] = [];
  const documents: ManifestDocument[] = [];
  const sources: ManifestSource[] = [];
  for (const { tree, files: yaml } of built) {
    const key = cache ? renderKey(tree, yaml, formats, pdfa) : undefined;
    const hit = key ? cache?.entries.get(key) : undefined;
    if (key) cache?.used.add(key);
    const own: OutputFile[] = hit ? [...hit.own] : [];
    if (hit) {
      // Rendered by an earlier build in this process from the same tree, sources and options.
    } else if (formats.has("md")) {
      own.push({ path: `${tree.name}.md`, data: encoder.encode(renderMarkdown(tree)) });
    }
    const { contentSha256, fingerprint } = contentFingerprint(tree);
    const attachments = sourcesOf(yaml);
    if (!hit && renderDocx) {
      own.push({ path: `${tree.name}.docx`, data: await renderDocx(tree, { fingerprint }) });
    }
    if (!hit && formats.has("pdf") && renderPdf) {
      own.push({
        path: `${tree.name}.pdf`,
        data: await renderPdf(tree, { attachments, fingerprint, pdfa }),
      });
    }
    let copyFields: Partial<ManifestDocument> = { copies: [] };
    let copies = hit?.copies;
    if (!hit && renderCopies && renderPdf) {
      copies = await renderCopies(tree, renderPdf, { attachments, pdfa }, pdf?.renderPdfCopies);
    }
    if (copies) {
      files.push(...copies.files);
      copyFields = copies.manifest;
    }
    if (key && !hit) cache?.entries.set(key, { own: [...own], ...(copies ? { copies } : {}) });
    files.push(...own);
    const texts = recorded(yaml);
    sources.push(...texts);
    const bilaga =
      tree.kind === "bilaga"
        ? agreement.bilagor.find((b) => `bilaga-${b.data.nummer}` === tree.name)
        : undefined;
    const redline = redlines.get(tree.name);
    if (redline) files.push(...redline.files);
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
      sources: texts.map(({ name, sha256 }) => ({ name, sha256 })),
      ...(bilaga ? { dataSha256: bilagaDataSha256(bilaga.data) } : {}),
      ...(redline ? { redline: redline.manifest } : {}),
    });
  }
  return { files, documents, sources, diagnostics };
}

/** A build's files followed by the manifest that lists them. */
const withManifest = (files: OutputFile[], manifest: Manifest): OutputFile[] => [
  ...files,
  { path: MANIFEST_FILE, data: serializeManifest(manifest) },
];

/**
 * Renders every document of a validated agreement in the requested formats, with the manifest:
 * a full build as from scratch, without comparing with a previous one (what `iop verify` rebuilds
 * a folder with).
 */
export async function renderAgreement(
  agreement: Agreement,
  formats: ReadonlySet<Format> = new Set(FORMATS),
  pdfa?: PdfALevel,
): Promise<{ files?: OutputFile[]; diagnostics: Diagnostic[] }> {
  const built = buildDocuments(agreement);
  if (hasErrors(built.diagnostics)) return { diagnostics: built.diagnostics };
  const rendered = await renderDocuments(agreement, built.documents, formats, new Map(), pdfa);
  const manifest = createManifest(
    agreement.name,
    rendered.documents,
    rendered.files,
    rendered.sources,
  );
  return {
    files: withManifest(rendered.files, manifest),
    diagnostics: [...built.diagnostics, ...rendered.diagnostics],
  };
}

const usage = (file: string, message: string, rule: RuleId): BuildResult => ({
  diagnostics: [{ file, line: 1, col: 1, severity: "fel", message, rule }],
  usageError: true,
});

/**
 * Loads, validates and renders an agreement folder. With `options.out`, each bilaga is compared
 * with its previous version (src/amend): a changed bilaga needs a new change log entry and gets
 * its redline. With `options.only`, only that bilaga is rendered and merged into the previous
 * build.
 */
export async function buildAgreement(
  dir: string,
  formats: ReadonlySet<Format> = new Set(FORMATS),
  options: BuildOptions = {},
): Promise<BuildResult> {
  const loaded = await loadAgreement(dir);
  if (!loaded.agreement) return loaded;
  const agreement = loaded.agreement;
  const built = buildDocuments(agreement);
  const diagnostics = [...loaded.diagnostics, ...built.diagnostics];
  if (hasErrors(diagnostics)) return { id: agreement.name, diagnostics };

  const target = options.out === undefined ? undefined : join(options.out, agreement.name);
  const read = options.previous ?? (target ? await readPreviousBuild(target) : { diagnostics: [] });
  const previous = read.previous;
  diagnostics.push(...read.diagnostics);

  let selected = built.documents;
  if (options.only !== undefined) {
    const names = built.documents.filter((d) => d.tree.kind === "bilaga").map((d) => d.tree.name);
    if (!names.includes(options.only)) {
      return usage(
        dir,
        `--only ${options.only}: det finns ingen sådan bilaga. Välj bland ${names.join(", ") || "(inga bilagor)"}.`,
        "only-okand",
      );
    }
    if (!previous || !target) {
      return usage(
        dir,
        `--only kräver ett tidigare bygge i ${target ?? "utdatamappen"}; bygg hela överenskommelsen först.`,
        "only-inget-bygge",
      );
    }
    selected = built.documents.filter((d) => d.tree.name === options.only);
  }

  let baseline: Baseline = new Map();
  if (options.since !== undefined) {
    const git = await gitBaseline(dir, options.since);
    if (!git.baseline) {
      return {
        id: agreement.name,
        diagnostics: [...diagnostics, ...git.diagnostics],
        ...(git.usageError ? { usageError: true } : {}),
      };
    }
    baseline = git.baseline;
  } else if (previous) {
    baseline = manifestBaseline(previous, agreement);
  }
  const amendments = await checkAmendments(
    agreement,
    selected.map((d) => d.tree),
    baseline,
  );
  diagnostics.push(...amendments.diagnostics);
  if (hasErrors(diagnostics)) return { id: agreement.name, diagnostics };
  const redlines = previous
    ? await carryRedlines(previous, agreement, selected, amendments.redlines)
    : amendments.redlines;

  const written = [...amendments.redlines.values()].flatMap((r) => r.manifest.files);
  const rendered = await renderDocuments(
    agreement,
    selected,
    formats,
    redlines,
    options.pdfa,
    options.cache,
  );
  diagnostics.push(...rendered.diagnostics);
  const done = (files: OutputFile[], manifest: Manifest): BuildResult => ({
    id: agreement.name,
    files: withManifest(files, manifest),
    diagnostics,
    redlines: written,
  });
  if (options.only === undefined || !previous || !target) {
    return done(
      rendered.files,
      createManifest(agreement.name, rendered.documents, rendered.files, rendered.sources),
    );
  }
  const merged = await mergeIntoPrevious(target, previous.manifest, {
    document: rendered.documents[0] as ManifestDocument,
    files: rendered.files,
  });
  const manifest = createManifest(
    agreement.name,
    merged.documents,
    rendered.files,
    [...(previous.manifest.sources ?? []), ...rendered.sources],
    merged.kept,
  );
  return done(merged.files, manifest);
}

/**
 * An unchanged bilaga keeps the redline of its last amendment: when the previous build recorded
 * one and the bilaga's data is what that build had, its files are carried over as they are.
 */
async function carryRedlines(
  previous: PreviousBuild,
  agreement: Agreement,
  selected: readonly BuiltDocument[],
  redlines: Amendments["redlines"],
): Promise<Amendments["redlines"]> {
  const result = new Map(redlines);
  for (const { tree } of selected) {
    if (result.has(tree.name)) continue;
    const old = previous.manifest.documents.find((d) => d.name === tree.name);
    const bilaga = agreement.bilagor.find((b) => `bilaga-${b.data.nummer}` === tree.name);
    if (!old?.redline || !bilaga || old.dataSha256 !== bilagaDataSha256(bilaga.data)) continue;
    const files: OutputFile[] = [];
    for (const path of old.redline.files) {
      try {
        files.push({ path, data: new Uint8Array(await readFile(join(previous.dir, path))) });
      } catch {}
    }
    if (files.length === old.redline.files.length) {
      result.set(tree.name, { files, manifest: old.redline });
    }
  }
  return result;
}

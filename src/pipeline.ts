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
import { documentComposer } from "./compose/index.js";
import type { RuleId } from "./diagnostics.js";
import { type Diagnostic, hasErrors } from "./diagnostics.js";
import { buildDocument } from "./document/index.js";
import { locateProblems } from "./document/locate.js";
import type { DocumentTree } from "./document/types.js";
import { bytesSha256, sha256 } from "./hash.js";
import { type HelperPdfs, helperPdfs, type PdfHelper } from "./helper/index.js";
import { createSourceCache, pruneSourceCache, type SourceCache } from "./load/agreement.js";
import type { SourceFile } from "./load/source.js";
import type { Agreement } from "./model.js";
import { FORMATS, type Format } from "./output-formats.js";
import {
  manifestDocument,
  packageBuild,
  packagePartial,
  type RenderedBuild,
  recordedSources,
} from "./package/assemble.js";
import { type ContentFingerprint, contentFingerprint } from "./package/fingerprint.js";
import type { ManifestDocument, OutputFile } from "./package/manifest.js";
import { type PdfFiles, type PdfRequest, pdfAttachments, renderPdfFiles } from "./package/pdfs.js";
import { renderMarkdown } from "./render/markdown/index.js";
import type { PdfALevel } from "./render/pdf/levels.js";
import { loadAgreement } from "./validate/index.js";

export { FORMATS, type Format };

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

export interface BuiltDocument {
  tree: DocumentTree;
  /** The YAML files the document was composed from: its own first, then the agreement's. */
  files: readonly SourceFile[];
}

/**
 * Composes an agreement into its documents (agreement first, then bilagor) and their trees.
 * `onDocument` gets each document as soon as its tree is built: the bilagor first, which are
 * shorter, each composed just before it is parsed, so that the PDF helper (src/helper/) has work
 * sooner. The result, and the order of the diagnostics, are in document order.
 */
export function buildDocuments(
  agreement: Agreement,
  onDocument?: (document: BuiltDocument) => void,
): { documents: BuiltDocument[]; diagnostics: Diagnostic[] } {
  const composer = documentComposer(agreement);
  // The bilagor (1, 2 …) first, then the agreement (0).
  const order = [...Array(composer.count).keys()].map((i) => (i + 1) % composer.count);
  const documents: BuiltDocument[] = [];
  const composed: Diagnostic[][] = [];
  const problems: Diagnostic[][] = [];
  for (const i of order) {
    const { document: doc, diagnostics } = composer.compose(i);
    const built = buildDocument(doc);
    documents[i] = { tree: built.tree, files: doc.files ?? [] };
    composed[i] = diagnostics;
    problems[i] = built.diagnostics;
    onDocument?.(documents[i]);
  }
  return { documents, diagnostics: [...composed.flat(), ...problems.flat()] };
}

/**
 * A warning at the first place in the YAML of each character the PDF fonts cannot draw (an emoji
 * in a party's name): the PDF would show an empty box where the Word file shows the character.
 */
function glyphWarnings(
  documents: readonly BuiltDocument[],
  missing: readonly (readonly string[])[],
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const [index, { tree, files }] of documents.entries()) {
    const problems = (missing[index] ?? []).map((ch) => ({
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
  /** Parsed files and rendered documents kept from earlier builds in this process (`iop watch`). */
  cache?: BuildCache;
  /**
   * The process that renders the PDFs meanwhile (src/helper/): used for a whole build (not with
   * `only` or `cache`) that makes PDFs.
   */
  pdfHelper?: PdfHelper;
}

/**
 * What `iop watch` keeps between builds in one process. `sources`: the parsed YAML files
 * (src/load/agreement.ts), so that only a changed file is parsed again. `documents`: the rendered
 * files of documents, so that a document whose tree, sources and options are unchanged is not
 * rendered again; renderers are deterministic, so the files are the ones rendering would give.
 * `used` collects the keys of the last build's documents; `pruneBuildCache` drops the others, and
 * the files the last build did not read.
 */
export interface BuildCache {
  sources: SourceCache;
  documents: Map<string, DocumentFiles>;
  used: Set<string>;
}

/**
 * A document's rendered files: its own (Markdown, Word, PDF) and its signing copies, with the
 * characters its PDFs cannot draw (`missing`, when it has PDFs).
 */
interface DocumentFiles {
  own: OutputFile[];
  copies?: { files: OutputFile[]; manifest: Partial<ManifestDocument> };
  missing?: readonly string[];
}

export const createBuildCache = (): BuildCache => ({
  sources: createSourceCache(),
  documents: new Map(),
  used: new Set(),
});

/** Keeps only the files and documents the last build used. */
export function pruneBuildCache(cache: BuildCache): void {
  pruneSourceCache(cache.sources);
  for (const key of cache.documents.keys()) if (!cache.used.has(key)) cache.documents.delete(key);
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
    ...yaml.map((f) => `${basename(f.path)}:${bytesSha256(f.bytes)}`),
  ];
  return sha256(encoder.encode(parts.join("\n")));
}

/** The renderers for the requested formats, each loaded only when asked for. */
interface Renderers {
  markdown: boolean;
  renderDocx?: (tree: DocumentTree, options: { fingerprint: string }) => Promise<Uint8Array>;
  /** Which PDF files to render (src/package/pdfs.ts); none without `pdf` and `exemplar`. */
  pdfs?: Pick<PdfRequest, "pdf" | "copies">;
}

/** The PDF files `formats` asks for; undefined for none. */
function pdfsOf(formats: ReadonlySet<Format>): Renderers["pdfs"] {
  const pdfs = { pdf: formats.has("pdf"), copies: formats.has("exemplar") };
  return pdfs.pdf || pdfs.copies ? pdfs : undefined;
}

/**
 * Loads the renderers for `formats`: each is a large library, and loading is most of a short
 * build's time. The PDF renderer is loaded by `renderPdfFiles`, where the PDFs are rendered.
 */
async function loadRenderers(formats: ReadonlySet<Format>): Promise<Renderers> {
  const pdfs = pdfsOf(formats);
  return {
    markdown: formats.has("md"),
    ...(formats.has("docx")
      ? { renderDocx: (await import("./render/docx/index.js")).renderDocx }
      : {}),
    ...(pdfs ? { pdfs } : {}),
  };
}

/** A document's own Markdown and Word files. */
async function renderOwn(
  tree: DocumentTree,
  renderers: Renderers,
  { fingerprint }: ContentFingerprint,
): Promise<OutputFile[]> {
  const own: OutputFile[] = [];
  if (renderers.markdown) {
    own.push({ path: `${tree.name}.md`, data: encoder.encode(renderMarkdown(tree)) });
  }
  if (renderers.renderDocx) {
    own.push({
      path: `${tree.name}.docx`,
      data: await renderers.renderDocx(tree, { fingerprint }),
    });
  }
  return own;
}

/** A document's files: its own Markdown, Word and PDF files, and its copies. */
function documentFiles(tree: DocumentTree, own: OutputFile[], pdfs?: PdfFiles): DocumentFiles {
  if (!pdfs) return { own };
  return {
    own: pdfs.pdf ? [...own, { path: `${tree.name}.pdf`, data: pdfs.pdf }] : own,
    ...(pdfs.copies ? { copies: pdfs.copies } : {}),
    missing: pdfs.missing,
  };
}

/** Renders one document's files in the loaded formats. */
async function renderFiles(
  { tree, files }: BuiltDocument,
  renderers: Renderers,
  content: ContentFingerprint,
  pdfa: PdfALevel,
): Promise<DocumentFiles> {
  const own = await renderOwn(tree, renderers, content);
  const pdfs =
    renderers.pdfs &&
    (await renderPdfFiles({ tree, attachments: pdfAttachments(files), pdfa, ...renderers.pdfs }));
  return documentFiles(tree, own, pdfs);
}

/** A cache entry's own copy (the caller adds to the list it gets). */
const copyEntry = (entry: DocumentFiles): DocumentFiles => ({ ...entry, own: [...entry.own] });

/** One document's files: from the cache (`iop watch`) when its inputs are unchanged, else rendered. */
async function renderOrReuse(
  document: BuiltDocument,
  renderers: Renderers,
  content: ContentFingerprint,
  options: { formats: ReadonlySet<Format>; pdfa: PdfALevel; cache?: BuildCache },
): Promise<DocumentFiles> {
  const { cache } = options;
  if (!cache) return renderFiles(document, renderers, content, options.pdfa);
  const key = renderKey(document.tree, document.files, options.formats, options.pdfa);
  cache.used.add(key);
  const hit = cache.documents.get(key);
  // Rendered by an earlier build in this process from the same tree, sources and options.
  if (hit) return copyEntry(hit);
  const rendered = await renderFiles(document, renderers, content, options.pdfa);
  cache.documents.set(key, copyEntry(rendered));
  return rendered;
}

/**
 * Every document's files. With the PDF helper, its PDFs are being rendered in the helper process
 * meanwhile: the Markdown and Word files of all documents come first, then the PDFs are
 * collected. (The documents are rendered one after the other: docx's compiler runs with a fixed
 * Math.random, so two of its runs must not interleave.)
 */
async function renderAll(
  built: readonly BuiltDocument[],
  contents: readonly ContentFingerprint[],
  formats: ReadonlySet<Format>,
  options: { pdfa: PdfALevel; cache?: BuildCache; helper?: HelperPdfs },
): Promise<DocumentFiles[]> {
  const { helper } = options;
  const renderers = await loadRenderers(formats);
  const all: DocumentFiles[] = [];
  if (!helper) {
    for (const [i, doc] of built.entries()) {
      const content = contents[i] as ContentFingerprint;
      all.push(await renderOrReuse(doc, renderers, content, { ...options, formats }));
    }
    return all;
  }
  const owns: OutputFile[][] = [];
  for (const [i, doc] of built.entries()) {
    owns.push(await renderOwn(doc.tree, renderers, contents[i] as ContentFingerprint));
  }
  for (const [i, doc] of built.entries()) {
    all.push(documentFiles(doc.tree, owns[i] as OutputFile[], await helper.files(doc)));
  }
  return all;
}

/** The SHA-256 of a bilaga's data, for the manifest; undefined for the agreement. */
function bilagaSha256(agreement: Agreement, tree: DocumentTree): string | undefined {
  if (tree.kind !== "bilaga") return undefined;
  const bilaga = agreement.bilagor.find((b) => `bilaga-${b.data.nummer}` === tree.name);
  return bilaga ? bilagaDataSha256(bilaga.data) : undefined;
}

/** Renders documents in the requested formats: their files and manifest entries. */
async function renderDocuments(
  agreement: Agreement,
  built: readonly BuiltDocument[],
  formats: ReadonlySet<Format>,
  options: {
    redlines?: Amendments["redlines"];
    pdfa?: PdfALevel | undefined;
    cache?: BuildCache | undefined;
    helper?: HelperPdfs | undefined;
  } = {},
): Promise<RenderedBuild & { diagnostics: Diagnostic[] }> {
  const { redlines = new Map(), pdfa = "3b", cache, helper } = options;
  const contents = built.map((d) => contentFingerprint(d.tree));
  const all = await renderAll(built, contents, formats, {
    pdfa,
    ...(cache ? { cache } : {}),
    ...(helper ? { helper } : {}),
  });
  const result: RenderedBuild = { files: [], documents: [], sources: [] };
  for (const [i, { tree, files: yaml }] of built.entries()) {
    const { contentSha256, fingerprint } = contents[i] as ContentFingerprint;
    const { own, copies } = all[i] as DocumentFiles;
    if (copies) result.files.push(...copies.files);
    result.files.push(...own);
    const sources = recordedSources(yaml);
    result.sources.push(...sources);
    const redline = redlines.get(tree.name);
    if (redline) result.files.push(...redline.files);
    const dataSha256 = bilagaSha256(agreement, tree);
    result.documents.push(
      manifestDocument({
        tree,
        contentSha256,
        fingerprint,
        own,
        sources,
        ...(copies ? { copies: copies.manifest } : {}),
        ...(dataSha256 !== undefined ? { dataSha256 } : {}),
        ...(redline ? { redline: redline.manifest } : {}),
      }),
    );
  }
  const missing = all.map((files) => files.missing ?? []);
  return { ...result, diagnostics: glyphWarnings(built, missing) };
}

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
  const rendered = await renderDocuments(agreement, built.documents, formats, { pdfa });
  return {
    files: packageBuild(agreement.name, rendered),
    diagnostics: [...built.diagnostics, ...rendered.diagnostics],
  };
}

const usage = (file: string, message: string, rule: RuleId): BuildResult => ({
  diagnostics: [{ file, line: 1, col: 1, severity: "fel", message, rule }],
  usageError: true,
});

/**
 * The documents `--only` selects (every one without it), or the usage problem: no such bilaga,
 * or no previous build to merge it into.
 */
function selectDocuments(
  dir: string,
  documents: BuiltDocument[],
  only: string | undefined,
  hasPrevious: boolean,
  target: string | undefined,
): BuiltDocument[] | BuildResult {
  if (only === undefined) return documents;
  const names = documents.filter((d) => d.tree.kind === "bilaga").map((d) => d.tree.name);
  if (!names.includes(only)) {
    return usage(
      dir,
      `--only ${only}: det finns ingen sådan bilaga. Välj bland ${names.join(", ") || "(inga bilagor)"}.`,
      "only-okand",
    );
  }
  if (!hasPrevious || !target) {
    return usage(
      dir,
      `--only kräver ett tidigare bygge i ${target ?? "utdatamappen"}; bygg hela överenskommelsen först.`,
      "only-inget-bygge",
    );
  }
  return documents.filter((d) => d.tree.name === only);
}

/**
 * What the bilagor are compared with: the git revision `since`, else the previous build, else
 * nothing; or why the git revision cannot be read.
 */
async function baselineFor(
  dir: string,
  agreement: Agreement,
  since: string | undefined,
  previous: PreviousBuild | undefined,
): Promise<{ baseline: Baseline } | { diagnostics: Diagnostic[]; usageError?: boolean }> {
  if (since !== undefined) {
    const git = await gitBaseline(dir, since);
    if (git.baseline) return { baseline: git.baseline };
    return { diagnostics: git.diagnostics, ...(git.usageError ? { usageError: true } : {}) };
  }
  return { baseline: previous ? manifestBaseline(previous, agreement) : new Map() };
}

/**
 * The PDF helper's part in a build, when there is a helper, the build makes PDFs, and it renders
 * every document afresh (not `only`, which renders one, nor `cache`, which keeps rendered ones).
 */
function helperFor(formats: ReadonlySet<Format>, options: BuildOptions): HelperPdfs | undefined {
  const pdfs = pdfsOf(formats);
  if (!options.pdfHelper || !pdfs || options.only !== undefined || options.cache) return undefined;
  return helperPdfs(options.pdfHelper, { pdfa: options.pdfa ?? "3b", ...pdfs });
}

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
  // The lint's warnings only once the documents are with the PDF helper: they follow the
  // validation's diagnostics as they would have.
  const loaded = await loadAgreement(dir, undefined, {
    deferLint: true,
    ...(options.cache ? { sources: options.cache.sources } : {}),
  });
  if (!loaded.agreement) return loaded;
  const agreement = loaded.agreement;
  const id = agreement.name;
  const helper = helperFor(formats, options);
  const built = buildDocuments(agreement, helper?.send);
  const lint = loaded.lintWarnings?.() ?? [];
  const diagnostics = [...loaded.diagnostics, ...lint, ...built.diagnostics];
  if (hasErrors(diagnostics)) return { id, diagnostics };

  const target = options.out === undefined ? undefined : join(options.out, id);
  const read = options.previous ?? (target ? await readPreviousBuild(target) : { diagnostics: [] });
  const previous = read.previous;
  diagnostics.push(...read.diagnostics);

  const selected = selectDocuments(dir, built.documents, options.only, !!previous, target);
  if (!Array.isArray(selected)) return selected;
  const compared = await baselineFor(dir, agreement, options.since, previous);
  if (!("baseline" in compared)) {
    const { diagnostics: problems, ...rest } = compared;
    return { id, diagnostics: [...diagnostics, ...problems], ...rest };
  }
  const amendments = await checkAmendments(
    agreement,
    selected.map((d) => d.tree),
    compared.baseline,
  );
  diagnostics.push(...amendments.diagnostics);
  if (hasErrors(diagnostics)) return { id, diagnostics };
  const redlines = previous
    ? await carryRedlines(previous, agreement, selected, amendments.redlines)
    : amendments.redlines;

  const written = [...amendments.redlines.values()].flatMap((r) => r.manifest.files);
  const rendered = await renderDocuments(agreement, selected, formats, {
    redlines,
    pdfa: options.pdfa,
    cache: options.cache,
    helper,
  });
  diagnostics.push(...rendered.diagnostics);
  const files =
    options.only !== undefined && previous && target
      ? await packagePartial(id, target, previous.manifest, rendered)
      : packageBuild(id, rendered);
  return { id, files, diagnostics, redlines: written };
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

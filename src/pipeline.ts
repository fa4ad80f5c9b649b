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
import {
  manifestDocument,
  packageBuild,
  packagePartial,
  type RenderedBuild,
  recordedSources,
} from "./package/assemble.js";
import { type ContentFingerprint, contentFingerprint } from "./package/fingerprint.js";
import type { ManifestDocument, OutputFile } from "./package/manifest.js";
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

/** The renderers for the requested formats, each loaded only when asked for. */
interface Renderers {
  markdown: boolean;
  renderDocx?: (tree: DocumentTree, options: { fingerprint: string }) => Promise<Uint8Array>;
  pdf?: typeof import("./render/pdf/index.js");
  /** Set when plain PDFs (not only copies) are asked for. */
  plainPdf: boolean;
  renderCopies?: typeof import("./package/copies.js").renderCopies;
}

/**
 * Loads the renderers for `formats`: each is a large library, and loading is most of a short
 * build's time.
 */
async function loadRenderers(formats: ReadonlySet<Format>): Promise<Renderers> {
  const pdf =
    formats.has("pdf") || formats.has("exemplar")
      ? await import("./render/pdf/index.js")
      : undefined;
  return {
    markdown: formats.has("md"),
    ...(formats.has("docx")
      ? { renderDocx: (await import("./render/docx/index.js")).renderDocx }
      : {}),
    ...(pdf ? { pdf } : {}),
    plainPdf: formats.has("pdf"),
    ...(formats.has("exemplar")
      ? { renderCopies: (await import("./package/copies.js")).renderCopies }
      : {}),
  };
}

type CacheEntry = RenderCache["entries"] extends Map<string, infer E> ? E : never;

/** Renders one document's own files and its copies in the loaded formats. */
async function renderFiles(
  tree: DocumentTree,
  yaml: readonly SourceFile[],
  renderers: Renderers,
  content: ContentFingerprint,
  pdfa: PdfALevel,
): Promise<CacheEntry> {
  const { fingerprint } = content;
  const own: OutputFile[] = [];
  if (renderers.markdown) {
    own.push({ path: `${tree.name}.md`, data: encoder.encode(renderMarkdown(tree)) });
  }
  const attachments = sourcesOf(yaml);
  if (renderers.renderDocx) {
    own.push({
      path: `${tree.name}.docx`,
      data: await renderers.renderDocx(tree, { fingerprint }),
    });
  }
  const pdf = renderers.pdf;
  if (renderers.plainPdf && pdf) {
    own.push({
      path: `${tree.name}.pdf`,
      data: await pdf.renderPdf(tree, { attachments, fingerprint, pdfa }),
    });
  }
  if (!renderers.renderCopies || !pdf) return { own };
  const copies = await renderers.renderCopies(
    tree,
    pdf.renderPdf,
    { attachments, pdfa },
    pdf.renderPdfCopies,
    content,
  );
  return { own, copies };
}

/** A cache entry's own copy (the caller adds to the list it gets). */
const copyEntry = (entry: CacheEntry): CacheEntry => ({
  own: [...entry.own],
  ...(entry.copies ? { copies: entry.copies } : {}),
});

/** One document's files: from the cache (`iop watch`) when its inputs are unchanged, else rendered. */
async function renderOrReuse(
  tree: DocumentTree,
  yaml: readonly SourceFile[],
  renderers: Renderers,
  content: ContentFingerprint,
  options: { formats: ReadonlySet<Format>; pdfa: PdfALevel; cache?: RenderCache },
): Promise<CacheEntry> {
  const { cache } = options;
  if (!cache) return renderFiles(tree, yaml, renderers, content, options.pdfa);
  const key = renderKey(tree, yaml, options.formats, options.pdfa);
  cache.used.add(key);
  const hit = cache.entries.get(key);
  // Rendered by an earlier build in this process from the same tree, sources and options.
  if (hit) return copyEntry(hit);
  const rendered = await renderFiles(tree, yaml, renderers, content, options.pdfa);
  cache.entries.set(key, copyEntry(rendered));
  return rendered;
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
  redlines: Amendments["redlines"] = new Map(),
  pdfa: PdfALevel = "3b",
  cache?: RenderCache,
): Promise<RenderedBuild & { diagnostics: Diagnostic[] }> {
  const renderers = await loadRenderers(formats);
  const diagnostics = renderers.pdf ? glyphWarnings(built, renderers.pdf.missingGlyphs) : [];
  const result: RenderedBuild = { files: [], documents: [], sources: [] };
  for (const { tree, files: yaml } of built) {
    const content = contentFingerprint(tree);
    const { contentSha256, fingerprint } = content;
    const { own, copies } = await renderOrReuse(tree, yaml, renderers, content, {
      formats,
      pdfa,
      ...(cache ? { cache } : {}),
    });
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
  return { ...result, diagnostics };
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
  const rendered = await renderDocuments(agreement, built.documents, formats, new Map(), pdfa);
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
  const id = agreement.name;
  const built = buildDocuments(agreement);
  const diagnostics = [...loaded.diagnostics, ...built.diagnostics];
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
  const rendered = await renderDocuments(
    agreement,
    selected,
    formats,
    redlines,
    options.pdfa,
    options.cache,
  );
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

/**
 * Rebuilds a built folder's documents from the YAML sources its PDFs carry and compares what a
 * reader sees in every file with what the sources give: the Markdown as it is, the text of each
 * Word file (body, headers, footers), and the text of each PDF and copy as poppler extracts it
 * (for a PDF signed after the build: the built part, before the signatures). The manifest's
 * documents and its list of files must be what a build of the sources writes. So an edit to any
 * output, or to all copies alike, with manifest.json updated to match, still shows; only a
 * consistent edit of the embedded sources too does not (that is what signatures are for).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgreementSources } from "../load/agreement.js";
import { AGREEMENT_FILE, bilagaFiles } from "../load/agreement.js";
import { parseSource, type SourceFile } from "../load/source.js";
import type { Manifest, OutputFile } from "../package/manifest.js";
import { FORMATS, type Format, renderAgreement } from "../pipeline.js";
import { validateAgreement } from "../validate/index.js";
import { comparablePage, describeDifference } from "./copies.js";
import type { Finding } from "./folder.js";
import { docxText, pdfAttachments } from "./sources.js";
import { extractPages, type PagesResult } from "./text.js";

/** The formats the folder was built with, read from the files its manifest lists. */
function formatsOf(manifest: Manifest): Set<Format> {
  const formats = new Set<Format>();
  for (const doc of manifest.documents) {
    for (const f of doc.files) {
      const ext = f.split(".").pop();
      if (ext === "md" || ext === "docx" || ext === "pdf") formats.add(ext);
    }
    if (doc.copies.length > 0 || doc.signingPdf !== undefined) formats.add("exemplar");
  }
  return formats.size > 0 ? formats : new Set(FORMATS);
}

const fel = (message: string, file?: string): Finding => ({
  level: "fel",
  message,
  ...(file !== undefined ? { file } : {}),
});

/** The YAML sources attached to the folder's PDFs, by name, with the PDF each came from. */
type Sources = Map<string, { data: Uint8Array; from: string }>;

/** The text of a file as a reader sees it, rebuilt (`ours`) and in the folder (`theirs`). */
type Texts = { ours: string[]; theirs: string[] };

/**
 * 1. The sources, from every PDF; they must be the same wherever they are attached, and every
 * PDF must carry them. Any finding means there is nothing to rebuild.
 */
async function attachedSources(
  contents: ReadonlyMap<string, Uint8Array>,
  builtLength: ReadonlyMap<string, number>,
): Promise<{ sources: Sources; findings: Finding[] }> {
  const findings: Finding[] = [];
  const sources: Sources = new Map();
  let pdfs = 0;
  const withoutSources: string[] = [];
  for (const [path, data] of contents) {
    if (!path.endsWith(".pdf")) continue;
    pdfs++;
    const attached = await pdfAttachments(data.subarray(0, builtLength.get(path) ?? data.length));
    if (!attached) {
      findings.push(fel("PDF-filen kan inte läsas", path));
      continue;
    }
    const yaml = [...attached].filter(([name]) => /\.ya?ml$/.test(name));
    if (yaml.length === 0) withoutSources.push(path);
    findings.push(...addSources(sources, path, yaml));
  }
  if (sources.size === 0) {
    // Not a folder iop build wrote with PDFs (or every source was stripped): nothing to rebuild.
    findings.push({
      level: "varning",
      message: `${pdfs > 0 ? "PDF-filerna bär inga YAML-källor" : "mappen har inga PDF-filer med YAML-källor"}; dokumenten kan inte byggas om och jämföras`,
    });
    return { sources, findings };
  }
  for (const path of withoutSources) {
    findings.push(fel("PDF-filen bär inte sina YAML-källor, som de andra PDF-filerna gör", path));
  }
  return { sources, findings };
}

/** Adds the YAML files attached to the PDF at `path` to `sources`; one that differs is a finding. */
function addSources(sources: Sources, path: string, yaml: [string, Uint8Array][]): Finding[] {
  const findings: Finding[] = [];
  for (const [name, bytes] of yaml) {
    const seen = sources.get(name);
    if (!seen) sources.set(name, { data: bytes, from: path });
    else if (Buffer.compare(seen.data, bytes) !== 0) {
      findings.push(
        fel(`den bifogade källfilen ${name} skiljer sig från den i ${seen.from}`, path),
      );
    }
  }
  return findings;
}

/** The sources parsed, by name; their YAML errors are findings at the PDF they came from. */
function parseSources(sources: Sources): { parsed: Map<string, SourceFile>; findings: Finding[] } {
  const findings: Finding[] = [];
  const parsed = new Map<string, SourceFile>();
  for (const [name, { data, from }] of sources) {
    // Named as attached inside the PDF; the manifest records each source by its file name.
    const result = parseSource(`${from}/${name}`, data);
    for (const d of result.diagnostics.filter((d) => d.severity === "fel")) {
      findings.push(fel(`källfilen ${name}, rad ${d.line}: ${d.message}`, from));
    }
    if (result.file) parsed.set(name, result.file);
  }
  return { parsed, findings };
}

/**
 * 2. The sources parsed, validated and built in memory, as iop build would, with the formats
 * the folder was built with. Without `files`, they could not be built (the findings say why).
 */
async function buildSources(
  manifest: Manifest,
  sources: Sources,
): Promise<{ files?: OutputFile[]; findings: Finding[] }> {
  const { parsed, findings } = parseSources(sources);
  const agreement = parsed.get(AGREEMENT_FILE);
  if (!agreement) {
    if (findings.length === 0)
      findings.push(fel(`${AGREEMENT_FILE} saknas bland PDF-filernas källor`));
    return { findings };
  }
  const bilagor = bilagaFiles([...parsed.keys()]).map((name) => parsed.get(name) as SourceFile);
  const input: AgreementSources = {
    dir: manifest.agreement,
    name: manifest.agreement,
    agreement,
    bilagor,
  };
  const validated = validateAgreement(input);
  const built = validated.agreement
    ? await renderAgreement(validated.agreement, formatsOf(manifest))
    : { diagnostics: validated.diagnostics };
  if (!built.files) {
    const first = built.diagnostics.find((d) => d.severity === "fel");
    findings.push(
      fel(
        `dokumenten kan inte byggas om från källorna i PDF-filerna${first ? `: ${first.file}:${first.line}: ${first.message}` : ""}`,
      ),
    );
    return { findings };
  }
  return { files: built.files, findings };
}

/**
 * 3. The manifest: the files and documents a build of the sources writes. `rebuilt` are the
 * rebuilt files but the manifest, by path; `expected` is the rebuilt manifest.
 */
function manifestFindings(
  manifest: Manifest,
  expected: Manifest,
  rebuilt: ReadonlyMap<string, Uint8Array>,
): Finding[] {
  const findings: Finding[] = [];
  // A bilaga's redline is written from its previous version, which the sources do not hold.
  const redlines = new Set(manifest.documents.flatMap((d) => d.redline?.files ?? []));
  for (const entry of manifest.files) {
    if (!rebuilt.has(entry.path) && !redlines.has(entry.path)) {
      findings.push(fel("filen står i manifestet men byggs inte av källorna", entry.path));
    }
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of rebuilt.keys()) {
    if (!listed.has(path)) findings.push(fel(`källorna ger filen ${path}, som manifestet saknar`));
  }
  const documents = new Map(expected.documents.map((d) => [d.name, JSON.stringify(d)]));
  for (const doc of manifest.documents) {
    const want = documents.get(doc.name);
    if (want === undefined)
      findings.push(fel(`dokumentet ${doc.name} byggs inte av källorna`, "manifest.json"));
    else if (want !== JSON.stringify({ ...doc, redline: undefined })) {
      findings.push(fel(`uppgifterna om ${doc.name} stämmer inte med källorna`, "manifest.json"));
    }
  }
  if (manifest.agreement !== expected.agreement) {
    findings.push(fel(`överenskommelsens id är ${expected.agreement} i källorna`, "manifest.json"));
  }
  return findings;
}

/**
 * The text of the file at `path` rebuilt (`want`) and as built in the folder (`built`): Markdown
 * as it is, Word's text, the PDF's pages as poppler extracts them (`pdfText`). A finding when the
 * folder's file cannot be read; `missingProgram` when poppler is missing; undefined for other files.
 */
async function fileTexts(
  path: string,
  want: Uint8Array,
  built: Uint8Array,
  pdfText: (data: Uint8Array) => Promise<PagesResult>,
): Promise<Texts | { finding: Finding } | { missingProgram: string } | undefined> {
  if (path.endsWith(".md")) {
    return { ours: [new TextDecoder().decode(want)], theirs: [new TextDecoder().decode(built)] };
  }
  if (path.endsWith(".docx")) {
    const text = docxText(built);
    if (text === undefined) return { finding: fel("Word-filen kan inte läsas", path) };
    return { ours: [docxText(want) ?? ""], theirs: [text] };
  }
  if (!path.endsWith(".pdf")) return undefined;
  const [a, b] = await Promise.all([pdfText(want), pdfText(built)]);
  if (!a.ok || !b.ok) {
    const failed = (!a.ok ? a : b) as Extract<typeof a, { ok: false }>;
    if (failed.missingProgram) return { missingProgram: failed.error };
    return { finding: fel(failed.error, path) };
  }
  return { ours: a.pages, theirs: b.pages };
}

/**
 * 4. The text of every file against the rebuilt one (PDFs' text extracted in a temporary folder,
 * removed after). Stops with `missingProgram` when poppler is missing.
 */
async function textFindings(
  contents: ReadonlyMap<string, Uint8Array>,
  builtLength: ReadonlyMap<string, number>,
  rebuilt: ReadonlyMap<string, Uint8Array>,
): Promise<{ findings: Finding[]; missingProgram?: string }> {
  const findings: Finding[] = [];
  const temp = await mkdtemp(join(tmpdir(), "iop-verify-"));
  try {
    let n = 0;
    const pdfText = async (data: Uint8Array) => {
      const path = join(temp, `${n++}.pdf`);
      await writeFile(path, data);
      return extractPages(path);
    };
    let same = 0;
    for (const [path, data] of contents) {
      const want = rebuilt.get(path);
      if (!want) continue;
      const built = data.subarray(0, builtLength.get(path) ?? data.length);
      const texts = await fileTexts(path, want, built, pdfText);
      if (texts === undefined) continue;
      if ("missingProgram" in texts) return { findings, missingProgram: texts.missingProgram };
      if ("finding" in texts) {
        findings.push(texts.finding);
        continue;
      }
      const difference = compareTexts(texts.ours, texts.theirs, !path.endsWith(".pdf"));
      if (difference)
        findings.push(fel(`texten är inte den som källorna ger: ${difference}`, path));
      else same++;
    }
    if (same > 0) {
      findings.push({
        level: "ok",
        message: `${same} filer har den text som källorna i PDF-filerna ger`,
      });
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return { findings };
}

/**
 * Findings of the rebuild. `contents` are the listed files read from the folder; `builtLength`
 * gives the built size of PDFs signed after the build.
 */
export async function rebuildFindings(
  manifest: Manifest,
  contents: ReadonlyMap<string, Uint8Array>,
  builtLength: ReadonlyMap<string, number>,
): Promise<{ findings: Finding[]; missingProgram?: string }> {
  const attached = await attachedSources(contents, builtLength);
  if (attached.findings.length > 0) return { findings: attached.findings };
  const built = await buildSources(manifest, attached.sources);
  const findings = built.findings;
  if (!built.files) return { findings };
  const rebuilt = new Map(built.files.map((f) => [f.path, f.data]));
  const expected = JSON.parse(new TextDecoder().decode(rebuilt.get("manifest.json"))) as Manifest;
  rebuilt.delete("manifest.json");
  findings.push(...manifestFindings(manifest, expected, rebuilt));
  const texts = await textFindings(contents, builtLength, rebuilt);
  findings.push(...texts.findings);
  return texts.missingProgram === undefined
    ? { findings }
    : { findings, missingProgram: texts.missingProgram };
}

/** A description of the first differences between two texts (by page), or undefined. */
function compareTexts(expected: string[], actual: string[], exact: boolean): string | undefined {
  if (expected.length !== actual.length) {
    return `${actual.length} sidor i stället för ${expected.length}`;
  }
  for (const [i, page] of expected.entries()) {
    const a = comparablePage(page);
    const b = comparablePage(actual[i] ?? "");
    // Markdown and Word text is compared as it is (white space too); PDF text as extracted.
    if (a === b && exact && page !== actual[i]) return "blanktecken skiljer sig";
    if (a !== b) {
      const where = expected.length > 1 ? `sidan ${i + 1}: ` : "";
      return `${where}${describeDifference(a, b)}`;
    }
  }
  return undefined;
}

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
import type { Manifest } from "../package/manifest.js";
import { FORMATS, type Format, renderAgreement } from "../pipeline.js";
import { validateAgreement } from "../validate/index.js";
import { comparablePage, describeDifference } from "./copies.js";
import type { Finding } from "./folder.js";
import { docxText, pdfAttachments } from "./sources.js";
import { extractPages } from "./text.js";

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

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

/**
 * Findings of the rebuild. `contents` are the listed files read from the folder; `builtLength`
 * gives the built size of PDFs signed after the build.
 */
export async function rebuildFindings(
  manifest: Manifest,
  contents: ReadonlyMap<string, Uint8Array>,
  builtLength: ReadonlyMap<string, number>,
): Promise<{ findings: Finding[]; missingProgram?: string }> {
  const findings: Finding[] = [];
  // 1. The sources, from every PDF; they must be the same wherever they are attached.
  const sources = new Map<string, { data: Uint8Array; from: string }>();
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
    for (const [name, bytes] of yaml) {
      const seen = sources.get(name);
      if (!seen) sources.set(name, { data: bytes, from: path });
      else if (!sameBytes(seen.data, bytes)) {
        findings.push(
          fel(`den bifogade källfilen ${name} skiljer sig från den i ${seen.from}`, path),
        );
      }
    }
  }
  if (sources.size === 0) {
    // Not a folder iop build wrote with PDFs (or every source was stripped): nothing to rebuild.
    findings.push({
      level: "varning",
      message: `${pdfs > 0 ? "PDF-filerna bär inga YAML-källor" : "mappen har inga PDF-filer med YAML-källor"}; dokumenten kan inte byggas om och jämföras`,
    });
    return { findings };
  }
  for (const path of withoutSources) {
    findings.push(fel("PDF-filen bär inte sina YAML-källor, som de andra PDF-filerna gör", path));
  }
  if (findings.length > 0) return { findings };

  // 2. Parse, validate and build them in memory, as iop build would.
  const parsed = new Map<string, SourceFile>();
  for (const [name, { data, from }] of sources) {
    // Named as attached inside the PDF; the manifest records each source by its file name.
    const result = parseSource(`${from}/${name}`, data);
    for (const d of result.diagnostics.filter((d) => d.severity === "fel")) {
      findings.push(fel(`källfilen ${name}, rad ${d.line}: ${d.message}`, from));
    }
    if (result.file) parsed.set(name, result.file);
  }
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

  // 3. The manifest: the files and documents a build of the sources writes.
  const rebuilt = new Map(built.files.map((f) => [f.path, f.data]));
  const expected = JSON.parse(new TextDecoder().decode(rebuilt.get("manifest.json"))) as Manifest;
  rebuilt.delete("manifest.json");
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

  // 4. The text of every file against the rebuilt one.
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
      let ours: string[] | undefined;
      let theirs: string[] | undefined;
      if (path.endsWith(".md")) {
        [ours, theirs] = [[new TextDecoder().decode(want)], [new TextDecoder().decode(built)]];
      } else if (path.endsWith(".docx")) {
        const text = docxText(built);
        if (text === undefined) {
          findings.push(fel("Word-filen kan inte läsas", path));
          continue;
        }
        [ours, theirs] = [[docxText(want) ?? ""], [text]];
      } else if (path.endsWith(".pdf")) {
        const [a, b] = await Promise.all([pdfText(want), pdfText(built)]);
        if (!a.ok || !b.ok) {
          const failed = (!a.ok ? a : b) as Extract<typeof a, { ok: false }>;
          if (failed.missingProgram) return { findings, missingProgram: failed.error };
          findings.push(fel(failed.error, path));
          continue;
        }
        [ours, theirs] = [a.pages, b.pages];
      } else continue;
      const difference = compareTexts(ours, theirs, !path.endsWith(".pdf"));
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

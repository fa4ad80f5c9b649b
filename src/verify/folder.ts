/**
 * `iop verify <dir>`: checks an output folder against its manifest.json and the PDFs' contents.
 * `verifyFolder` reads the manifest (checked against its JSON Schema, manifest.ts), then runs
 * one function per phase:
 *
 *   - files: none missing, none extra, each with the SHA-256 and size the manifest records. A PDF
 *     that was signed after the build is accepted when its first `bytes` bytes are still the built
 *     file and everything after them is signatures (incremental updates, checked below);
 *   - the manifest itself: what can be re-derived must agree (the fingerprint is the prefix of
 *     contentSha256; copy numbers, counts, parties and paths follow from each other), so an edit
 *     to one entry shows up as a disagreement;
 *   - contents: the text of every page of every copy, re-extracted from the PDFs, is the same in
 *     all copies apart from the copy label, carries the manifest's fingerprint, and the label the
 *     manifest gives the copy;
 *   - signatures: who signed, when, whether each signature is valid and whether anything was
 *     changed after it (see `signatures.ts`), and the detached signature of the manifest
 *     (manifest.json.p7s, `iop sign --manifest`) when there is one;
 *   - a rebuild: the documents built again from the YAML sources the PDFs carry give the text of
 *     every file and the manifest's documents (see rebuild.ts).
 */

import type { X509Certificate } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { sha256 } from "../hash.js";
import { copyLabel, copyPath } from "../package/copies.js";
import { formatFingerprint } from "../package/fingerprint.js";
import {
  MANIFEST_FILE,
  type Manifest,
  type ManifestCopy,
  type ManifestDocument,
  type ManifestFile,
} from "../package/manifest.js";
import { MANIFEST_SIGNATURE_FILE } from "../sign/manifest-signature.js";
import { type CopyText, compareCopies } from "./copies.js";
import { readManifest } from "./manifest.js";
import { rebuildFindings } from "./rebuild.js";
import {
  detachedSignatureFindings,
  inspectSignatures,
  type SignatureReport,
  signatureFindings,
} from "./signatures.js";
import { extractPages } from "./text.js";

export type FindingLevel = "fel" | "varning" | "ok";

export interface Finding {
  level: FindingLevel;
  /** Path relative to the folder, when the finding concerns one file. */
  file?: string;
  /** Swedish. */
  message: string;
}

export interface VerifyReport {
  findings: Finding[];
  /** Set when the folder could not be checked at all (exit code 2). */
  usageError?: string;
  /** Set when a required program (pdftotext) is missing (exit code 2). */
  missingProgram?: string;
}

/** Every file under `dir`, as forward-slash relative paths; symbolic links are listed apart. */
async function listFiles(dir: string): Promise<{ files: string[]; links: string[] }> {
  const files: string[] = [];
  const links: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split(sep).join("/");
      if (entry.isSymbolicLink()) links.push(rel);
      else if (entry.isDirectory()) await walk(path);
      else files.push(rel);
    }
  };
  await walk(dir);
  return { files: files.sort(), links: links.sort() };
}

const isSafePath = (path: string): boolean =>
  path.length > 0 &&
  !path.startsWith("/") &&
  !path.includes("\\") &&
  path.split("/").every((part) => part !== "" && part !== "." && part !== "..");

type Fel = (message: string) => void;

/** The fingerprint is the prefix of contentSha256. */
function checkFingerprint(doc: ManifestDocument, fel: Fel): void {
  if (!/^[0-9a-f]{64}$/.test(doc.contentSha256)) fel("contentSha256 är ingen SHA-256");
  else if (doc.fingerprint !== formatFingerprint(doc.contentSha256)) {
    fel(
      `fingeravtrycket ${doc.fingerprint} stämmer inte med contentSha256 (${formatFingerprint(doc.contentSha256)})`,
    );
  }
}

/** Electronic signing: no paper copies, and the one PDF for signing listed. */
function checkElectronic(doc: ManifestDocument, listed: Set<string>, fel: Fel): void {
  if (doc.copies.length > 0) fel("elektronisk underskrift men exemplar för papper");
  // Without signatories no PDFs for signing were built (iop build without exemplar).
  if (doc.signingPdf === undefined) {
    if (doc.signatories) fel("elektronisk underskrift men ingen PDF för underskrift (signingPdf)");
  } else if (!listed.has(doc.signingPdf)) fel(`filen ${doc.signingPdf} finns inte i files`);
}

/** One paper copy: its number, count, party and path follow from its place in the list. */
function checkCopy(doc: ManifestDocument, i: number, listed: Set<string>, fel: Fel): void {
  const copy = doc.copies[i] as ManifestCopy;
  const n = doc.copies.length;
  const where = `exemplar ${i + 1}`;
  if (copy.number !== i + 1) fel(`${where} har numret ${copy.number}`);
  if (copy.of !== n) fel(`${where} anger "av ${copy.of}" men det finns ${n} exemplar`);
  const party = doc.signatories?.[i];
  if (party && (party.party !== copy.party || party.partyName !== copy.partyName)) {
    fel(
      `${where} tillhör ${copy.partyName} (${copy.party}), men part ${i + 1} är ${party.partyName} (${party.party})`,
    );
  }
  const expected = copyPath(doc.name, copy.number, copy.of, copy.party);
  if (copy.path !== expected) fel(`${where} har sökvägen ${copy.path}, väntad ${expected}`);
  if (!listed.has(copy.path)) fel(`${where}: filen ${copy.path} finns inte i files`);
}

/** Paper signing: one copy per signing party, each where and whose it should be. */
function checkPaperCopies(doc: ManifestDocument, listed: Set<string>, fel: Fel): void {
  const n = doc.copies.length;
  const signatories = doc.signatories;
  if (signatories && n !== signatories.length) {
    fel(`${n} exemplar men ${signatories.length} undertecknande parter`);
  }
  for (let i = 0; i < n; i++) checkCopy(doc, i, listed, fel);
  if (new Set(doc.copies.map((c) => c.party)).size !== n) fel("två exemplar tillhör samma part");
}

/** Re-derives what the manifest says about one document and reports disagreements. */
function checkDocument(doc: ManifestDocument, listed: Set<string>): Finding[] {
  const out: Finding[] = [];
  const fel = (message: string) =>
    out.push({ level: "fel", file: MANIFEST_FILE, message: `${doc.name}: ${message}` });
  checkFingerprint(doc, fel);
  for (const path of doc.files) if (!listed.has(path)) fel(`filen ${path} finns inte i files`);
  if (doc.signing === "elektronisk") checkElectronic(doc, listed, fel);
  else checkPaperCopies(doc, listed, fel);
  return out;
}

/** Collects findings; `add` keeps `file` out of a finding that concerns no one file. */
class Findings {
  readonly list: Finding[] = [];
  add(level: FindingLevel, message: string, file?: string): void {
    this.list.push({ level, message, ...(file !== undefined ? { file } : {}) });
  }
  push(...findings: Finding[]): void {
    this.list.push(...findings);
  }
}

/** What the files phase learnt, for the later phases. */
interface FilesRead {
  /** Paths the manifest lists (safe ones only). */
  listed: Set<string>;
  /** The bytes of every listed file that is on disk. */
  contents: Map<string, Uint8Array>;
  /** PDFs whose built bytes are intact with signatures appended: path → built size. */
  signedLater: Map<string, number>;
}

/** The folder exists, is a folder and has something in it; else why not. */
async function checkFolder(dir: string, findings: Findings): Promise<VerifyReport | undefined> {
  try {
    if (!(await stat(dir)).isDirectory())
      return { findings: findings.list, usageError: `${dir} är ingen mapp.` };
  } catch {
    return {
      findings: findings.list,
      usageError: `Mappen ${dir} finns inte eller kan inte läsas.`,
    };
  }
  if ((await listFiles(dir).catch(() => ({ files: [], links: [] }))).files.length === 0) {
    findings.add("fel", "mappen är tom; där finns inget byggt att kontrollera");
    return { findings: findings.list };
  }
  return undefined;
}

/** How one listed file compares with its manifest entry: intact, signed later or changed. */
function compareFile(entry: ManifestFile, data: Uint8Array): "intact" | "signedLater" | "changed" {
  if (data.length === entry.bytes && sha256(data) === entry.sha256) return "intact";
  const signed =
    entry.path.endsWith(".pdf") &&
    data.length > entry.bytes &&
    sha256(data.subarray(0, entry.bytes)) === entry.sha256;
  return signed ? "signedLater" : "changed";
}

/** The detached signature of the manifest (iop sign --manifest), when there is one. */
async function checkManifestSignature(
  dir: string,
  present: string[],
  trust: X509Certificate[] | undefined,
  findings: Findings,
): Promise<void> {
  if (!present.includes(MANIFEST_SIGNATURE_FILE)) return;
  findings.push(
    ...detachedSignatureFindings(
      MANIFEST_SIGNATURE_FILE,
      await readFile(join(dir, MANIFEST_SIGNATURE_FILE)),
      await readFile(join(dir, MANIFEST_FILE)),
      trust,
    ),
  );
}

/** One entry of the manifest's files against the disk; true when the file is intact. */
async function checkFileEntry(
  dir: string,
  entry: ManifestFile,
  onDisk: Set<string>,
  read: FilesRead,
  findings: Findings,
): Promise<boolean> {
  if (!isSafePath(entry.path) || entry.path === MANIFEST_FILE) {
    findings.add("fel", `ogiltig sökväg i manifestet: ${entry.path}`, MANIFEST_FILE);
    return false;
  }
  if (read.listed.has(entry.path))
    findings.add("fel", `${entry.path} står två gånger i manifestet`, MANIFEST_FILE);
  read.listed.add(entry.path);
  if (!onDisk.has(entry.path)) {
    findings.add("fel", "filen saknas", entry.path);
    return false;
  }
  const data = await readFile(join(dir, ...entry.path.split("/")));
  read.contents.set(entry.path, data);
  const state = compareFile(entry, data);
  if (state === "signedLater") read.signedLater.set(entry.path, entry.bytes);
  if (state === "changed")
    findings.add("fel", "filen har ändrats: SHA-256 stämmer inte med manifestet", entry.path);
  return state === "intact";
}

/** Phase 1: the files against the manifest (and the manifest's detached signature, if any). */
async function checkFiles(
  dir: string,
  manifest: Manifest,
  trust: X509Certificate[] | undefined,
  findings: Findings,
): Promise<FilesRead> {
  const { files: present, links } = await listFiles(dir);
  const onDisk = new Set(
    present.filter((p) => p !== MANIFEST_FILE && p !== MANIFEST_SIGNATURE_FILE),
  );
  await checkManifestSignature(dir, present, trust, findings);
  const read: FilesRead = { listed: new Set(), contents: new Map(), signedLater: new Map() };
  let intact = 0;
  for (const entry of manifest.files) {
    if (await checkFileEntry(dir, entry, onDisk, read, findings)) intact++;
  }
  for (const path of onDisk)
    if (!read.listed.has(path)) findings.add("fel", "filen finns inte i manifestet", path);
  for (const path of links) findings.add("fel", "symboliska länkar hör inte hemma i mappen", path);
  if (intact > 0)
    findings.add("ok", `${intact} av ${manifest.files.length} filer stämmer med manifestet`);
  return read;
}

/** Phase 2: the manifest against itself. */
function checkManifest(manifest: Manifest, listed: Set<string>, findings: Findings): void {
  if (manifest.documents.length === 0 || manifest.files.length === 0) {
    findings.add("fel", "manifestet tar inte upp några dokument", MANIFEST_FILE);
  }
  for (const doc of manifest.documents) findings.push(...checkDocument(doc, listed));
}

/** The PDFs of a document whose text must agree: its paper copies, or its one PDF for signing. */
function signingPdfs(doc: ManifestDocument): Omit<CopyText, "pages">[] {
  if (doc.signing === "elektronisk") {
    return doc.signingPdf !== undefined ? [{ path: doc.signingPdf, number: 1 }] : [];
  }
  return doc.copies.map((c) => ({
    path: c.path,
    number: c.number,
    label: copyLabel(c.number, c.of, c.partyName),
  }));
}

/**
 * Phase 3 for one document: the text of its copies (or of its electronic PDF), re-extracted from
 * the PDFs. Returns the missing program's message when pdftotext is missing.
 */
async function checkDocumentContents(
  dir: string,
  doc: ManifestDocument,
  contents: Map<string, Uint8Array>,
  signing: Map<string, ManifestDocument>,
  findings: Findings,
): Promise<string | undefined> {
  const pdfs = signingPdfs(doc);
  const readable = pdfs.filter((p) => contents.has(p.path) && isSafePath(p.path));
  for (const p of readable) signing.set(p.path, doc);
  const extracted = await Promise.all(
    readable.map((p) => extractPages(join(dir, ...p.path.split("/")))),
  );
  const texts: CopyText[] = [];
  for (const [i, result] of extracted.entries()) {
    const pdf = readable[i] as Omit<CopyText, "pages">;
    if (result.ok) texts.push({ ...pdf, pages: result.pages });
    else if (result.missingProgram) return result.error;
    else findings.add("fel", result.error, pdf.path);
  }
  const problems = compareCopies(texts, doc.fingerprint);
  for (const p of problems) findings.add("fel", p.message, p.path);
  if (problems.length === 0 && texts.length > 0 && texts.length === pdfs.length) {
    const pages = texts[0]?.pages.length ?? 0;
    findings.add(
      "ok",
      texts.length === 1
        ? `${doc.name}: ${pages} sidor med fingeravtrycket ${doc.fingerprint}`
        : `${doc.name}: ${texts.length} exemplar med samma text på ${pages} sidor (fingeravtryck ${doc.fingerprint})`,
    );
  }
  return undefined;
}

/** Phase 3: the contents of every document's PDFs for signing. */
async function checkContents(
  dir: string,
  manifest: Manifest,
  contents: Map<string, Uint8Array>,
  findings: Findings,
): Promise<{ signing: Map<string, ManifestDocument>; missingProgram?: string }> {
  /** Each PDF made for signing → its document. */
  const signing = new Map<string, ManifestDocument>();
  for (const doc of manifest.documents) {
    const missingProgram = await checkDocumentContents(dir, doc, contents, signing, findings);
    if (missingProgram !== undefined) return { signing, missingProgram };
  }
  return { signing };
}

const hasSignatures = (data: Uint8Array): boolean =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes("/ByteRange");

/** A PDF signed after the build: what follows the built bytes must be signatures. */
function checkAppendedSignatures(
  path: string,
  report: SignatureReport,
  original: number,
  findings: Findings,
): void {
  const first = report.signatures[0];
  if (!first || first.byteRange[2] + first.byteRange[3] <= original) {
    findings.add(
      "fel",
      "filen har ändrats efter bygget: tillägget efter den byggda filen är ingen underskrift",
      path,
    );
  } else {
    findings.add("ok", "filen är den byggda filen med underskrifter tillagda efteråt", path);
  }
}

/** An electronic PDF has a signature field, signed or not, for every signatory. */
function checkSignatureFields(
  path: string,
  doc: ManifestDocument,
  report: SignatureReport,
  findings: Findings,
): void {
  const fields = new Set([
    ...report.signatures.map((s) => s.field),
    ...report.unsignedFields,
    ...report.unreadableFields,
  ]);
  for (const s of doc.signatories ?? []) {
    if (!fields.has(s.party))
      findings.add("fel", `underskriftsfältet för ${s.partyName} (${s.party}) saknas`, path);
  }
}

/** Phase 4: signatures, in the PDFs made for signing and in any other PDF that has some. */
async function checkSignatures(
  read: FilesRead,
  signing: Map<string, ManifestDocument>,
  trust: X509Certificate[] | undefined,
  findings: Findings,
): Promise<void> {
  for (const [path, data] of read.contents) {
    if (!path.endsWith(".pdf")) continue;
    const doc = signing.get(path);
    if (!doc && !hasSignatures(data)) continue;
    const original = read.signedLater.get(path);
    const report = await inspectSignatures(data, {
      ...(original !== undefined ? { originalLength: original } : {}),
      ...(trust ? { trust } : {}),
    });
    if (original !== undefined) checkAppendedSignatures(path, report, original, findings);
    const partyName = (field: string) =>
      doc?.signatories?.find((s) => s.party === field)?.partyName ?? field;
    const electronic = doc?.signing === "elektronisk";
    findings.push(...signatureFindings(path, report, partyName, electronic));
    if (doc && electronic) checkSignatureFields(path, doc, report, findings);
  }
}

/** Checks `dir` against its manifest; never throws for bad input. */
export async function verifyFolder(
  dir: string,
  options: { trust?: X509Certificate[] } = {},
): Promise<VerifyReport> {
  const findings = new Findings();
  const unusable = await checkFolder(dir, findings);
  if (unusable) return unusable;
  const read = await readManifest(dir);
  if ("problems" in read) {
    for (const problem of read.problems) findings.add("fel", problem, MANIFEST_FILE);
    return { findings: findings.list };
  }
  const { manifest } = read;
  const files = await checkFiles(dir, manifest, options.trust, findings);
  checkManifest(manifest, files.listed, findings);
  const { signing, missingProgram } = await checkContents(dir, manifest, files.contents, findings);
  if (missingProgram !== undefined) return { findings: findings.list, missingProgram };
  await checkSignatures(files, signing, options.trust, findings);
  // Phase 5: every file's text against a rebuild from the YAML sources the PDFs carry.
  const rebuilt = await rebuildFindings(manifest, files.contents, files.signedLater);
  if (rebuilt.missingProgram)
    return { findings: findings.list, missingProgram: rebuilt.missingProgram };
  findings.push(...rebuilt.findings);
  return { findings: findings.list };
}

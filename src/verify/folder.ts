/**
 * `iop verify <dir>`: checks an output folder against its manifest.json and the PDFs' contents.
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
import { MANIFEST_FILE, type Manifest, type ManifestDocument } from "../package/manifest.js";
import { MANIFEST_SIGNATURE_FILE } from "../sign/manifest-signature.js";
import { type CopyText, compareCopies } from "./copies.js";
import { rebuildFindings } from "./rebuild.js";
import { detachedSignatureFindings, inspectSignatures, signatureFindings } from "./signatures.js";
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

/** The manifest's shape, checked just enough to walk it safely. */
function manifestProblems(value: unknown): string | undefined {
  const m = value as Partial<Manifest> | null;
  if (typeof m !== "object" || m === null) return "manifest.json är inget JSON-objekt";
  if (!Array.isArray(m.files)) return "manifest.json saknar listan files";
  if (!Array.isArray(m.documents)) return "manifest.json saknar listan documents";
  for (const f of m.files) {
    if (
      typeof f?.path !== "string" ||
      typeof f.sha256 !== "string" ||
      typeof f.bytes !== "number"
    ) {
      return "manifest.json har en post i files utan path, sha256 eller bytes";
    }
  }
  for (const d of m.documents) {
    if (
      typeof d?.name !== "string" ||
      typeof d.contentSha256 !== "string" ||
      typeof d.fingerprint !== "string" ||
      !Array.isArray(d.copies) ||
      !Array.isArray(d.files)
    ) {
      return "manifest.json har ett dokument utan name, contentSha256, fingerprint, files eller copies";
    }
  }
  return undefined;
}

/** Re-derives what the manifest says about one document and reports disagreements. */
function checkDocument(doc: ManifestDocument, listed: Set<string>): Finding[] {
  const out: Finding[] = [];
  const fel = (message: string) =>
    out.push({ level: "fel", file: MANIFEST_FILE, message: `${doc.name}: ${message}` });
  if (!/^[0-9a-f]{64}$/.test(doc.contentSha256)) fel("contentSha256 är ingen SHA-256");
  else if (doc.fingerprint !== formatFingerprint(doc.contentSha256)) {
    fel(
      `fingeravtrycket ${doc.fingerprint} stämmer inte med contentSha256 (${formatFingerprint(doc.contentSha256)})`,
    );
  }
  for (const path of doc.files) if (!listed.has(path)) fel(`filen ${path} finns inte i files`);
  const signatories = doc.signatories;
  if (doc.signing === "elektronisk") {
    if (doc.copies.length > 0) fel("elektronisk underskrift men exemplar för papper");
    // Without signatories no PDFs for signing were built (iop build without exemplar).
    if (doc.signingPdf === undefined) {
      if (signatories) fel("elektronisk underskrift men ingen PDF för underskrift (signingPdf)");
    } else if (!listed.has(doc.signingPdf)) fel(`filen ${doc.signingPdf} finns inte i files`);
    return out;
  }
  const n = doc.copies.length;
  if (signatories && n !== signatories.length) {
    fel(`${n} exemplar men ${signatories.length} undertecknande parter`);
  }
  doc.copies.forEach((copy, i) => {
    const where = `exemplar ${i + 1}`;
    if (copy.number !== i + 1) fel(`${where} har numret ${copy.number}`);
    if (copy.of !== n) fel(`${where} anger "av ${copy.of}" men det finns ${n} exemplar`);
    const party = signatories?.[i];
    if (party && (party.party !== copy.party || party.partyName !== copy.partyName)) {
      fel(
        `${where} tillhör ${copy.partyName} (${copy.party}), men part ${i + 1} är ${party.partyName} (${party.party})`,
      );
    }
    const expected = copyPath(doc.name, copy.number, copy.of, copy.party);
    if (copy.path !== expected) fel(`${where} har sökvägen ${copy.path}, väntad ${expected}`);
    if (!listed.has(copy.path)) fel(`${where}: filen ${copy.path} finns inte i files`);
  });
  if (new Set(doc.copies.map((c) => c.party)).size !== n) fel("två exemplar tillhör samma part");
  return out;
}

/** Checks `dir` against its manifest; never throws for bad input. */
export async function verifyFolder(
  dir: string,
  options: { trust?: X509Certificate[] } = {},
): Promise<VerifyReport> {
  const findings: Finding[] = [];
  const add = (level: FindingLevel, message: string, file?: string) =>
    findings.push({ level, message, ...(file !== undefined ? { file } : {}) });

  try {
    if (!(await stat(dir)).isDirectory()) return { findings, usageError: `${dir} är ingen mapp.` };
  } catch {
    return { findings, usageError: `Mappen ${dir} finns inte eller kan inte läsas.` };
  }
  if ((await listFiles(dir).catch(() => ({ files: [], links: [] }))).files.length === 0) {
    add("fel", "mappen är tom; där finns inget byggt att kontrollera");
    return { findings };
  }
  let manifest: Manifest;
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
    const problem = manifestProblems(parsed);
    if (problem) {
      add("fel", problem, MANIFEST_FILE);
      return { findings };
    }
    manifest = parsed as Manifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    add(
      "fel",
      missing ? "manifest.json saknas i mappen" : "manifest.json är ingen giltig JSON",
      MANIFEST_FILE,
    );
    return { findings };
  }

  // 1. Files against the manifest.
  const { files: present, links } = await listFiles(dir);
  const manifestSignature = MANIFEST_SIGNATURE_FILE;
  const onDisk = new Set(present.filter((p) => p !== MANIFEST_FILE && p !== manifestSignature));
  // A detached signature of the manifest (iop sign --manifest), when there is one.
  if (present.includes(manifestSignature)) {
    findings.push(
      ...detachedSignatureFindings(
        manifestSignature,
        await readFile(join(dir, manifestSignature)),
        await readFile(join(dir, MANIFEST_FILE)),
        options.trust,
      ),
    );
  }
  const listed = new Set<string>();
  const contents = new Map<string, Uint8Array>();
  /** PDFs whose built bytes are intact with signatures appended: path → built size. */
  const signedLater = new Map<string, number>();
  let intact = 0;
  for (const entry of manifest.files) {
    if (!isSafePath(entry.path) || entry.path === MANIFEST_FILE) {
      add("fel", `ogiltig sökväg i manifestet: ${entry.path}`, MANIFEST_FILE);
      continue;
    }
    if (listed.has(entry.path))
      add("fel", `${entry.path} står två gånger i manifestet`, MANIFEST_FILE);
    listed.add(entry.path);
    if (!onDisk.has(entry.path)) {
      add("fel", "filen saknas", entry.path);
      continue;
    }
    const data = await readFile(join(dir, ...entry.path.split("/")));
    contents.set(entry.path, data);
    if (data.length === entry.bytes && sha256(data) === entry.sha256) {
      intact++;
    } else if (
      entry.path.endsWith(".pdf") &&
      data.length > entry.bytes &&
      sha256(data.subarray(0, entry.bytes)) === entry.sha256
    ) {
      signedLater.set(entry.path, entry.bytes);
    } else {
      add("fel", "filen har ändrats: SHA-256 stämmer inte med manifestet", entry.path);
    }
  }
  for (const path of onDisk)
    if (!listed.has(path)) add("fel", "filen finns inte i manifestet", path);
  for (const path of links) add("fel", "symboliska länkar hör inte hemma i mappen", path);
  if (intact > 0) add("ok", `${intact} av ${manifest.files.length} filer stämmer med manifestet`);

  // 2. The manifest against itself.
  if (manifest.documents.length === 0 || manifest.files.length === 0) {
    add("fel", "manifestet tar inte upp några dokument", MANIFEST_FILE);
  }
  for (const doc of manifest.documents) findings.push(...checkDocument(doc, listed));

  // 3. Contents of the copies (and of the electronic PDF), re-extracted from the PDFs.
  const signing = new Map<string, ManifestDocument>();
  for (const doc of manifest.documents) {
    const pdfs: Omit<CopyText, "pages">[] =
      doc.signing === "elektronisk"
        ? doc.signingPdf !== undefined
          ? [{ path: doc.signingPdf, number: 1 }]
          : []
        : doc.copies.map((c) => ({
            path: c.path,
            number: c.number,
            label: copyLabel(c.number, c.of, c.partyName),
          }));
    const readable = pdfs.filter((p) => contents.has(p.path) && isSafePath(p.path));
    for (const p of readable) signing.set(p.path, doc);
    const extracted = await Promise.all(
      readable.map((p) => extractPages(join(dir, ...p.path.split("/")))),
    );
    const texts: CopyText[] = [];
    for (const [i, result] of extracted.entries()) {
      const pdf = readable[i] as Omit<CopyText, "pages">;
      if (result.ok) texts.push({ ...pdf, pages: result.pages });
      else if (result.missingProgram) return { findings, missingProgram: result.error };
      else add("fel", result.error, pdf.path);
    }
    const problems = compareCopies(texts, doc.fingerprint);
    for (const p of problems) add("fel", p.message, p.path);
    if (problems.length === 0 && texts.length > 0 && texts.length === pdfs.length) {
      const pages = texts[0]?.pages.length ?? 0;
      add(
        "ok",
        texts.length === 1
          ? `${doc.name}: ${pages} sidor med fingeravtrycket ${doc.fingerprint}`
          : `${doc.name}: ${texts.length} exemplar med samma text på ${pages} sidor (fingeravtryck ${doc.fingerprint})`,
      );
    }
  }

  // 4. Signatures: in the PDFs made for signing, and in any other PDF that has some.
  for (const [path, data] of contents) {
    if (!path.endsWith(".pdf")) continue;
    const doc = signing.get(path);
    const hasSignatures = Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(
      "/ByteRange",
    );
    if (!doc && !hasSignatures) continue;
    const original = signedLater.get(path);
    const report = await inspectSignatures(data, {
      ...(original !== undefined ? { originalLength: original } : {}),
      ...(options.trust ? { trust: options.trust } : {}),
    });
    if (original !== undefined) {
      const first = report.signatures[0];
      if (!first || first.byteRange[2] + first.byteRange[3] <= original) {
        add(
          "fel",
          "filen har ändrats efter bygget: tillägget efter den byggda filen är ingen underskrift",
          path,
        );
      } else {
        add("ok", "filen är den byggda filen med underskrifter tillagda efteråt", path);
      }
    }
    const partyName = (field: string) =>
      doc?.signatories?.find((s) => s.party === field)?.partyName ?? field;
    findings.push(...signatureFindings(path, report, partyName, doc?.signing === "elektronisk"));
    if (doc?.signing === "elektronisk") {
      const fields = new Set([
        ...report.signatures.map((s) => s.field),
        ...report.unsignedFields,
        ...report.unreadableFields,
      ]);
      for (const s of doc.signatories ?? []) {
        if (!fields.has(s.party))
          add("fel", `underskriftsfältet för ${s.partyName} (${s.party}) saknas`, path);
      }
    }
  }
  // 5. Every file's text against a rebuild from the YAML sources the PDFs carry.
  const rebuilt = await rebuildFindings(manifest, contents, signedLater);
  if (rebuilt.missingProgram) return { findings, missingProgram: rebuilt.missingProgram };
  findings.push(...rebuilt.findings);
  return { findings };
}

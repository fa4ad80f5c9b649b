/**
 * Reads the signatures of a PDF and judges each: who signed (certificate CN), when (the claimed
 * time and the timestamp's), whether the signature is valid over its byte range, the PAdES
 * baseline level it reaches (B-B, B-T, B-LT), whether its certificate chains to a trust store,
 * and what changed after it: further signatures, validation data (DSS), form filling, or content.
 *
 * Signatures are found by their /ByteRange arrays in the raw bytes (a signature dictionary can
 * never sit in a compressed object stream, because its byte range points at its own /Contents),
 * so a signature is found even when a later revision hides it from the form. pdf-lib then maps
 * each to its form field (the party id) and compares revisions object by object.
 */
import type { X509Certificate } from "node:crypto";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from "pdf-lib";
import { decodeText, signatureFields } from "../sign/fields.js";
import {
  buildChain,
  type Crl,
  commonName,
  isSelfSigned,
  issued,
  type Ocsp,
  ocspStatus,
  parseCertificate,
  parseCrl,
  parseOcsp,
  revokedIn,
} from "../sign/x509.js";
import type { Finding } from "./folder.js";
import { type SignerCertificate, type Timestamp, verifyDetachedPkcs7 } from "./pkcs7.js";

export type PadesLevel = "B-B" | "B-T" | "B-LT";

/** A change made in a later revision: validation data, form filling or content. */
export interface Change {
  kind: "dss" | "formulär" | "innehåll";
  message: string;
}

/** Revocation data of the file's DSS. */
interface Revocation {
  crls: Crl[];
  ocsps: Ocsp[];
}

/** Whether a certificate chains to the trust store given to `inspectSignatures`. */
export interface Trust {
  trusted: boolean;
  /** The trusted certificate the chain ends at. */
  anchor?: string;
  /** Swedish: why it does not chain, or what is wrong on the way (expired, revoked). */
  problems: string[];
}

export interface PdfSignature {
  /** The signature field's name (the party id), when a field refers to this signature. */
  field?: string;
  byteRange: [number, number, number, number];
  certificate?: SignerCertificate;
  /** From the signed signingTime attribute, else the signature dictionary's /M. */
  signingTime?: Date;
  /** The signature dictionary's /SubFilter (ETSI.CAdES.detached, adbe.pkcs7.detached …). */
  subFilter?: string;
  /** The PAdES baseline level reached; undefined for a signature that is not PAdES. */
  level?: PadesLevel;
  /** Why the level is not higher (Swedish), e.g. that a signing-time attribute is present. */
  levelNotes: string[];
  /** The RFC 3161 signature timestamp, when there is one. */
  timestamp?: Timestamp;
  /** The chain to the trust store, when one was given; and that of the timestamp's TSA. */
  trust?: Trust;
  timestampTrust?: Trust;
  /** Every change made after this signature other than further signatures, in file order. */
  after: Change[];
  /** Number of signatures made after this one. */
  laterSignatures: number;
  /** The byte range is well-formed, the digest matches and the signature verifies. */
  valid: boolean;
  /** Whether the byte range reaches the end of the file. */
  coversWholeFile: boolean;
  /** Swedish descriptions of what is wrong with this signature itself. */
  problems: string[];
  /** Swedish descriptions of changes made after this signature (in later revisions). */
  changedAfter: string[];
  /**
   * Changes other than signing made in this signature's own revision, compared with the
   * revision before it (for the first signature: only when the built file's size is known).
   */
  changedWith: string[];
}

export interface SignatureReport {
  /** In signing order (by the end of their byte ranges). */
  signatures: PdfSignature[];
  /** Signature fields not signed yet. */
  unsignedFields: string[];
  /** Signed fields whose signature has no readable byte range (not found among `signatures`). */
  unreadableFields: string[];
  /** Bytes after the end of the last signature's byte range (0 when it covers the file). */
  trailingBytes: number;
  /** Whether the file has a DSS (validation data: certificates, CRLs, OCSP responses). */
  hasDss: boolean;
}

export interface InspectOptions {
  /** The size of the file as built (from the manifest): where the first signature's revision begins. */
  originalLength?: number;
  /** Trusted certificates: each signature's chain is checked against them. */
  trust?: X509Certificate[];
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

async function load(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  try {
    return await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: true,
    });
  } catch {
    return undefined;
  }
}

/** Signature fields by name, with the byte range of their /V (when signed) as "a b c d". */
function fieldRanges(doc: PDFDocument): { name: string; byteRange?: string }[] {
  return signatureFields(doc).map(({ name, value }) => {
    const range = value?.lookup(PDFName.of("ByteRange"));
    if (!(range instanceof PDFArray)) return { name };
    const numbers = range
      .asArray()
      .map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN));
    return { name, byteRange: numbers.join(" ") };
  });
}

/** The /M date of the signature dictionary that holds the byte range at `position`. */
function dictionaryDate(text: string, position: number): Date | undefined {
  const start = text.lastIndexOf("obj", position);
  const stop = text.indexOf("endobj", position);
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([Z+-])?(\d{2})?'?(\d{2})?/.exec(
    text.slice(start, stop < 0 ? undefined : stop),
  );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = (sign === "-" ? -1 : 1) * (Number(oh ?? 0) * 60 + Number(om ?? 0));
  return new Date(
    Date.UTC(+(y ?? 0), +(mo ?? 1) - 1, +(d ?? 1), +(h ?? 0), +(mi ?? 0), +(s ?? 0)) -
      offset * 60000,
  );
}

/** Checks one signature: byte range shape, digest and PKCS#7 signature. */
interface Checked {
  signature: PdfSignature;
  /** Certificates in the CMS and the timestamp token, and the signer's (DER). */
  certificates: Buffer[];
  signerDer?: Buffer;
  hasSigningCertificateV2: boolean;
  hasSigningTime: boolean;
}

/** The value of a name entry (/SubFilter …) of the signature dictionary around `position`. */
function dictionaryName(text: string, position: number, key: string): string | undefined {
  const start = text.lastIndexOf("obj", position);
  const stop = text.indexOf("endobj", position);
  return new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(
    text.slice(start, stop < 0 ? undefined : stop),
  )?.[1];
}

function checkSignature(pdf: Uint8Array, text: string, match: RegExpExecArray): Checked {
  const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = byteRange;
  const signature: PdfSignature = {
    byteRange,
    valid: false,
    coversWholeFile: c + d === pdf.length,
    problems: [],
    changedAfter: [],
    changedWith: [],
    levelNotes: [],
    after: [],
    laterSignatures: 0,
  };
  const subFilter = dictionaryName(text, match.index, "SubFilter");
  if (subFilter) signature.subFilter = subFilter;
  const checked: Checked = {
    signature,
    certificates: [],
    hasSigningCertificateV2: false,
    hasSigningTime: false,
  };
  // The gap must be exactly this signature's /Contents hex string, and the ByteRange itself must
  // lie inside the signed bytes.
  const wellFormed =
    a === 0 &&
    match.index < b &&
    b < c &&
    c + d <= pdf.length &&
    pdf[b] === 0x3c &&
    pdf[c - 1] === 0x3e &&
    /^[0-9a-fA-F\s]*$/.test(text.slice(b + 1, c - 1));
  if (!wellFormed) {
    signature.problems.push("underskriftens byteintervall (/ByteRange) är felaktigt");
    return checked;
  }
  const contents = Buffer.from(text.slice(b + 1, c - 1).replace(/\s/g, ""), "hex");
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const pkcs7 = verifyDetachedPkcs7(contents, signed);
  if (pkcs7.certificate) signature.certificate = pkcs7.certificate;
  const time = pkcs7.signingTime ?? dictionaryDate(text, match.index);
  if (time) signature.signingTime = time;
  signature.problems.push(...pkcs7.problems);
  // /Contents is not signed: after the signature there must be nothing but zero padding.
  const length = derLength(contents);
  if (length !== undefined && contents.subarray(length).some((byte) => byte !== 0)) {
    signature.problems.push("underskriftens utfyllnad i /Contents har ändrats");
  }
  signature.valid = signature.problems.length === 0;
  if (pkcs7.timestamp) signature.timestamp = pkcs7.timestamp;
  checked.certificates = [...pkcs7.certificates, ...(pkcs7.timestamp?.certificates ?? [])];
  if (pkcs7.signerDer) checked.signerDer = pkcs7.signerDer;
  checked.hasSigningCertificateV2 = pkcs7.signingCertificateV2;
  checked.hasSigningTime = pkcs7.signingTime !== undefined;
  return checked;
}

/** The length of the DER structure at the start of `bytes` (tag, length and value). */
function derLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[1] as number;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] as number);
  return 2 + count + length;
}

/** The decoded streams of the DSS arrays: certificates, CRLs and OCSP responses. */
function readDss(doc: PDFDocument | undefined): {
  present: boolean;
  certificates: Buffer[];
  crls: Buffer[];
  ocsps: Buffer[];
} {
  const dss = doc?.catalog.lookup(PDFName.of("DSS"));
  if (!(dss instanceof PDFDict)) return { present: false, certificates: [], crls: [], ocsps: [] };
  const streams = (key: string): Buffer[] => {
    const list = dss.lookup(PDFName.of(key));
    if (!(list instanceof PDFArray)) return [];
    const out: Buffer[] = [];
    for (let i = 0; i < list.size() && i < 1000; i++) {
      const stream = list.lookup(i);
      if (!(stream instanceof PDFRawStream)) continue;
      try {
        out.push(Buffer.from(decodePDFRawStream(stream).decode()));
      } catch {
        // An undecodable stream adds nothing.
      }
    }
    return out;
  };
  return {
    present: true,
    certificates: streams("Certs"),
    crls: streams("CRLs"),
    ocsps: streams("OCSPs"),
  };
}

const certificatesOf = (ders: Buffer[]): X509Certificate[] =>
  ders.map(parseCertificate).filter((c): c is X509Certificate => c !== undefined);

/** The certificates of a chain that were not valid at the time of signing. */
function validityProblems(chain: readonly X509Certificate[], at: Date | undefined): string[] {
  if (!at || Number.isNaN(at.getTime())) return [];
  return chain
    .filter((cert) => at < new Date(cert.validFrom) || at > new Date(cert.validTo))
    .map((cert) => `certifikatet ${commonName(cert)} var inte giltigt vid underskriften`);
}

/** The certificates of a chain that the revocation data in the file says are revoked. */
function revocationProblems(chain: readonly X509Certificate[], revocation: Revocation): string[] {
  const problems: string[] = [];
  for (const [i, cert] of chain.entries()) {
    const issuer = chain[i + 1];
    if (!issuer || isSelfSigned(cert)) continue;
    if (revocation.crls.some((crl) => crl.signedBy(issuer) && revokedIn(crl, cert))) {
      problems.push(`certifikatet ${commonName(cert)} är återkallat enligt spärrlistan i filen`);
    }
    if (revocation.ocsps.some((o) => o.signedBy(issuer) && ocspStatus(o, cert) === "revoked")) {
      problems.push(`certifikatet ${commonName(cert)} är återkallat enligt OCSP-svaret i filen`);
    }
  }
  return problems;
}

/** The chain of `leaf` to the trust store: trusted, the anchor, and problems on the way. */
function trustOf(
  leaf: X509Certificate,
  pool: X509Certificate[],
  anchors: X509Certificate[],
  at: Date | undefined,
  revocation: Revocation,
): Trust {
  const chain = buildChain(leaf, [...pool, ...anchors]);
  const problems: string[] = [];
  const isAnchor = (c: X509Certificate) =>
    anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  let anchor = chain.find(isAnchor);
  if (!anchor) {
    const top = chain[chain.length - 1] as X509Certificate;
    anchor = anchors.find((a) => issued(a, top));
  }
  problems.push(...validityProblems(chain, at), ...revocationProblems(chain, revocation));
  if (!anchor) {
    const top = chain[chain.length - 1] as X509Certificate;
    problems.unshift(
      `certifikatkedjan (${chain.map(commonName).join(" → ")}) leder inte till någon betrodd utfärdare${isSelfSigned(top) ? "" : ` (utfärdaren av ${commonName(top)} saknas)`}`,
    );
  }
  return {
    trusted: anchor !== undefined && problems.length === 0,
    ...(anchor ? { anchor: commonName(anchor) } : {}),
    problems,
  };
}

/**
 * The PAdES baseline level: B-B for a valid ETSI.CAdES.detached signature with
 * signing-certificate-v2 and no signing-time; B-T with a valid signature timestamp; B-LT when the
 * DSS holds the signer's chain and revocation data for each certificate in it that is not
 * self-signed (a CRL signed by its issuer, or an OCSP response signed for its issuer that says
 * "good").
 */
function padesLevel(
  checked: Checked,
  dss: ReturnType<typeof readDss>,
  revocation: Revocation,
): { level?: PadesLevel; notes: string[] } {
  const s = checked.signature;
  const notes: string[] = [];
  if (!s.valid) return { notes };
  if (s.subFilter !== "ETSI.CAdES.detached") {
    return { notes: [`typen ${s.subFilter ?? "okänd"} är inte PAdES (ETSI.CAdES.detached)`] };
  }
  if (!checked.hasSigningCertificateV2) {
    return { notes: ["attributet signing-certificate-v2 saknas eller stämmer inte"] };
  }
  if (checked.hasSigningTime) {
    return { notes: ["attributet signing-time får inte finnas i en PAdES-underskrift"] };
  }
  if (!s.timestamp?.valid) return { level: "B-B", notes };
  if (!dss.present) return { level: "B-T", notes };
  const signer = checked.signerDer ? parseCertificate(checked.signerDer) : undefined;
  const inDss = certificatesOf(dss.certificates);
  if (!signer || !inDss.some((c) => c.fingerprint256 === signer.fingerprint256)) {
    return { level: "B-T", notes: ["valideringsdata (DSS) saknar undertecknarens certifikat"] };
  }
  const chain = buildChain(signer, [...inDss, ...certificatesOf(checked.certificates)]);
  const lacking = chain.filter((cert, i) => {
    const issuer = chain[i + 1];
    if (isSelfSigned(cert)) return false;
    if (!issuer) return true;
    const crl = revocation.crls.some((c) => c.signedBy(issuer));
    const ocsp = revocation.ocsps.some((o) => o.signedBy(issuer) && ocspStatus(o, cert) === "good");
    return !crl && !ocsp;
  });
  if (lacking.length > 0) {
    notes.push(`spärrinformation saknas i DSS för ${lacking.map(commonName).join(", ")}`);
    return { level: "B-T", notes };
  }
  return { level: "B-LT", notes };
}

const isField = (d: PDFObject | undefined): d is PDFDict =>
  d instanceof PDFDict && d.has(PDFName.of("FT"));

/** A field dictionary, or a widget of one, and whether it is a signature field. */
function fieldOf(dict: PDFDict): { field: PDFDict; signature: boolean } | undefined {
  const parent = dict.lookup(PDFName.of("Parent"));
  const field = isField(dict) ? dict : isField(parent) ? parent : undefined;
  if (!field) return undefined;
  return { field, signature: field.lookup(PDFName.of("FT")) === PDFName.of("Sig") };
}

/** Keys whose change is part of signing, or of filling in a form, by kind of dictionary. */
function ignoredKeys(dict: PDFDict, doc: PDFDocument, ref: PDFRef): string[] {
  const field = fieldOf(dict);
  if (field?.signature) return ["V", "AP"];
  if (field) return ["V", "AP", "AS", "DV"];
  if (dict.lookup(PDFName.of("Type")) === PDFName.of("Catalog"))
    return ["AcroForm", "Perms", "DSS", "Extensions"];
  if (doc.catalog.get(PDFName.of("AcroForm")) === ref) return ["SigFlags", "NeedAppearances"];
  return [];
}

/** A dictionary's text without the given keys (streams and other objects: their whole text). */
function withoutKeys(object: PDFObject | undefined, keys: string[]): string | undefined {
  if (!(object instanceof PDFDict) || keys.length === 0) return object?.toString();
  const copy = object.clone();
  for (const key of keys) copy.delete(PDFName.of(key));
  return copy.toString();
}

/** Page numbers (1-based) by object number of each page and of its content streams. */
function pagesByObject(doc: PDFDocument): Map<number, number> {
  const map = new Map<number, number>();
  try {
    doc.getPages().forEach((page, i) => {
      map.set(page.ref.objectNumber, i + 1);
      const contents = page.node.get(PDFName.of("Contents"));
      const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
      for (const r of refs) if (r instanceof PDFRef) map.set(r.objectNumber, i + 1);
    });
  } catch {
    // A damaged page tree: changes are then named by object number only.
  }
  return map;
}

const asText = (value: PDFObject | undefined): string | undefined => value?.toString();

/** A change of content: a page (or its content stream), the catalog, or another object. */
function contentChange(ref: PDFRef, object: PDFObject, pages: Map<number, number>): Change {
  const page = pages.get(ref.objectNumber);
  const type = object instanceof PDFDict ? object.lookup(PDFName.of("Type")) : undefined;
  return {
    kind: "innehåll",
    message:
      page !== undefined
        ? `sidan ${page} har ändrats (objekt ${ref.objectNumber})`
        : type === PDFName.of("Catalog")
          ? "dokumentets katalog har ändrats"
          : `objekt ${ref.objectNumber}${type instanceof PDFName ? ` (${type.decodeText()})` : ""} har ändrats`,
  };
}

/** A form field (not a signature field) whose value or appearance changed: it was filled in. */
function formFilling(ref: PDFRef, object: PDFDict): Change[] {
  const field = fieldOf(object);
  if (!field || field.signature) return [];
  const name = decodeText(field.field.lookup(PDFName.of("T"))) ?? `objekt ${ref.objectNumber}`;
  return [{ kind: "formulär", message: `formulärfältet ${name} har fyllts i` }];
}

/**
 * The catalog, changed only in its ignored keys: a new DSS, and a new AcroForm only with the
 * same fields (else the catalog's content changed).
 */
function catalogChanges(
  ref: PDFRef,
  old: PDFDict,
  object: PDFDict,
  pages: Map<number, number>,
): Change[] {
  const changes: Change[] = [];
  const dss = (d: PDFDict) => asText(d.get(PDFName.of("DSS")));
  if (dss(old) !== dss(object)) {
    changes.push({ kind: "dss", message: "valideringsdata (DSS) har lagts till" });
  }
  const formBefore = old.lookup(PDFName.of("AcroForm"));
  const formAfter = object.lookup(PDFName.of("AcroForm"));
  const formKeys = ["SigFlags", "NeedAppearances"];
  if (withoutKeys(formBefore, formKeys) !== withoutKeys(formAfter, formKeys)) {
    changes.push(contentChange(ref, object, pages));
  }
  return changes;
}

/** How one object that differs between the revisions (`old` before, `object` after) changed. */
function objectChanges(
  ref: PDFRef,
  old: PDFObject,
  object: PDFObject,
  after: PDFDocument,
  pages: Map<number, number>,
): Change[] {
  const keys = object instanceof PDFDict ? ignoredKeys(object, after, ref) : [];
  if (withoutKeys(old, keys) !== withoutKeys(object, keys)) {
    return [contentChange(ref, object, pages)];
  }
  if (!(object instanceof PDFDict) || !(old instanceof PDFDict)) return [];
  if (keys.includes("DSS")) return catalogChanges(ref, old, object, pages);
  return formFilling(ref, object);
}

/**
 * What changed between two revisions other than signing, by kind: validation data (the catalog's
 * DSS), form filling (a field's value and appearance, the form's NeedAppearances), and content
 * (anything else: pages, their content streams, other objects). New objects count only through a
 * changed object that refers to them, so they need no check of their own.
 */
function classifyChanges(before: PDFDocument, after: PDFDocument): Change[] {
  const pages = pagesByObject(after);
  const changes: Change[] = [];
  for (const [ref, object] of after.context.enumerateIndirectObjects()) {
    const old = before.context.lookup(ref);
    if (old === undefined || old.toString() === object.toString()) continue;
    changes.push(...objectChanges(ref, old, object, after, pages));
  }
  return changes;
}

const UNREADABLE: Change = { kind: "innehåll", message: "revisionen kan inte läsas som PDF" };

/** `classifyChanges`, for revisions that may not have loaded or may be damaged. */
function compareRevisions(
  before: PDFDocument | undefined,
  after: PDFDocument | undefined,
): Change[] {
  if (!before || !after) return [UNREADABLE];
  try {
    return classifyChanges(before, after);
  } catch {
    return [UNREADABLE];
  }
}

/**
 * Where the revision that holds the signature dictionary at `position` starts: just after the
 * last %%EOF line before it, or 0 when the signature is in the first revision.
 */
function revisionStart(pdf: Uint8Array, text: string, position: number): number {
  const eof = text.lastIndexOf("%%EOF", position);
  if (eof < 0) return 0;
  let end = eof + 5;
  while (pdf[end] === 0x0d || pdf[end] === 0x0a) end++;
  return end;
}

const messages = (changes: Change[], kinds: Change["kind"][]): string[] =>
  changes.filter((c) => kinds.includes(c.kind)).map((c) => c.message);

/** A signature as checked, with the /ByteRange match it was found by. */
type Found = Checked & { match: RegExpExecArray };

/** Loads revisions of the file (the file up to a length), each parsed once however often read. */
function revisionLoader(pdf: Uint8Array): (length: number) => Promise<PDFDocument | undefined> {
  const revisions = new Map<number, Promise<PDFDocument | undefined>>();
  return (length) => {
    let parsed = revisions.get(length);
    if (!parsed) {
      parsed = load(length === pdf.length ? pdf : pdf.subarray(0, length));
      revisions.set(length, parsed);
    }
    return parsed;
  };
}

/**
 * Each stretch between the end of one signature's revision and the end of the next one's must
 * hold nothing but that next signature, validation data and form filling: records what it holds
 * in the signatures before it (after, changedAfter) and in that signature (changedWith).
 */
async function judgeStretches(
  checked: Found[],
  pdf: Uint8Array,
  text: string,
  originalLength: number | undefined,
  revision: (length: number) => Promise<PDFDocument | undefined>,
): Promise<void> {
  const signatures = checked.map((c) => c.signature);
  for (const [i, { match, signature }] of checked.entries()) {
    const previous = signatures[i - 1];
    const from = previous
      ? end(previous)
      : (originalLength ?? revisionStart(pdf, text, match.index ?? 0));
    if (from <= 0 || from >= end(signature)) continue;
    const [before, after] = await Promise.all([revision(from), revision(end(signature))]);
    const changes = compareRevisions(before, after);
    for (const earlier of signatures.slice(0, i)) {
      earlier.after.push(...changes);
      earlier.changedAfter.push(...messages(changes, ["innehåll"]));
    }
    signature.changedWith.push(...messages(changes, ["innehåll"]));
  }
}

/**
 * After the last signature: further revisions (validation data, form filling) are judged like
 * those between signatures; bytes that are no revision are reported as such. Returns how many
 * bytes follow the last signature.
 */
async function judgeTrailing(
  signatures: PdfSignature[],
  pdf: Uint8Array,
  text: string,
  doc: PDFDocument | undefined,
  revision: (length: number) => Promise<PDFDocument | undefined>,
): Promise<number> {
  const last = signatures[signatures.length - 1];
  const trailingBytes = last ? Math.max(0, pdf.length - end(last)) : 0;
  if (!last || trailingBytes === 0) return trailingBytes;
  const before = await revision(end(last));
  const endsAsRevision = /%%EOF\s*$/.test(text.slice(-1024));
  const changes = compareRevisions(before, doc);
  const unreadable = changes.includes(UNREADABLE);
  const kinds = endsAsRevision && !unreadable ? changes : changes.filter((c) => c !== UNREADABLE);
  if (!endsAsRevision || unreadable) {
    kinds.unshift({
      kind: "innehåll",
      message: `${trailingBytes} byte har lagts till efter den sista underskriften`,
    });
  }
  for (const signature of signatures) {
    signature.after.push(...kinds);
    signature.changedAfter.push(...messages(kinds, ["innehåll"]));
  }
  return trailingBytes;
}

/**
 * Sets each signature's PAdES level and, with `trust`, whether its certificate and its
 * timestamp's chain to a trusted certificate; with the validation data of the whole file.
 */
function judgeLevelsAndTrust(
  checked: Found[],
  dss: ReturnType<typeof readDss>,
  trust: X509Certificate[] | undefined,
): void {
  const revocation: Revocation = {
    crls: dss.crls.map(parseCrl).filter((c): c is Crl => c !== undefined),
    ocsps: dss.ocsps.map(parseOcsp).filter((o): o is Ocsp => o !== undefined),
  };
  const dssCertificates = certificatesOf(dss.certificates);
  for (const c of checked) {
    const { level, notes } = padesLevel(c, dss, revocation);
    if (level) c.signature.level = level;
    c.signature.levelNotes.push(...notes);
    if (trust) judgeTrust(c, trust, dssCertificates, revocation);
  }
}

/**
 * Whether a signature's certificate (at its timestamp's time, else its claimed signing time)
 * and its valid timestamp's certificate chain to a trusted certificate.
 */
function judgeTrust(
  c: Found,
  trust: X509Certificate[],
  dssCertificates: X509Certificate[],
  revocation: Revocation,
): void {
  const signer = c.signerDer ? parseCertificate(c.signerDer) : undefined;
  if (signer) {
    const pool = [...certificatesOf(c.certificates), ...dssCertificates];
    const at = c.signature.timestamp?.valid ? c.signature.timestamp.time : c.signature.signingTime;
    c.signature.trust = trustOf(signer, pool, trust, at, revocation);
  }
  const stamp = c.signature.timestamp;
  const tsa = stamp?.signer ? parseCertificate(stamp.signer) : undefined;
  if (stamp?.valid && tsa) {
    const pool = [...certificatesOf(stamp.certificates), ...dssCertificates];
    c.signature.timestampTrust = trustOf(tsa, pool, trust, stamp.time, revocation);
  }
}

/**
 * Reads and checks every signature of a PDF. `originalLength`, when known (the size of the file
 * as built, from the manifest), is where the first signature's revision must begin; `trust`, when
 * given, the certificates each signature's chain must lead to.
 */
export async function inspectSignatures(
  pdf: Uint8Array,
  options: InspectOptions = {},
): Promise<SignatureReport> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const matches = [...text.matchAll(BYTE_RANGE)];
  const checked = matches
    .map((m) => ({ match: m, ...checkSignature(pdf, text, m) }))
    .sort((x, y) => end(x.signature) - end(y.signature));
  const signatures = checked.map((c) => c.signature);

  const revision = revisionLoader(pdf);
  const doc = await revision(pdf.length);
  const fields = doc ? fieldRanges(doc) : [];
  for (const signature of signatures) {
    const field = fields.find((f) => f.byteRange === signature.byteRange.join(" "));
    if (field) signature.field = field.name;
  }
  await judgeStretches(checked, pdf, text, options.originalLength, revision);
  signatures.forEach((s, i) => {
    s.laterSignatures = signatures.length - i - 1;
  });
  const trailingBytes = await judgeTrailing(signatures, pdf, text, doc, revision);
  const dss = readDss(doc);
  judgeLevelsAndTrust(checked, dss, options.trust);
  return {
    signatures,
    unsignedFields: fields.filter((f) => f.byteRange === undefined).map((f) => f.name),
    unreadableFields: fields
      .filter((f) => f.byteRange !== undefined && !signatures.some((s) => s.field === f.name))
      .map((f) => f.name),
    trailingBytes,
    hasDss: dss.present,
  };
}

const end = (s: PdfSignature): number => s.byteRange[2] + s.byteRange[3];

/** Made on first use: a process that verifies nothing does not load ICU's calendar data. */
let timeFormat: Intl.DateTimeFormat | undefined;
const swedishTime = (date: Date) => {
  timeFormat ??= new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "medium",
  });
  return `${timeFormat.format(date)} (svensk tid)`;
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What is wrong with one signature, each a finding (without the file) led by `what`. */
function signatureProblems(s: PdfSignature, what: string): Omit<Finding, "file">[] {
  const unique = (list: string[]) => [...new Set(list)].join("; ");
  const filled = messages(s.after, ["formulär"]);
  const fel: [boolean, string][] = [
    [!s.valid, `ogiltig: ${s.problems.join("; ")}`],
    [
      s.changedWith.length > 0,
      `samtidigt med underskriften ändrades dokumentet: ${unique(s.changedWith)}`,
    ],
    [
      s.changedAfter.length > 0,
      `dokumentet har ändrats efter underskriften: ${unique(s.changedAfter)}`,
    ],
    [
      s.timestamp !== undefined && !s.timestamp.valid,
      `tidsstämpeln från ${s.timestamp?.tsa} är ogiltig: ${s.timestamp?.problems.join("; ")}`,
    ],
    [
      s.trust !== undefined && !s.trust.trusted,
      `certifikatet är inte betrott: ${s.trust?.problems.join("; ")}`,
    ],
    [
      s.timestampTrust !== undefined && !s.timestampTrust.trusted,
      `tidsstämpeltjänstens certifikat är inte betrott: ${s.timestampTrust?.problems.join("; ")}`,
    ],
  ];
  const out: Omit<Finding, "file">[] = fel
    .filter(([problem]) => problem)
    .map(([, message]) => ({ level: "fel", message: `${what}: ${message}` }));
  if (filled.length > 0) {
    out.push({
      level: "varning",
      message: `${what}: formuläret har fyllts i efter underskriften: ${unique(filled)}`,
    });
  }
  return out;
}

/** The PAdES level of a valid signature, as a finding says it. */
const levelText = (s: PdfSignature): string =>
  s.level
    ? `PAdES ${s.level}${s.levelNotes.length > 0 ? ` (${s.levelNotes.join("; ")})` : ""}`
    : `inte PAdES: ${s.levelNotes.join("; ") || "okänd typ"}`;

/** Whose certificate signed, as far as it can be told with or without a trust store. */
function trustText(s: PdfSignature): string | undefined {
  if (s.trust?.trusted) return `certifikatet kedjar till den betrodda utfärdaren ${s.trust.anchor}`;
  if (s.trust) return undefined;
  return s.certificate?.selfSigned
    ? "certifikatet är självsignerat"
    : `utfärdat av ${s.certificate?.issuer}, kedjan mot en betrodd utfärdare kontrolleras inte (ange --trust)`;
}

/** What a valid signature is: level, timestamp, trust, and what was added after it. */
function signatureQualities(s: PdfSignature): string[] {
  const parts = ["giltig", levelText(s)];
  if (s.timestamp?.valid) {
    const trusted = s.timestampTrust?.trusted ? ", betrodd" : "";
    parts.push(`tidsstämpel ${swedishTime(s.timestamp.time)} från ${s.timestamp.tsa}${trusted}`);
  }
  const trust = trustText(s);
  if (trust) parts.push(trust);
  const later = [
    ...(s.laterSignatures > 0
      ? [count(s.laterSignatures, "underskrift till", "underskrifter till")]
      : []),
    ...(s.after.some((c) => c.kind === "dss") ? ["valideringsdata (DSS)"] : []),
  ];
  if (later.length > 0) parts.push(`därefter tillagt: ${later.join(", ")}`);
  return parts;
}

/**
 * Findings for the signatures of one PDF: per signature its signer, claimed time, timestamp and
 * TSA, PAdES level, trust (when a trust store was given) and what changed after it.
 * `partyName` names a field's party; `awaitsSignatures`: the PDF is made for electronic signing.
 */
export function signatureFindings(
  file: string,
  report: SignatureReport,
  partyName: (field: string) => string,
  awaitsSignatures: boolean,
): Finding[] {
  const out: Finding[] = [];
  const name = (field?: string) => (field === undefined ? "ett okänt fält" : partyName(field));
  for (const s of report.signatures) {
    const who = s.certificate?.commonName ?? s.certificate?.subject ?? "okänd undertecknare";
    const when = s.signingTime ? swedishTime(s.signingTime) : "okänd tidpunkt";
    const what = `underskrift för ${name(s.field)} av ${who}, ${when}`;
    for (const p of signatureProblems(s, what)) {
      out.push({ level: p.level, file, message: p.message });
    }
    if (!s.valid || s.changedAfter.length > 0 || s.changedWith.length > 0) continue;
    out.push({ level: "ok", file, message: `${what}: ${signatureQualities(s).join("; ")}` });
  }
  for (const field of report.unreadableFields) {
    out.push({ level: "fel", file, message: `underskriften för ${name(field)} kan inte läsas` });
  }
  if (report.unsignedFields.length > 0 && (awaitsSignatures || report.signatures.length > 0)) {
    const names = report.unsignedFields.map(name).join(", ");
    out.push({ level: "ok", file, message: `väntar på underskrift för ${names}` });
  }
  return out;
}

/**
 * Findings for a detached signature of a file (manifest.json.p7s): valid, by whom, when, and,
 * with a trust store, whether it chains to it.
 */
export function detachedSignatureFindings(
  file: string,
  signature: Uint8Array,
  data: Uint8Array,
  trust?: X509Certificate[],
): Finding[] {
  const pkcs7 = verifyDetachedPkcs7(signature, data);
  const who = pkcs7.certificate?.commonName ?? pkcs7.certificate?.subject ?? "okänd undertecknare";
  const when = pkcs7.signingTime ? swedishTime(pkcs7.signingTime) : "okänd tidpunkt";
  const what = `underskrift av manifestet av ${who}, ${when}`;
  if (pkcs7.problems.length > 0) {
    return [{ level: "fel", file, message: `${what}: ogiltig: ${pkcs7.problems.join("; ")}` }];
  }
  const out: Finding[] = [];
  const parts = ["giltig; manifestet har inte ändrats sedan det skrevs under"];
  if (pkcs7.timestamp?.valid) {
    parts.push(`tidsstämpel ${swedishTime(pkcs7.timestamp.time)} från ${pkcs7.timestamp.tsa}`);
  } else if (pkcs7.timestamp) {
    out.push({
      level: "fel",
      file,
      message: `${what}: tidsstämpeln är ogiltig: ${pkcs7.timestamp.problems.join("; ")}`,
    });
  }
  const signer = pkcs7.signerDer ? parseCertificate(pkcs7.signerDer) : undefined;
  if (trust && signer) {
    const result = trustOf(
      signer,
      certificatesOf(pkcs7.certificates),
      trust,
      pkcs7.timestamp?.valid ? pkcs7.timestamp.time : pkcs7.signingTime,
      { crls: [], ocsps: [] },
    );
    if (result.trusted)
      parts.push(`certifikatet kedjar till den betrodda utfärdaren ${result.anchor}`);
    else {
      out.push({
        level: "fel",
        file,
        message: `${what}: certifikatet är inte betrott: ${result.problems.join("; ")}`,
      });
    }
  }
  return out.length > 0 ? out : [{ level: "ok", file, message: `${what}: ${parts.join("; ")}` }];
}

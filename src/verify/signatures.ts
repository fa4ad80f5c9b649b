/**
 * Reads the signatures of a PDF and judges each: who signed (certificate CN), when, whether the
 * signature is valid over its byte range, and whether anything changed after it.
 *
 * Signatures are found by their /ByteRange arrays in the raw bytes (a signature dictionary can
 * never sit in a compressed object stream, because its byte range points at its own /Contents),
 * so a signature is found even when a later revision hides it from the form. pdf-lib then maps
 * each to its form field (the party id) and compares revisions object by object.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
} from "pdf-lib";
import { signatureFields } from "../sign/fields.js";
import { type SignerCertificate, verifyDetachedPkcs7 } from "./pkcs7.js";

export interface PdfSignature {
  /** The signature field's name (the party id), when a field refers to this signature. */
  field?: string;
  byteRange: [number, number, number, number];
  certificate?: SignerCertificate;
  /** From the signed signingTime attribute, else the signature dictionary's /M. */
  signingTime?: Date;
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
function checkSignature(pdf: Uint8Array, text: string, match: RegExpExecArray): PdfSignature {
  const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = byteRange;
  const signature: PdfSignature = {
    byteRange,
    valid: false,
    coversWholeFile: c + d === pdf.length,
    problems: [],
    changedAfter: [],
    changedWith: [],
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
    return signature;
  }
  const contents = Buffer.from(text.slice(b + 1, c - 1).replace(/\s/g, ""), "hex");
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const pkcs7 = verifyDetachedPkcs7(contents, signed);
  if (pkcs7.certificate) signature.certificate = pkcs7.certificate;
  const time = pkcs7.signingTime ?? dictionaryDate(text, match.index);
  if (time) signature.signingTime = time;
  signature.problems.push(...pkcs7.problems);
  signature.valid = pkcs7.problems.length === 0;
  return signature;
}

/** Keys whose change is part of signing, by kind of dictionary. */
function ignoredKeys(dict: PDFDict, doc: PDFDocument, ref: PDFRef): string[] {
  const isSigField = (d: PDFDict | undefined): boolean =>
    d?.lookup(PDFName.of("FT")) === PDFName.of("Sig");
  const parent = dict.lookup(PDFName.of("Parent"));
  if (isSigField(dict) || (parent instanceof PDFDict && isSigField(parent))) return ["V", "AP"];
  if (dict.lookup(PDFName.of("Type")) === PDFName.of("Catalog"))
    return ["AcroForm", "Perms", "DSS"];
  if (doc.catalog.get(PDFName.of("AcroForm")) === ref) return ["SigFlags"];
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

/**
 * What changed between two revisions other than signing: existing objects rewritten with more
 * than a signature value, its appearance and the form's /SigFlags. New objects count only through
 * a changed object that refers to them, so they need no check of their own.
 */
function unexpectedChanges(before: PDFDocument, after: PDFDocument): string[] {
  const pages = pagesByObject(after);
  const changes: string[] = [];
  for (const [ref, object] of after.context.enumerateIndirectObjects()) {
    const old = before.context.lookup(ref);
    if (old === undefined || old.toString() === object.toString()) continue;
    const keys = object instanceof PDFDict ? ignoredKeys(object, after, ref) : [];
    if (withoutKeys(old, keys) === withoutKeys(object, keys)) {
      // A catalog may point at a new AcroForm; then the forms themselves must agree.
      if (!keys.includes("AcroForm")) continue;
      const formBefore = (old as PDFDict).lookup(PDFName.of("AcroForm"));
      const formAfter = (object as PDFDict).lookup(PDFName.of("AcroForm"));
      if (withoutKeys(formBefore, ["SigFlags"]) === withoutKeys(formAfter, ["SigFlags"])) continue;
    }
    const page = pages.get(ref.objectNumber);
    const type = object instanceof PDFDict ? object.lookup(PDFName.of("Type")) : undefined;
    changes.push(
      page !== undefined
        ? `sidan ${page} har ändrats (objekt ${ref.objectNumber})`
        : type === PDFName.of("Catalog")
          ? "dokumentets katalog har ändrats"
          : `objekt ${ref.objectNumber}${type instanceof PDFName ? ` (${type.decodeText()})` : ""} har ändrats`,
    );
  }
  return changes;
}

const UNREADABLE = "revisionen kan inte läsas som PDF";

/** `unexpectedChanges`, for revisions that may not have loaded or may be damaged. */
function compareRevisions(
  before: PDFDocument | undefined,
  after: PDFDocument | undefined,
): string[] {
  if (!before || !after) return [UNREADABLE];
  try {
    return unexpectedChanges(before, after);
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

/**
 * Reads and checks every signature of a PDF. `originalLength`, when known (the size of the file
 * as built, from the manifest), is where the first signature's revision must begin.
 */
export async function inspectSignatures(
  pdf: Uint8Array,
  options: { originalLength?: number } = {},
): Promise<SignatureReport> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const matches = [...text.matchAll(BYTE_RANGE)];
  const signatures = matches
    .map((m) => ({ match: m, signature: checkSignature(pdf, text, m) }))
    .sort((x, y) => end(x.signature) - end(y.signature));

  // Each revision (the file up to a length) is parsed once, however many comparisons read it.
  const revisions = new Map<number, Promise<PDFDocument | undefined>>();
  const revision = (length: number): Promise<PDFDocument | undefined> => {
    let parsed = revisions.get(length);
    if (!parsed) {
      parsed = load(length === pdf.length ? pdf : pdf.subarray(0, length));
      revisions.set(length, parsed);
    }
    return parsed;
  };
  const doc = await revision(pdf.length);
  const fields = doc ? fieldRanges(doc) : [];
  for (const { signature } of signatures) {
    const field = fields.find((f) => f.byteRange === signature.byteRange.join(" "));
    if (field) signature.field = field.name;
  }

  // Each stretch between the end of one signature's revision and the end of the next one's must
  // hold nothing but that next signature.
  for (const [i, { match, signature }] of signatures.entries()) {
    const previous = signatures[i - 1];
    const from = previous
      ? end(previous.signature)
      : (options.originalLength ?? revisionStart(pdf, text, match.index ?? 0));
    if (from <= 0 || from >= end(signature)) continue;
    const [before, after] = await Promise.all([revision(from), revision(end(signature))]);
    const changes = compareRevisions(before, after);
    for (const earlier of signatures.slice(0, i)) earlier.signature.changedAfter.push(...changes);
    signature.changedWith.push(...changes);
  }

  const last = signatures[signatures.length - 1]?.signature;
  const trailingBytes = last ? Math.max(0, pdf.length - end(last)) : 0;
  if (last && trailingBytes > 0) {
    const [before, after] = [await revision(end(last)), doc];
    const changes = compareRevisions(before, after).filter((c) => c !== UNREADABLE);
    const message = `${trailingBytes} byte har lagts till efter den sista underskriften`;
    for (const { signature } of signatures) signature.changedAfter.push(message, ...changes);
  }
  return {
    signatures: signatures.map((s) => s.signature),
    unsignedFields: fields.filter((f) => f.byteRange === undefined).map((f) => f.name),
    unreadableFields: fields
      .filter(
        (f) => f.byteRange !== undefined && !signatures.some((s) => s.signature.field === f.name),
      )
      .map((f) => f.name),
    trailingBytes,
  };
}

const end = (s: PdfSignature): number => s.byteRange[2] + s.byteRange[3];

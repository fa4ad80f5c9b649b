import { createHash } from "node:crypto";
import type { PadesLevel } from "../verify/signatures.js";
import { buildCadesSignature } from "./cms.js";
import { appendSignatureRevision, BYTE_RANGE_PLACEHOLDER, type Result } from "./incremental.js";
import { addValidationData } from "./lt.js";
import { type P12Contents, P12Error, readP12 } from "./p12.js";
import { fetchTimestamp, TsaError } from "./tsa.js";

export interface SignOptions {
  /** Party id: the name of the empty signature field to sign. */
  party: string;
  /** The PKCS#12 file's bytes (certificate and private key). */
  p12: Uint8Array;
  /** Its passphrase; never logged, never part of an error message. */
  passphrase: string;
  /** Defaults to now; the claimed signing time, written as the signature dictionary's /M. */
  signingTime?: Date;
  reason?: string;
  location?: string;
  /** URL of an RFC 3161 time-stamping authority: PAdES B-T. */
  tsa?: string;
  /** Add a DSS with the certificate chain and revocation data (PAdES B-LT; needs `tsa`). */
  lt?: boolean;
}

export interface Signed {
  pdf: Uint8Array;
  /** The PAdES baseline level the new signature reached. */
  level: PadesLevel;
  /** Swedish notes for the user (e.g. why the signature stayed at B-T). */
  notes: string[];
}

/** Room for the signature at first; doubled (up to 64 KiB) when a certificate chain needs more. */
const INITIAL_CONTENTS_BYTES = 8192;
const MAX_CONTENTS_BYTES = 65536;

const latin1 = (text: string) => Buffer.from(text, "latin1");

/** The PKCS#12 file read with its passphrase, or its Swedish error. */
function openP12(options: SignOptions): Result<P12Contents> {
  try {
    return { ok: true, value: readP12(options.p12, options.passphrase) };
  } catch (error) {
    if (error instanceof P12Error) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * Writes the byte range into a prepared revision: everything but the /Contents hex string,
 * brackets included. Returns where that string starts and ends and the digest of the rest.
 */
function fillByteRange(file: Buffer): { start: number; end: number; digest: Buffer } {
  const placeholder = file.lastIndexOf(BYTE_RANGE_PLACEHOLDER);
  const start = file.indexOf("/Contents <", placeholder) + "/Contents ".length;
  const end = file.indexOf(">", start) + 1;
  const range = `/ByteRange [0 ${start} ${end} ${file.length - end}]`;
  latin1(range.padEnd(BYTE_RANGE_PLACEHOLDER.length, " ")).copy(file, placeholder);
  const digest = createHash("sha256")
    .update(file.subarray(0, start))
    .update(file.subarray(end))
    .digest();
  return { start, end, digest };
}

/** The CAdES signature over `digest`, or the Swedish error (a TSA's own, else a general one). */
async function cadesSignature(
  digest: Buffer,
  p12: P12Contents,
  timestamp: ((signatureValue: Uint8Array) => Promise<Buffer>) | undefined,
): Promise<Result<Buffer>> {
  try {
    const cms = await buildCadesSignature({
      digest,
      key: p12.key,
      certificate: p12.certificate,
      chain: p12.chain,
      ...(timestamp ? { timestamp } : {}),
    });
    return { ok: true, value: cms };
  } catch (error) {
    if (error instanceof TsaError) return { ok: false, error: `${error.message}.` };
    return { ok: false, error: "PDF-filen kunde inte signeras." };
  }
}

/**
 * The signed PDF at the level asked for: B-B without a TSA, B-T with one, and with `lt` a
 * further update with the validation data (B-LT, or B-T with notes when that could not be had).
 */
async function atLevel(
  signed: Uint8Array,
  contents: Buffer,
  options: SignOptions,
  certificates: { signer: Uint8Array; chain: Uint8Array[] },
): Promise<Result<Signed>> {
  if (!options.tsa) return { ok: true, value: { pdf: signed, level: "B-B", notes: [] } };
  if (!options.lt) return { ok: true, value: { pdf: signed, level: "B-T", notes: [] } };
  const lt = await addValidationData(signed, {
    contents,
    signer: certificates.signer,
    certificates: certificates.chain,
  });
  return lt.pdf
    ? { ok: true, value: { pdf: lt.pdf, level: "B-LT", notes: lt.notes } }
    : { ok: true, value: { pdf: signed, level: "B-T", notes: lt.notes } };
}

/**
 * The timestamp callback for the CMS when there is a TSA, and the certificates that came with
 * the last token it fetched (none before it is called).
 */
function timestamper(tsa: string | undefined): {
  timestamp: ((signatureValue: Uint8Array) => Promise<Buffer>) | undefined;
  tokenCertificates: () => Buffer[];
} {
  let certificates: Buffer[] = [];
  const timestamp = tsa
    ? async (signatureValue: Uint8Array) => {
        const token = await fetchTimestamp(tsa, signatureValue);
        certificates = token.certificates;
        return token.token;
      }
    : undefined;
  return { timestamp, tokenCertificates: () => certificates };
}

/** The PDF with a signature revision appended whose /Contents has room for `contentsBytes`. */
function prepareRevision(
  pdf: Uint8Array,
  options: SignOptions,
  signingTime: Date,
  contentsBytes: number,
): Promise<Result<Uint8Array>> {
  return appendSignatureRevision(pdf, {
    field: options.party,
    signingTime,
    contentsBytes,
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.location ? { location: options.location } : {}),
  });
}

/**
 * Signs one party's empty signature field with a PKCS#12 certificate by appending an incremental
 * update: the returned PDF starts with exactly the bytes of `pdf`, so earlier signatures stay
 * valid. The signature is PAdES: SubFilter ETSI.CAdES.detached with a CAdES CMS (`cms.ts`); with
 * `tsa`, a signature timestamp (B-T); with `lt`, a further update with the validation data (B-LT).
 */
export async function signPdf(pdf: Uint8Array, options: SignOptions): Promise<Result<Signed>> {
  const signingTime = new Date(
    Math.floor((options.signingTime ?? new Date()).getTime() / 1000) * 1000,
  );
  const opened = openP12(options);
  if (!opened.ok) return opened;
  const p12 = opened.value;
  const { timestamp, tokenCertificates } = timestamper(options.tsa);

  for (let contentsBytes = INITIAL_CONTENTS_BYTES; ; contentsBytes *= 2) {
    const prepared = await prepareRevision(pdf, options, signingTime, contentsBytes);
    if (!prepared.ok) return prepared;
    const file = Buffer.from(prepared.value);
    const { start, end, digest } = fillByteRange(file);
    const cms = await cadesSignature(digest, p12, timestamp);
    if (!cms.ok) return cms;
    const hex = cms.value.toString("hex").toUpperCase();
    if (hex.length > end - start - 2) {
      if (contentsBytes < MAX_CONTENTS_BYTES) continue;
      return { ok: false, error: "Underskriften blev för stor för PDF-filen." };
    }
    latin1(hex).copy(file, start + 1);
    const signed = new Uint8Array(file.buffer, file.byteOffset, file.length);
    return atLevel(signed, file.subarray(start + 1, end - 1), options, {
      signer: p12.certificate,
      chain: [...p12.chain, ...tokenCertificates()],
    });
  }
}

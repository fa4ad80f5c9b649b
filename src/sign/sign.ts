import { SignPdf } from "@signpdf/signpdf";
import { appendSignatureRevision, type Result } from "./incremental.js";
import { IopP12Signer, P12SignerError } from "./p12-signer.js";

export interface SignOptions {
  /** Party id: the name of the empty signature field to sign. */
  party: string;
  /** The PKCS#12 file's bytes (certificate and private key). */
  p12: Uint8Array;
  /** Its passphrase; never logged, never part of an error message. */
  passphrase: string;
  /** Defaults to now; recorded in the signature (signed attribute) and as /M. */
  signingTime?: Date;
  reason?: string;
  location?: string;
}

/** Room for the signature at first; doubled (up to 64 KiB) when a certificate chain needs more. */
const INITIAL_CONTENTS_BYTES = 8192;
const MAX_CONTENTS_BYTES = 65536;

/**
 * Signs one party's empty signature field with a PKCS#12 certificate by appending an incremental
 * update: the returned PDF starts with exactly the bytes of `pdf`, so earlier signatures stay
 * valid. @signpdf/signpdf computes the byte range and puts in the detached PKCS#7 signature
 * (adbe.pkcs7.detached, SHA-256) that `IopP12Signer` makes.
 */
export async function signPdf(pdf: Uint8Array, options: SignOptions): Promise<Result<Uint8Array>> {
  const signingTime = new Date(
    Math.floor((options.signingTime ?? new Date()).getTime() / 1000) * 1000,
  );
  const signer = new IopP12Signer(options.p12, options.passphrase);
  for (let contentsBytes = INITIAL_CONTENTS_BYTES; ; contentsBytes *= 2) {
    const prepared = await appendSignatureRevision(pdf, {
      field: options.party,
      signingTime,
      contentsBytes,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.location ? { location: options.location } : {}),
    });
    if (!prepared.ok) return prepared;
    try {
      const signed = await new SignPdf().sign(Buffer.from(prepared.value), signer, signingTime);
      return { ok: true, value: new Uint8Array(signed.buffer, signed.byteOffset, signed.length) };
    } catch (error) {
      if (error instanceof P12SignerError) return { ok: false, error: error.message };
      const message = error instanceof Error ? error.message : "";
      if (/exceeds placeholder length/.test(message) && contentsBytes < MAX_CONTENTS_BYTES)
        continue;
      return { ok: false, error: "PDF-filen kunde inte signeras." };
    }
  }
}

/**
 * A detached CAdES signature of a file (the built folder's manifest.json): the same CMS as a
 * PAdES signature (`cms.ts`), plus the signing-time attribute, since there is no signature
 * dictionary to hold the claimed time; with `tsa`, a signature timestamp too. Written beside the
 * manifest as `manifest.json.p7s` (DER, `manifest-signature.ts`), which `openssl cms -verify -binary -inform DER -content <file>`
 * checks as well as `iop verify`.
 */
import { buildCadesSignature, sha256 } from "./cms.js";
import type { Result } from "./incremental.js";
import { P12Error, readP12 } from "./p12.js";
import { fetchTimestamp, TsaError } from "./tsa.js";

export interface DetachedOptions {
  p12: Uint8Array;
  passphrase: string;
  signingTime?: Date;
  tsa?: string;
}

export async function signDetached(
  data: Uint8Array,
  options: DetachedOptions,
): Promise<Result<Buffer>> {
  try {
    const p12 = readP12(options.p12, options.passphrase);
    const tsa = options.tsa;
    const der = await buildCadesSignature({
      digest: sha256(data),
      key: p12.key,
      certificate: p12.certificate,
      chain: p12.chain,
      signingTime: new Date(
        Math.floor((options.signingTime ?? new Date()).getTime() / 1000) * 1000,
      ),
      ...(tsa
        ? { timestamp: async (value: Uint8Array) => (await fetchTimestamp(tsa, value)).token }
        : {}),
    });
    return { ok: true, value: der };
  } catch (error) {
    if (error instanceof P12Error) return { ok: false, error: error.message };
    if (error instanceof TsaError) return { ok: false, error: `${error.message}.` };
    return { ok: false, error: "Filen kunde inte signeras." };
  }
}

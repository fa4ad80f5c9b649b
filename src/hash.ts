import { createHash } from "node:crypto";

/** SHA-256 of bytes or text (UTF-8), as lowercase hex. */
export const sha256 = (data: Uint8Array | string): string =>
  createHash("sha256").update(data).digest("hex");

/**
 * The SHA-256 of bytes, as `sha256` gives it, kept per array: the same arrays are hashed again and
 * again, the YAML sources for every document's PDFs, copies and manifest entry, and in `iop watch`
 * every file the build cache hands back unchanged. iop never changes an array once it was read or
 * made (src/render/pdf/flate.ts relies on that too).
 */
const digests = new WeakMap<Uint8Array, string>();
export function bytesSha256(data: Uint8Array): string {
  let digest = digests.get(data);
  if (digest === undefined) {
    digest = sha256(data);
    digests.set(data, digest);
  }
  return digest;
}

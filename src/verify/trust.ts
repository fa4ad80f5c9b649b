/** Reads a trust store for `iop verify --trust`: one or more certificates in a PEM file. */
import { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Result } from "../sign/incremental.js";

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export async function readTrustStore(path: string): Promise<Result<X509Certificate[]>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { ok: false, error: `Filen ${path} (--trust) kan inte läsas.` };
  }
  const certificates: X509Certificate[] = [];
  for (const [pem] of text.matchAll(PEM)) {
    try {
      certificates.push(new X509Certificate(pem));
    } catch {
      return { ok: false, error: `${path} innehåller ett certifikat som inte kan läsas.` };
    }
  }
  if (certificates.length === 0) {
    return { ok: false, error: `${path} innehåller inga certifikat i PEM-format (--trust).` };
  }
  return { ok: true, value: certificates };
}

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";

/**
 * The same PDF saved again by pdf-lib with object streams and a cross-reference stream (pdf-lib's
 * default, and what many other producers write), to test signing such files too.
 */
export async function withObjectStreams(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.save({ useObjectStreams: true });
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = "iop-test-"): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCertificate {
  p12: Uint8Array;
  passphrase: string;
  /** The PEM text of the certificate and the private key, to check that no output leaks them. */
  secrets: string[];
}

/**
 * A throwaway self-signed certificate and PKCS#12 file made by openssl in `dir` (a temp dir the
 * test removes). Nothing is printed; openssl's output is discarded.
 */
export function makeCertificate(dir: string, commonName: string, name: string): TestCertificate {
  const key = join(dir, `${name}.key`);
  const crt = join(dir, `${name}.crt`);
  const p12 = join(dir, `${name}.p12`);
  const passphrase = `test-${name}-${Math.random().toString(36).slice(2)}`;
  const quiet = { stdio: "ignore" as const };
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      crt,
      "-days",
      "30",
      "-subj",
      `/C=SE/O=Test/CN=${commonName}`,
      "-utf8",
    ],
    quiet,
  );
  execFileSync(
    "openssl",
    ["pkcs12", "-export", "-inkey", key, "-in", crt, "-out", p12, "-passout", "env:P12_PASS"],
    { ...quiet, env: { ...process.env, P12_PASS: passphrase } },
  );
  const keyPem = readFileSync(key, "utf8");
  const crtPem = readFileSync(crt, "utf8");
  const body = (pem: string) => pem.split("\n").filter((l) => l && !l.startsWith("-----"));
  return {
    p12: readFileSync(p12),
    passphrase,
    secrets: [passphrase, ...body(keyPem).slice(0, 3), ...body(crtPem).slice(0, 3)],
  };
}

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyDetachedPkcs7 } from "../../src/verify/pkcs7.js";
import { needProgram } from "../helpers/external.js";
import { tempDir } from "../sign/helpers.js";

/**
 * Detached CMS signatures made by openssl (not by our signer), with an RSA and an EC key, so the
 * verifier is checked against another implementation.
 */
describe.runIf(needProgram("openssl"))("verifyDetachedPkcs7", () => {
  const tmp = tempDir("iop-pkcs7-");
  afterAll(() => tmp.remove());
  const data = Buffer.from("%PDF-1.7 signerade byte: åäö\n");
  const dataPath = join(tmp.dir, "data.bin");
  writeFileSync(dataPath, data);

  function signWith(keyArgs: string[], name: string, cn: string): Buffer {
    const key = join(tmp.dir, `${name}.key`);
    const crt = join(tmp.dir, `${name}.crt`);
    const out = join(tmp.dir, `${name}.p7s`);
    const quiet = { stdio: "ignore" as const };
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        ...keyArgs,
        "-nodes",
        "-keyout",
        key,
        "-out",
        crt,
        "-days",
        "2",
        "-subj",
        `/CN=${cn}`,
        "-utf8",
      ],
      quiet,
    );
    execFileSync(
      "openssl",
      [
        "cms",
        "-sign",
        "-binary",
        "-md",
        "sha256",
        "-in",
        dataPath,
        "-signer",
        crt,
        "-inkey",
        key,
        "-outform",
        "DER",
        "-out",
        out,
      ],
      quiet,
    );
    return readFileSync(out);
  }

  for (const [kind, args] of [
    ["RSA", ["-newkey", "rsa:2048"]],
    ["EC P-256", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]],
  ] as const) {
    it(`checks an openssl ${kind} signature: signer, time, digest and signature`, () => {
      const der = signWith([...args], kind.replace(/\W/g, ""), "Sören Åkesson");
      const padded = Buffer.concat([der, Buffer.alloc(200)]);
      const ok = verifyDetachedPkcs7(padded, data);
      expect(ok.problems).toEqual([]);
      expect(ok.certificate?.commonName).toBe("Sören Åkesson");
      expect(ok.certificate?.selfSigned).toBe(true);
      expect(ok.digestAlgorithm).toBe("SHA-256");
      expect(Math.abs((ok.signingTime?.getTime() ?? 0) - Date.now())).toBeLessThan(600_000);

      const changed = verifyDetachedPkcs7(der, Buffer.concat([data, Buffer.from(" ")]));
      expect(changed.digestMatches).toBe(false);
      expect(changed.signatureVerifies).toBe(true);
      expect(changed.problems).toEqual([
        "det signerade innehållet har ändrats (kontrollsumman stämmer inte)",
      ]);

      // Flip a bit in the signature value (the last bytes of the structure).
      const forged = Buffer.from(der);
      forged[forged.length - 5] = (forged[forged.length - 5] ?? 0) ^ 1;
      const bad = verifyDetachedPkcs7(forged, data);
      expect(bad.digestMatches).toBe(true);
      expect(bad.signatureVerifies).toBe(false);
    });
  }

  it("reports garbage as unreadable", () => {
    expect(verifyDetachedPkcs7(Buffer.from("inte asn1"), data).problems).toEqual([
      "underskriften är inte en läsbar PKCS#7-struktur",
    ]);
  });
});

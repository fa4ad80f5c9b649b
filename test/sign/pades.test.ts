/**
 * PAdES baseline signatures (issue 17), judged by pdfsig, qpdf and openssl as well as by
 * `inspectSignatures`: B-B, B-T with a local RFC 3161 TSA (`openssl ts` behind an HTTP handler on
 * 127.0.0.1), B-LT with the CRLs of a throwaway CA and intermediate, several parties in turn,
 * changes after signing, trust, and the detached signature of manifest.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as asn1js from "asn1js";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from "pdf-lib";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { buildCadesSignature } from "../../src/sign/cms.js";
import { appendUpdate, openForUpdate } from "../../src/sign/incremental.js";
import { readP12 } from "../../src/sign/p12.js";
import { signPdf } from "../../src/sign/sign.js";
import { fetchTimestamp } from "../../src/sign/tsa.js";
import { verifyDetachedPkcs7 } from "../../src/verify/pkcs7.js";
import { inspectSignatures } from "../../src/verify/signatures.js";
import { runCli } from "../helpers/cli.js";
import { needProgram } from "../helpers/external.js";
import { partiesTree, STOCKHOLM_PARTIES } from "../package/trees.js";
import { writeBuildFolder } from "../verify/folder.js";
import { tempDir } from "./helpers.js";
import { type Pki, startPki } from "./pki.js";

const tools =
  needProgram("openssl") &&
  needProgram("pdfsig") &&
  needProgram("qpdf") &&
  needProgram("pdftotext");

/** pdfsig's report (it exits non-zero for invalid signatures; the text is what counts). */
function pdfsig(path: string): string {
  const run = spawnSync("pdfsig", ["-nocert", path], { encoding: "utf8" });
  return `${run.stdout}${run.stderr}`;
}

const qpdfCheck = (path: string): string =>
  execFileSync("qpdf", ["--check", path], { encoding: "utf8" });

/** The signatures' CMS (exact DER, without the zero padding) and the bytes each covers. */
function signaturesOf(pdf: Uint8Array): { cms: Buffer; signed: Buffer }[] {
  const text = Buffer.from(pdf).toString("latin1");
  return [...text.matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\]/g)].map((m) => {
    const [b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const contents = Buffer.from(text.slice(b + 1, c - 1), "hex");
    const parsed = asn1js.fromBER(contents);
    return {
      cms: contents.subarray(0, parsed.offset),
      signed: Buffer.concat([Buffer.from(pdf.subarray(0, b)), Buffer.from(pdf.subarray(c, c + d))]),
    };
  });
}

/** The signature value and the RFC 3161 token (exact DER) of a CMS. */
function timestampOf(cms: Buffer): { value: Buffer; token?: Buffer } {
  const info = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
  const signer = new pkijs.SignedData({ schema: info.content }).signerInfos[0] as pkijs.SignerInfo;
  const attribute = signer.unsignedAttrs?.attributes.find(
    (a) => a.type === "1.2.840.113549.1.9.16.2.14",
  );
  const token = attribute?.values[0] as asn1js.AsnType | undefined;
  return {
    value: Buffer.from(signer.signature.valueBlock.valueHexView),
    ...(token ? { token: Buffer.from(token.valueBeforeDecodeView) } : {}),
  };
}

/** The part of `openssl cms -cmsout -print` that lists the signer's signed attributes. */
function signedAttributesPrint(dir: string, cms: Buffer): string {
  const file = join(dir, `cms-${Math.random().toString(36).slice(2)}.der`);
  writeFileSync(file, cms);
  const printed = execFileSync(
    "openssl",
    ["cms", "-cmsout", "-print", "-inform", "DER", "-in", file],
    { encoding: "utf8" },
  );
  const start = printed.indexOf("signedAttrs:");
  return printed.slice(start, printed.indexOf("signatureAlgorithm:", start));
}

describe.runIf(tools)("PAdES signatures", () => {
  const tmp = tempDir("iop-pades-");
  let pki: Pki;
  let unsigned: Uint8Array;
  let unsigned4: Uint8Array;
  const signers: { p12: Uint8Array; passphrase: string }[] = [];
  const save = (name: string, data: Uint8Array) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, data);
    return path;
  };
  const parties = STOCKHOLM_PARTIES.map((p) => p.id);
  async function sign(pdf: Uint8Array, index: number, level: { tsa?: boolean; lt?: boolean } = {}) {
    const signer = signers[index] as (typeof signers)[0];
    const result = await signPdf(pdf, {
      party: parties[index] as string,
      p12: signer.p12,
      passphrase: signer.passphrase,
      ...(level.tsa ? { tsa: pki.tsaUrl } : {}),
      ...(level.lt ? { lt: true } : {}),
    });
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  beforeAll(async () => {
    pki = await startPki(tmp.dir);
    for (const [i, name] of [
      "Åsa Öberg",
      "Cecilia Ekstrand",
      "Örjan Ängström",
      "Bo Ek",
    ].entries()) {
      signers.push(pki.signer(name, `signer-${i}`));
    }
    unsigned = await renderPdf(partiesTree(2, "elektronisk"), { signatureFields: true });
    unsigned4 = await renderPdf(partiesTree(4, "elektronisk"), { signatureFields: true });
  }, 60_000);
  afterAll(async () => {
    await pki.close();
    tmp.remove();
  });

  it("B-B by default: ETSI.CAdES.detached, signing-certificate-v2, no signing-time, /M, ESIC extension", async () => {
    const first = await sign(unsigned, 0);
    const second = await sign(first.pdf, 1);
    expect([first.level, second.level]).toEqual(["B-B", "B-B"]);
    const path = save("b-b.pdf", second.pdf);
    const report = pdfsig(path);
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
    expect(report).toContain("Signer Certificate Common Name: Åsa Öberg");
    expect(qpdfCheck(path)).toContain("No syntax or stream encoding errors");

    for (const { cms, signed } of signaturesOf(second.pdf)) {
      const attributes = signedAttributesPrint(tmp.dir, cms);
      expect(attributes).toContain("id-smime-aa-signingCertificateV2");
      expect(attributes).toContain("contentType");
      expect(attributes).toContain("messageDigest");
      expect(attributes).not.toContain("signingTime");
      // openssl accepts the CMS over the signed bytes and the chain to the root.
      const cmsFile = save("check.p7s", cms);
      const content = save("check.bin", signed);
      const verified = spawnSync(
        "openssl",
        ["cms", "-verify", "-binary", "-inform", "DER", "-in", cmsFile, "-content", content].concat(
          ["-CAfile", pki.rootPem, "-purpose", "any", "-out", "/dev/null"],
        ),
        { encoding: "utf8" },
      );
      expect(verified.stderr).toContain("Verification successful");
    }

    const doc = await PDFDocument.load(second.pdf);
    const esic = doc.catalog
      .lookup(PDFName.of("Extensions"), PDFDict)
      .lookup(PDFName.of("ESIC"), PDFDict);
    expect(esic.get(PDFName.of("BaseVersion"))?.toString()).toBe("/1.7");
    expect(esic.get(PDFName.of("ExtensionLevel"))?.toString()).toBe("2");
    const sigDict =
      /\/Type \/Sig\n\/Filter \/Adobe\.PPKLite\n\/SubFilter \/ETSI\.CAdES\.detached[\s\S]*?\/M \(D:\d{14}\+00'00'\)/;
    expect(Buffer.from(second.pdf).toString("latin1")).toMatch(sigDict);

    // Deterministic: the same time and key give the same bytes (RSA PKCS#1 v1.5, no nonce).
    const at = new Date(Date.UTC(2025, 2, 25, 13, 30, 0));
    const signer = signers[0] as (typeof signers)[0];
    const again = () => signPdf(unsigned, { party: "socialnamnden", ...signer, signingTime: at });
    const [x, y] = await Promise.all([again(), again()]);
    if (!x.ok || !y.ok) throw new Error("signing failed");
    expect(Buffer.from(x.value.pdf).equals(Buffer.from(y.value.pdf))).toBe(true);

    const ours = await inspectSignatures(second.pdf);
    expect(
      ours.signatures.map((s) => [s.field, s.certificate?.commonName, s.valid, s.level]),
    ).toEqual([
      ["socialnamnden", "Åsa Öberg", true, "B-B"],
      ["bo-stockholm-gotland", "Cecilia Ekstrand", true, "B-B"],
    ]);
    expect(ours.signatures[0]?.laterSignatures).toBe(1);
    expect(ours.signatures.flatMap((s) => [...s.after, ...s.changedWith])).toEqual([]);
  });

  it("B-T: a timestamp from the TSA that openssl ts -verify accepts", async () => {
    const requests = pki.requests;
    const before = Date.now();
    const signed = await sign(unsigned, 0, { tsa: true });
    expect(signed.level).toBe("B-T");
    expect(pki.requests).toBe(requests + 1);
    const path = save("b-t.pdf", signed.pdf);
    expect(pdfsig(path)).toContain("Signature is Valid");
    expect(pdfsig(path)).toContain("ETSI.CAdES.detached");

    const cms = signaturesOf(signed.pdf)[0]?.cms ?? Buffer.alloc(0);
    const { value, token } = timestampOf(cms);
    if (!token) throw new Error("no timestamp token");
    const tokenFile = save("token.der", token);
    const digest = createHash("sha256").update(value).digest("hex");
    const verified = spawnSync(
      "openssl",
      ["ts", "-verify", "-in", tokenFile, "-token_in", "-digest", digest].concat([
        "-CAfile",
        pki.rootPem,
        "-untrusted",
        pki.tsaPem,
      ]),
      { encoding: "utf8" },
    );
    expect(verified.stdout).toContain("Verification: OK");
    // The signer's signed attributes still carry no signing time (the token has its own).
    expect(signedAttributesPrint(tmp.dir, cms)).not.toContain("signingTime");

    const [ours] = (await inspectSignatures(signed.pdf)).signatures;
    expect(ours?.level).toBe("B-T");
    expect(ours?.timestamp?.valid).toBe(true);
    expect(ours?.timestamp?.tsa).toBe("Test-TSA");
    const time = ours?.timestamp?.time.getTime() ?? 0;
    expect(time).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(time).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("a timestamp over another signature value is reported as not belonging to the signature", async () => {
    const signer = signers[0] as (typeof signers)[0];
    const { key, certificate, chain } = readP12(signer.p12, signer.passphrase);
    const data = Buffer.from("manifest");
    const cms = await buildCadesSignature({
      digest: createHash("sha256").update(data).digest(),
      key,
      certificate,
      chain,
      signingTime: new Date(),
      // The TSA stamps some other value than this signature's.
      timestamp: async () => (await fetchTimestamp(pki.tsaUrl, Buffer.from("annat"))).token,
    });
    const result = verifyDetachedPkcs7(cms, data);
    expect(result.problems).toEqual([]);
    expect(result.signingCertificateV2).toBe(true);
    expect(result.timestamp).toMatchObject({
      tsa: "Test-TSA",
      valid: false,
      problems: ["tidsstämpeln gäller inte den här underskriften"],
    });
  });

  it("B-LT: a DSS with the chain and the CRLs as a further update; iop verify --trust names level, time and TSA", async () => {
    const signed = await sign(unsigned, 0, { tsa: true, lt: true });
    expect(signed).toMatchObject({ level: "B-LT", notes: [] });
    const path = save("b-lt.pdf", signed.pdf);
    const report = pdfsig(path);
    expect(report).toContain("Signature is Valid");
    expect(report).toContain("Not total document signed"); // the DSS comes after the signature
    expect(qpdfCheck(path)).toContain("No syntax or stream encoding errors");

    const doc = await PDFDocument.load(signed.pdf);
    const dss = doc.catalog.lookup(PDFName.of("DSS"), PDFDict);
    // signer, intermediate, root and TSA; the root's and the intermediate's CRL.
    expect(dss.lookup(PDFName.of("Certs"), PDFArray).size()).toBe(4);
    expect(dss.lookup(PDFName.of("CRLs"), PDFArray).size()).toBe(2);
    expect(dss.lookup(PDFName.of("VRI"), PDFDict).keys()).toHaveLength(1);

    const ours = await inspectSignatures(signed.pdf, {
      trust: [new X509Certificate(readFileSync(pki.rootPem))],
    });
    const [first] = ours.signatures;
    expect(first?.level).toBe("B-LT");
    expect(first?.trust).toEqual({ trusted: true, anchor: "Testrot CA", problems: [] });
    expect(first?.after.map((c) => c.kind)).toEqual(["dss"]);
    expect(first?.changedAfter).toEqual([]);

    const run = await runCli(["verify", path, "--trust", pki.rootPem]);
    expect(run.code, run.all).toBe(0);
    expect(run.stdout).toMatch(
      /ok: b-lt\.pdf: underskrift för socialnamnden av Åsa Öberg, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(svensk tid\): giltig; PAdES B-LT; tidsstämpel \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(svensk tid\) från Test-TSA, betrodd; certifikatet kedjar till den betrodda utfärdaren Testrot CA; därefter tillagt: valideringsdata \(DSS\)\n/,
    );

    // Against another trust store the chain leads nowhere: an error.
    const other = tempDir("iop-pades-other-");
    const otherPki = await startPki(other.dir);
    const untrusted = await runCli(["verify", path, "--trust", otherPki.rootPem]);
    await otherPki.close();
    other.remove();
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain(
      "certifikatet är inte betrott: certifikatkedjan (Åsa Öberg → Testmellan CA → Testrot CA) leder inte till någon betrodd utfärdare",
    );
    expect(untrusted.stdout).toContain(
      "tidsstämpeltjänstens certifikat är inte betrott: certifikatkedjan (Test-TSA → Testrot CA) leder inte till någon betrodd utfärdare",
    );
  }, 60_000);

  it("--lt without fetchable revocation data stays at B-T and says so", async () => {
    pki.blocked.add("/intermediate.crl").add("/ocsp");
    try {
      const signed = await sign(unsigned, 0, { tsa: true, lt: true });
      expect(signed.level).toBe("B-T");
      expect(signed.notes).toEqual([
        expect.stringMatching(
          /^Spärrinformation för Åsa Öberg kunde inte hämtas eller kontrolleras \(http:\/\/127\.0\.0\.1:\d+\/intermediate\.crl, http:\/\/127\.0\.0\.1:\d+\/ocsp\); underskriften stannar på nivå B-T \(utan DSS\)\.$/,
        ),
      ]);
      expect(Buffer.from(signed.pdf).includes("/DSS")).toBe(false);
    } finally {
      pki.blocked.clear();
    }
  });

  it("--lt takes an OCSP response when the CRL cannot be had; pdfsig and iop verify accept it", async () => {
    pki.blocked.add("/intermediate.crl");
    try {
      const signed = await sign(unsigned, 0, { tsa: true, lt: true });
      expect(signed).toMatchObject({ level: "B-LT", notes: [] });
      const doc = await PDFDocument.load(signed.pdf);
      const dss = doc.catalog.lookup(PDFName.of("DSS"), PDFDict);
      expect(dss.lookup(PDFName.of("OCSPs"), PDFArray).size()).toBe(1);
      expect(dss.lookup(PDFName.of("CRLs"), PDFArray).size()).toBe(1); // the root's
      const path = save("ocsp.pdf", signed.pdf);
      expect(pdfsig(path)).toContain("Signature is Valid");
      const [ours] = (await inspectSignatures(signed.pdf)).signatures;
      expect(ours?.level).toBe("B-LT");

      // A revoked signer: the responder says so.
      const revoked = pki.signer("Spärrad Testperson", "revoked-ocsp");
      pki.revoke("revoked-ocsp");
      const refused = await signPdf(unsigned, {
        party: "socialnamnden",
        p12: revoked.p12,
        passphrase: revoked.passphrase,
        tsa: pki.tsaUrl,
        lt: true,
      });
      if (!refused.ok) throw new Error(refused.error);
      expect(refused.value.level).toBe("B-T");
      expect(refused.value.notes).toEqual([
        expect.stringMatching(
          /^Certifikatet Spärrad Testperson är återkallat enligt OCSP-svaret från http:\/\/127\.0\.0\.1:\d+\/ocsp; underskriften stannar på nivå B-T \(utan DSS\)\.$/,
        ),
      ]);
    } finally {
      pki.blocked.clear();
    }
  });

  it("--lt with a revoked signer certificate stays at B-T and names the certificate", async () => {
    const revoked = pki.signer("Återkallad Testperson", "revoked");
    pki.revoke("revoked");
    const result = await signPdf(unsigned, {
      party: "socialnamnden",
      p12: revoked.p12,
      passphrase: revoked.passphrase,
      tsa: pki.tsaUrl,
      lt: true,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.level).toBe("B-T");
    expect(result.value.notes).toEqual([
      expect.stringMatching(
        /^Certifikatet Återkallad Testperson är återkallat enligt spärrlistan http:\/\/127\.0\.0\.1:\d+\/intermediate\.crl; underskriften stannar på nivå B-T \(utan DSS\)\.$/,
      ),
    ]);
  });

  it("filling in a form field after a signature is reported as form filling, a warning", async () => {
    // A PDF with a text field beside the signature fields, signed, then the field filled in.
    const withField = await PDFDocument.load(unsigned);
    withField.getForm().createTextField("kommentar").addToPage(withField.getPage(0), {
      x: 50,
      y: 50,
      width: 200,
      height: 20,
    });
    const signed = (await sign(await withField.save({ useObjectStreams: false }), 0)).pdf;
    const opened = await openForUpdate(signed);
    if (!opened.ok) throw new Error(opened.error);
    const { doc, xref, next } = opened.value;
    const field = doc.getForm().getTextField("kommentar");
    const dict = field.acroField.dict.clone(doc.context);
    dict.set(PDFName.of("V"), PDFString.of("Ifylld"));
    const filled = appendUpdate(
      signed,
      doc,
      xref,
      [{ ref: field.acroField.ref, body: Buffer.from(dict.toString(), "latin1") }],
      next,
    );
    const [ours] = (await inspectSignatures(filled)).signatures;
    expect(ours?.after).toEqual([
      { kind: "formulär", message: "formulärfältet kommentar har fyllts i" },
    ]);
    expect(ours?.changedAfter).toEqual([]);
    const run = await runCli(["verify", save("filled.pdf", filled)]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      "varning: filled.pdf: underskrift för socialnamnden av Åsa Öberg, ",
    );
    expect(run.stdout).toContain(
      "formuläret har fyllts i efter underskriften: formulärfältet kommentar har fyllts i",
    );
  });

  it("refuses a paper copy: by the built folder's manifest, and by the agreement embedded in the PDF", async () => {
    const dir = tempDir("iop-pades-paper-");
    try {
      const built = await runCli([
        "build",
        "agreements/kalmar-brottsofferstod-2018",
        "--out",
        dir.dir,
      ]);
      expect(built.code, built.all).toBe(0);
      const exemplar = join(dir.dir, "kalmar-brottsofferstod-2018", "exemplar");
      const copy = readdirSync(exemplar).sort()[0] as string;
      const p12 = join(dir.dir, "asa.p12");
      writeFileSync(p12, (signers[0] as (typeof signers)[0]).p12);
      const env = { IOP_P12_PASSPHRASE: (signers[0] as (typeof signers)[0]).passphrase };
      const party = /-av-\d+-(.+)\.pdf$/.exec(copy)?.[1] as string;
      const inFolder = await runCli(
        ["sign", join(exemplar, copy), "--party", party, "--p12", p12],
        {
          env,
        },
      );
      expect(inFolder.code).toBe(1);
      expect(inFolder.stderr).toContain("detta är exemplar 1 av 2 (Kalmar socialförvaltning) av");
      expect(inFolder.stderr).toContain("Ett pappersexemplar kan inte skrivas under elektroniskt");

      // The same copy outside its folder: the embedded overenskommelse.yaml says papper.
      const moved = join(dir.dir, "kopia.pdf");
      writeFileSync(moved, readFileSync(join(exemplar, copy)));
      const outside = await runCli(["sign", moved, "--party", party, "--p12", p12], { env });
      expect(outside.code).toBe(1);
      expect(outside.stderr).toContain(
        "hör till en överenskommelse som skrivs under på papper (signering.sätt i den inbäddade overenskommelse.yaml)",
      );
      expect(readFileSync(moved).equals(readFileSync(join(exemplar, copy)))).toBe(true);
    } finally {
      dir.remove();
    }
  }, 60_000);

  it("four parties in turn, each B-LT: every signature stays valid and each DSS extends the last", async () => {
    let pdf = unsigned4;
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const signed = await sign(pdf, i, { tsa: true, lt: true });
      expect(signed.level).toBe("B-LT");
      expect(Buffer.from(signed.pdf.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
      pdf = signed.pdf;
      sizes.push(pdf.length);
    }
    const path = save("four.pdf", pdf);
    const report = pdfsig(path);
    expect(report.match(/Signature is Valid/g)).toHaveLength(4);
    expect(report.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(4);
    expect(qpdfCheck(path)).toContain("No syntax or stream encoding errors");

    const ours = await inspectSignatures(pdf, {
      trust: [new X509Certificate(readFileSync(pki.rootPem))],
    });
    expect(ours.signatures.map((s) => [s.field, s.level, s.valid, s.trust?.trusted])).toEqual(
      parties.map((p) => [p, "B-LT", true, true]),
    );
    expect(ours.signatures.map((s) => s.laterSignatures)).toEqual([3, 2, 1, 0]);
    expect(ours.signatures[0]?.after.map((c) => c.kind)).toEqual(["dss", "dss", "dss", "dss"]);
    expect(ours.signatures.flatMap((s) => [...s.changedAfter, ...s.changedWith])).toEqual([]);
    const doc = await PDFDocument.load(pdf);
    const dss = doc.catalog.lookup(PDFName.of("DSS"), PDFDict);
    expect(dss.lookup(PDFName.of("VRI"), PDFDict).keys()).toHaveLength(4);
  }, 60_000);

  it("one changed byte anywhere in the signed bytes: pdfsig and iop verify both report it", async () => {
    const signed = (await sign((await sign(unsigned, 0, { tsa: true })).pdf, 1, { tsa: true })).pdf;
    const text = Buffer.from(signed).toString("latin1");
    const [, b2] = [...text.matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\]/g)].map((m) =>
      Number(m[1]),
    );
    // In the first revision, in the first signature's revision, and in the second's.
    const firstSig = text.indexOf("/Type /Sig");
    for (const at of [200, Math.floor(unsigned.length / 2), firstSig + 2, (b2 ?? 0) - 30]) {
      const changed = Buffer.from(signed);
      changed[at] = (changed[at] ?? 0) === 0x41 ? 0x42 : 0x41;
      const path = save(`byte-${at}.pdf`, changed);
      const report = pdfsig(path);
      expect((report.match(/Signature is Valid/g) ?? []).length, `byte ${at}`).toBeLessThan(2);
      const run = await runCli(["verify", path]);
      expect(run.code, `byte ${at}: ${run.stdout}`).toBe(1);
      expect(run.stdout).toMatch(/fel: byte-\d+\.pdf: /);
    }
    // The zero padding of /Contents is outside the byte range; iop verify still sees a change.
    const padding = text.lastIndexOf("00>");
    const padded = Buffer.from(signed);
    padded[padding] = 0x37;
    const run = await runCli(["verify", save("padding.pdf", padded)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("underskriftens utfyllnad i /Contents har ändrats");
  });

  it("an update that changes page content after a signature is a content change, not a further signature", async () => {
    const signed = (await sign(unsigned, 0, { tsa: true })).pdf;
    const doc = await PDFDocument.load(signed);
    const contents = doc.getPages()[0]?.node.get(PDFName.of("Contents"));
    const ref = contents instanceof PDFArray ? contents.get(0) : contents;
    if (!(ref instanceof PDFRef)) throw new Error("page 1 has no indirect contents");
    const stream = "BT /F1 12 Tf 72 720 Td (Forfalskad text) Tj ET";
    const base = Buffer.from(signed);
    const offset = base.length + 1;
    const update = `\n${ref.objectNumber} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
    const prev = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(base.toString("latin1"))?.[1];
    const xrefAt = offset - 1 + update.length;
    const tail = `xref\n${ref.objectNumber} 1\n${String(offset).padStart(10, "0")} 00000 n\r\ntrailer\n<< /Size ${doc.context.largestObjectNumber + 1} /Prev ${prev} /Root ${doc.context.trailerInfo.Root} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const forged = Buffer.concat([base, Buffer.from(update + tail, "latin1")]);
    const path = save("content-changed.pdf", forged);
    expect(pdfsig(path)).toContain("Not total document signed");

    const [ours] = (await inspectSignatures(forged)).signatures;
    expect(ours?.valid).toBe(true);
    expect(ours?.laterSignatures).toBe(0);
    expect(ours?.after).toEqual([
      { kind: "innehåll", message: `sidan 1 har ändrats (objekt ${ref.objectNumber})` },
    ]);
    const run = await runCli(["verify", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `dokumentet har ändrats efter underskriften: sidan 1 har ändrats (objekt ${ref.objectNumber})`,
    );
    expect(run.stdout).not.toContain("underskrift till");
  });

  it("iop sign --tsa --lt from the command line: level, passphrase from the environment, nothing else on disk", async () => {
    const dir = tempDir("iop-pades-cli-");
    try {
      const pdf = join(dir.dir, "avtal.pdf");
      writeFileSync(pdf, unsigned);
      const p12 = join(dir.dir, "asa.p12");
      writeFileSync(p12, (signers[0] as (typeof signers)[0]).p12);
      const env = { IOP_P12_PASSPHRASE: (signers[0] as (typeof signers)[0]).passphrase };
      const run = await runCli(
        ["sign", pdf, "--party", "socialnamnden", "--p12", p12, "--tsa", pki.tsaUrl, "--lt"],
        { env },
      );
      expect(run.code, run.all).toBe(0);
      expect(run.stdout).toContain(
        `${pdf}: underskriven för socialnamnden av Åsa Öberg (PAdES B-LT); underskriften är giltig.\n`,
      );
      expect(readdirSync(dir.dir).sort()).toEqual(["asa.p12", "avtal.pdf"]);
      expect(run.all).not.toContain(env.IOP_P12_PASSPHRASE);

      const lt = await runCli(
        ["sign", pdf, "--party", "bo-stockholm-gotland", "--p12", p12, "--lt"],
        {
          env,
        },
      );
      expect(lt.code).toBe(2);
      expect(lt.stderr).toContain(
        "--lt (nivå B-LT) kräver en tidsstämpel: ange också --tsa <url>.",
      );
      const down = await runCli(
        [
          "sign",
          pdf,
          "--party",
          "bo-stockholm-gotland",
          "--p12",
          p12,
          "--tsa",
          "http://127.0.0.1:1/tsa",
        ],
        { env },
      );
      expect(down.code).toBe(1);
      expect(down.stderr).toBe(
        `iop sign: ${pdf}: tidsstämpeltjänsten http://127.0.0.1:1/tsa kunde inte nås.\n`,
      );
    } finally {
      dir.remove();
    }
  });

  it("signs a built folder's manifest.json detached; iop verify checks it and catches an edit", async () => {
    const dir = tempDir("iop-pades-manifest-");
    try {
      await writeBuildFolder(dir.dir, [partiesTree(2, "elektronisk")]);
      const p12 = join(dir.dir, "..", `${Math.random().toString(36).slice(2)}.p12`);
      writeFileSync(p12, (signers[0] as (typeof signers)[0]).p12);
      const env = { IOP_P12_PASSPHRASE: (signers[0] as (typeof signers)[0]).passphrase };
      const run = await runCli(["sign", dir.dir, "--manifest", "--p12", p12, "--tsa", pki.tsaUrl], {
        env,
      });
      expect(run.code, run.all).toBe(0);
      const signature = join(dir.dir, "manifest.json.p7s");
      expect(run.stdout).toBe(
        `${signature}: manifest.json underskrivet av Åsa Öberg; underskriften är giltig.\n`,
      );
      const verified = spawnSync(
        "openssl",
        ["cms", "-verify", "-binary", "-inform", "DER", "-in", signature]
          .concat(["-content", join(dir.dir, "manifest.json"), "-CAfile", pki.rootPem])
          .concat(["-purpose", "any", "-out", "/dev/null"]),
        { encoding: "utf8" },
      );
      expect(verified.stderr).toContain("Verification successful");

      const ok = await runCli(["verify", dir.dir, "--trust", pki.rootPem]);
      expect(ok.code, ok.stdout).toBe(0);
      expect(ok.stdout).toMatch(
        /ok: manifest\.json\.p7s: underskrift av manifestet av Åsa Öberg, .* \(svensk tid\): giltig; manifestet har inte ändrats sedan det skrevs under; tidsstämpel .* från Test-TSA; certifikatet kedjar till den betrodda utfärdaren Testrot CA\n/,
      );

      const manifest = join(dir.dir, "manifest.json");
      writeFileSync(manifest, readFileSync(manifest, "utf8").replace('"test"', '"test2"'));
      const edited = await runCli(["verify", dir.dir]);
      expect(edited.code).toBe(1);
      expect(edited.stdout).toContain(
        "fel: manifest.json.p7s: underskrift av manifestet av Åsa Öberg",
      );
      expect(edited.stdout).toContain(
        "ogiltig: det signerade innehållet har ändrats (kontrollsumman stämmer inte)",
      );
    } finally {
      dir.remove();
    }
  });
});

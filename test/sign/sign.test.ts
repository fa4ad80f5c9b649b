import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFArray, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { signatureFields } from "../../src/sign/fields.js";
import { signPdf } from "../../src/sign/sign.js";
import { inspectSignatures } from "../../src/verify/signatures.js";
import { needProgram } from "../helpers/external.js";
import { partiesTree } from "../package/trees.js";
import { makeCertificate, type TestCertificate, tempDir, withObjectStreams } from "./helpers.js";

const tools = needProgram("openssl") && needProgram("pdfsig") && needProgram("qpdf");

/** pdfsig's report (it exits non-zero for invalid signatures; the text is what counts). */
function pdfsig(path: string): string {
  const run = spawnSync("pdfsig", [path], { encoding: "utf8" });
  return `${run.stdout}${run.stderr}`;
}

function qpdfCheck(path: string): string {
  return execFileSync("qpdf", ["--check", path], { encoding: "utf8" });
}

describe.runIf(tools)("signPdf", () => {
  const tmp = tempDir("iop-sign-");
  let alice: TestCertificate;
  let bob: TestCertificate;
  let unsigned: Uint8Array;
  const save = (name: string, data: Uint8Array) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, data);
    return path;
  };

  beforeAll(async () => {
    alice = makeCertificate(tmp.dir, "Veronica Carstorp Wolgast", "alice");
    bob = makeCertificate(tmp.dir, "Cecilia Ekstrand", "bob");
    unsigned = await renderPdf(partiesTree(2, "elektronisk"), {
      fingerprint: "3f2a 91c0 77be",
      signatureFields: true,
    });
  });
  afterAll(() => tmp.remove());

  async function signBoth(pdf: Uint8Array) {
    const time = new Date(Date.UTC(2025, 2, 25, 13, 30, 0));
    const first = await signPdf(pdf, {
      party: "socialnamnden",
      p12: alice.p12,
      passphrase: alice.passphrase,
      signingTime: time,
      location: "Stockholm",
    });
    if (!first.ok) throw new Error(first.error);
    const second = await signPdf(first.value.pdf, {
      party: "bo-stockholm-gotland",
      p12: bob.p12,
      passphrase: bob.passphrase,
      signingTime: new Date(time.getTime() + 3600_000),
    });
    if (!second.ok) throw new Error(second.error);
    return { first: first.value.pdf, second: second.value.pdf };
  }

  it("two parties sign one after the other; earlier bytes stay unchanged; pdfsig and qpdf accept it", async () => {
    const { first, second } = await signBoth(unsigned);
    // Incremental: each signed file starts with the exact bytes it was made from.
    expect(Buffer.from(first.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(
      true,
    );
    expect(Buffer.from(second.subarray(0, first.length)).equals(Buffer.from(first))).toBe(true);

    const path = save("signed.pdf", second);
    const report = pdfsig(path);
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report).toContain("Signature Field Name: socialnamnden");
    expect(report).toContain("Signer Certificate Common Name: Veronica Carstorp Wolgast");
    expect(report).toContain("Signature Field Name: bo-stockholm-gotland");
    expect(report).toContain("Signer Certificate Common Name: Cecilia Ekstrand");
    expect(report).toContain("Total document signed");
    expect(qpdfCheck(path)).toContain("No syntax or stream encoding errors");

    const ours = await inspectSignatures(second);
    expect(ours.signatures.map((s) => [s.field, s.certificate?.commonName, s.valid])).toEqual([
      ["socialnamnden", "Veronica Carstorp Wolgast", true],
      ["bo-stockholm-gotland", "Cecilia Ekstrand", true],
    ]);
    expect(ours.signatures[0]?.signingTime?.toISOString()).toBe("2025-03-25T13:30:00.000Z");
    expect(ours.signatures.flatMap((s) => [...s.changedAfter, ...s.changedWith])).toEqual([]);
    expect(ours.unsignedFields).toEqual([]);
    expect(ours.trailingBytes).toBe(0);
    const doc = await PDFDocument.load(second);
    expect(signatureFields(doc).every((f) => f.value !== undefined)).toBe(true);
  });

  it("signs PDFs with a cross-reference stream too", async () => {
    const streamed = await withObjectStreams(unsigned);
    const { second } = await signBoth(streamed);
    const path = save("streamed.pdf", second);
    expect(pdfsig(path).match(/Signature is Valid/g)).toHaveLength(2);
    expect(qpdfCheck(path)).toContain("No syntax or stream encoding errors");
  });

  it("a byte changed afterwards: pdfsig and inspectSignatures both see it", async () => {
    const { second } = await signBoth(unsigned);
    const changed = Buffer.from(second);
    // A byte of the first page's text, inside both signatures' byte ranges.
    const at = changed.indexOf("/Type /Page");
    changed[at + 1] = "X".charCodeAt(0);
    const report = pdfsig(save("changed.pdf", changed));
    expect(report).not.toContain("Signature is Valid");
    expect(report.match(/Digest Mismatch/g)).toHaveLength(2);
    const ours = await inspectSignatures(changed);
    expect(ours.signatures.map((s) => s.valid)).toEqual([false, false]);
    expect(ours.signatures[0]?.problems.join()).toContain("har ändrats");
  });

  it("bytes appended after the last signature are reported", async () => {
    const { second } = await signBoth(unsigned);
    const appended = Buffer.concat([second, Buffer.from("\n% tillagg\n")]);
    expect(pdfsig(save("appended.pdf", appended))).toContain("Not total document signed");
    const ours = await inspectSignatures(appended);
    expect(ours.trailingBytes).toBe(11);
    expect(ours.signatures[1]?.changedAfter).toContain(
      "11 byte har lagts till efter den sista underskriften",
    );
  });

  it("a later revision that changes a page is reported against the earlier signature", async () => {
    const first = await signPdf(unsigned, {
      party: "socialnamnden",
      p12: alice.p12,
      passphrase: alice.passphrase,
    });
    if (!first.ok) throw new Error(first.error);
    // Append a revision that replaces the first page's content stream, as a forger would.
    const doc = await PDFDocument.load(first.value.pdf);
    const contents = doc.getPages()[0]?.node.get(PDFName.of("Contents"));
    const contentsRef = contents instanceof PDFArray ? contents.get(0) : contents;
    if (!(contentsRef instanceof PDFRef)) throw new Error("page 1 has no indirect contents");
    const number = contentsRef.objectNumber;
    const stream = "BT /F1 12 Tf 72 720 Td (Forfalskad text) Tj ET";
    const base = Buffer.from(first.value.pdf);
    const offset = base.length + 1;
    const update = `\n${number} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
    const prev = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(base.toString("latin1"))?.[1];
    const xrefAt = offset - 1 + update.length;
    const tail = `xref\n${number} 1\n${String(offset).padStart(10, "0")} 00000 n\r\ntrailer\n<< /Size ${doc.context.largestObjectNumber + 1} /Prev ${prev} /Root ${doc.context.trailerInfo.Root} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const forged = Buffer.concat([base, Buffer.from(update + tail, "latin1")]);
    const second = await signPdf(forged, {
      party: "bo-stockholm-gotland",
      p12: bob.p12,
      passphrase: bob.passphrase,
    });
    if (!second.ok) throw new Error(second.error);
    const ours = await inspectSignatures(second.value.pdf);
    expect(ours.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(ours.signatures[0]?.changedAfter).toEqual([`sidan 1 har ändrats (objekt ${number})`]);
    expect(ours.signatures[1]?.changedWith).toEqual([`sidan 1 har ändrats (objekt ${number})`]);
  });

  it("reports a signed field whose byte range cannot be read", async () => {
    const { first } = await signBoth(unsigned);
    const text = Buffer.from(first).toString("latin1");
    const range = /\/ByteRange \[0 (\d+)/.exec(text);
    if (!range) throw new Error("no byte range");
    const broken = Buffer.from(
      text.replace(range[0], `/ByteRange [0 /${"x".repeat((range[1]?.length ?? 2) - 1)}`),
      "latin1",
    );
    const ours = await inspectSignatures(broken);
    expect(ours.signatures).toEqual([]);
    expect(ours.unreadableFields).toEqual(["socialnamnden"]);
    expect(ours.unsignedFields).toEqual(["bo-stockholm-gotland"]);
  });

  it("refuses a wrong passphrase, an unknown party and a field already signed, in Swedish", async () => {
    const wrong = await signPdf(unsigned, {
      party: "socialnamnden",
      p12: alice.p12,
      passphrase: "fel",
    });
    expect(wrong).toEqual({
      ok: false,
      error: "Fel lösenfras för PKCS#12-filen (eller så är filen skadad).",
    });

    const unknown = await signPdf(unsigned, {
      party: "okand",
      p12: alice.p12,
      passphrase: alice.passphrase,
    });
    expect(unknown).toEqual({
      ok: false,
      error:
        'PDF-filen har inget underskriftsfält för parten "okand" (underskriftsfält: socialnamnden, bo-stockholm-gotland).',
    });

    const once = await signPdf(unsigned, {
      party: "socialnamnden",
      p12: alice.p12,
      passphrase: alice.passphrase,
    });
    if (!once.ok) throw new Error(once.error);
    const twice = await signPdf(once.value.pdf, {
      party: "socialnamnden",
      p12: bob.p12,
      passphrase: bob.passphrase,
    });
    expect(twice).toEqual({
      ok: false,
      error: 'Parten "socialnamnden" har redan skrivit under i den här filen.',
    });

    const notPdf = await signPdf(new TextEncoder().encode("inte en pdf"), {
      party: "socialnamnden",
      p12: alice.p12,
      passphrase: alice.passphrase,
    });
    expect(notPdf).toEqual({ ok: false, error: "Filen kunde inte läsas som PDF." });
  });
});

import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/hash.js";
import type { Manifest } from "../../src/package/manifest.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { signPdf } from "../../src/sign/sign.js";
import { runCli } from "../helpers/cli.js";
import { needProgram } from "../helpers/external.js";
import { sampleTree } from "../helpers/trees.js";
import { partiesTree, replaceWord } from "../package/trees.js";
import { makeCertificate, type TestCertificate, tempDir } from "../sign/helpers.js";
import { writeBuildFolder } from "./folder.js";

const tools = needProgram("pdftotext") && needProgram("openssl") && needProgram("pdfsig");

const COPY_3 = "exemplar/overenskommelse-exemplar-3-av-4-bo-sodra-stockholm.pdf";
const ELECTRONIC = "exemplar/bilaga-1-elektronisk.pdf";

/** Runs `iop <args>` in-process, capturing what it prints. */
const iop = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

describe.runIf(tools)("iop verify", () => {
  const tmp = tempDir("iop-verify-");
  const pristine = join(tmp.dir, "pristine");
  const trees = [
    partiesTree(4),
    { ...sampleTree(), signing: { ...sampleTree().signing, mode: "elektronisk" as const } },
  ];
  let fingerprint = "";
  let certificates: TestCertificate[] = [];
  /** Everything the commands printed, to check that no secret leaked. */
  const printed: string[] = [];

  beforeAll(async () => {
    const { documents } = await writeBuildFolder(pristine, trees);
    fingerprint = documents[0]?.fingerprint ?? "";
    certificates = [
      makeCertificate(tmp.dir, "Veronica Carstorp Wolgast", "alice"),
      makeCertificate(tmp.dir, "Cecilia Ekstrand", "bob"),
    ];
  });
  afterAll(() => {
    // No certificate, key or passphrase in anything a command printed.
    const output = printed.join("\n");
    for (const cert of certificates)
      for (const secret of cert.secrets) expect(output).not.toContain(secret);
    tmp.remove();
  });

  let n = 0;
  /** A fresh copy of the built folder. */
  const folder = () => {
    const dir = join(tmp.dir, `case-${++n}`);
    cpSync(pristine, dir, { recursive: true });
    return dir;
  };
  const verify = async (dir: string, ...flags: string[]) => {
    const run = await iop(["verify", dir, ...flags]);
    printed.push(run.all);
    return run;
  };
  const readManifest = (dir: string) =>
    JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const writeManifest = (dir: string, manifest: Manifest) =>
    writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

  it("accepts a folder as built", async () => {
    const run = await verify(folder());
    expect(run.code, run.all).toBe(0);
    expect(run.stdout).toContain(
      `overenskommelse: 4 exemplar med samma text på 2 sidor (fingeravtryck ${fingerprint})`,
    );
    expect(run.stdout).toContain("ok: 5 av 5 filer stämmer med manifestet");
    expect(run.stdout).toContain(
      `ok: ${ELECTRONIC}: väntar på underskrift för Socialnämnden i Stockholms stad`,
    );
    expect(run.stdout).not.toContain("fel:");
    expect(run.stdout).toMatch(/allt stämmer\.\n$/);
  });

  /** Re-renders copy 3 from a tree with one word changed, keeping label and fingerprint. */
  const forgeCopy3 = async (dir: string) => {
    const changed = replaceWord(trees[0] as (typeof trees)[0], "telefon", "video");
    const data = await renderPdf(changed, {
      copyLabel: "Exemplar 3 av 4 – Brottsofferjouren Södra Stockholm",
      fingerprint,
      signatureFields: true,
    });
    writeFileSync(join(dir, ...COPY_3.split("/")), data);
    return data;
  };

  it("names the copy and page where one word was changed", async () => {
    const dir = folder();
    await forgeCopy3(dir);
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `fel: ${COPY_3}: filen har ändrats: SHA-256 stämmer inte med manifestet`,
    );
    expect(run.stdout).toContain(
      `fel: ${COPY_3}: sidan 1 skiljer sig från exemplar 1: "video" i stället för "telefon"`,
    );
    expect(run.stdout).not.toContain("exemplar-1-av-4-socialnamnden.pdf: sidan");
  });

  it("finds the changed word from the PDFs even when the manifest's hash was edited to match", async () => {
    const dir = folder();
    const data = await forgeCopy3(dir);
    const manifest = readManifest(dir);
    const entry = manifest.files.find((f) => f.path === COPY_3);
    if (!entry) throw new Error("copy 3 not in manifest");
    entry.sha256 = sha256(data);
    entry.bytes = data.length;
    writeManifest(dir, manifest);
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("SHA-256");
    expect(run.stdout).toContain(
      `fel: ${COPY_3}: sidan 1 skiljer sig från exemplar 1: "video" i stället för "telefon"`,
    );
  });

  it("reports a deleted copy and an extra file", async () => {
    const dir = folder();
    rmSync(join(dir, ...COPY_3.split("/")));
    writeFileSync(join(dir, "anteckning.txt"), "inte byggd");
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`fel: ${COPY_3}: filen saknas`);
    expect(run.stdout).toContain("fel: anteckning.txt: filen finns inte i manifestet");
  });

  it("reports an edited fingerprint, copy entry and file list in manifest.json", async () => {
    const dir = folder();
    const manifest = readManifest(dir);
    const doc = manifest.documents[0];
    if (!doc) throw new Error("no document");
    doc.fingerprint = "0000 0000 0000";
    const copy = doc.copies[1];
    if (!copy) throw new Error("no copy 2");
    copy.partyName = "Brottsofferjouren Norr";
    manifest.files = manifest.files.filter((f) => f.path !== COPY_3);
    writeManifest(dir, manifest);
    const run = await verify(dir);
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).toContain(
      `fel: manifest.json: overenskommelse: fingeravtrycket 0000 0000 0000 stämmer inte med contentSha256 (${fingerprint})`,
    );
    expect(out).toContain(
      "fel: manifest.json: overenskommelse: exemplar 2 tillhör Brottsofferjouren Norr (bo-stockholm-gotland), men part 2 är Brottsofferjouren Stockholm-Gotland (bo-stockholm-gotland)",
    );
    expect(out).toContain(
      'exemplar-2-av-4-bo-stockholm-gotland.pdf: exemplarmärkningen "Exemplar 2 av 4 – Brottsofferjouren Norr" som manifestet anger finns inte i filen',
    );
    expect(out).toContain("fingeravtrycket 0000 0000 0000 saknas på sidorna 1, 2");
    expect(out).toContain(`fel: ${COPY_3}: filen finns inte i manifestet`);
    expect(out).toContain(`exemplar 3: filen ${COPY_3} finns inte i files`);
  });

  it("reports a removed copy entry", async () => {
    const dir = folder();
    const manifest = readManifest(dir);
    manifest.documents[0]?.copies.pop();
    writeManifest(dir, manifest);
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("overenskommelse: 3 exemplar men 4 undertecknande parter");
    expect(run.stdout).toContain('exemplar 1 anger "av 4" men det finns 3 exemplar');
  });

  it("accepts a PDF signed after the build, names signers and times, and catches a changed byte", async () => {
    const dir = folder();
    const pdf = join(dir, ...ELECTRONIC.split("/"));
    const [alice, bob] = certificates as [TestCertificate, TestCertificate];
    // The first party signs through the library at a fixed time, the second with iop sign.
    const first = await signPdf(readFileSync(pdf), {
      party: "socialnamnden",
      p12: alice.p12,
      passphrase: alice.passphrase,
      signingTime: new Date(Date.UTC(2025, 2, 25, 13, 30, 0)),
    });
    if (!first.ok) throw new Error(first.error);
    writeFileSync(pdf, first.value.pdf);
    const p12 = join(tmp.dir, "bob.p12");
    writeFileSync(p12, bob.p12);
    const signed = await iop(["sign", pdf, "--party", "bo-stockholm-gotland", "--p12", p12], {
      IOP_P12_PASSPHRASE: bob.passphrase,
    });
    printed.push(signed.all);
    expect(signed.code, signed.all).toBe(0);
    // Neither the passphrase nor the PEM text of key or certificate went into the PDF.
    const text = readFileSync(pdf).toString("latin1");
    for (const secret of [...alice.secrets, ...bob.secrets]) {
      expect(text).not.toContain(secret);
    }
    const run = await verify(dir);
    expect(run.code, run.all).toBe(0);
    expect(run.stdout).toContain(
      `ok: ${ELECTRONIC}: filen är den byggda filen med underskrifter tillagda efteråt`,
    );
    expect(run.stdout).toContain(
      `ok: ${ELECTRONIC}: underskrift för Socialnämnden i Stockholms stad av Veronica Carstorp Wolgast, 2025-03-25 14:30:00 (svensk tid): giltig; PAdES B-B; certifikatet är självsignerat; därefter tillagt: 1 underskrift till`,
    );
    expect(run.stdout).toContain(
      "underskrift för Brottsofferjouren Stockholm-Gotland av Cecilia Ekstrand",
    );
    expect(run.stdout).not.toContain("väntar på underskrift");

    const bytes = readFileSync(pdf);
    bytes[bytes.indexOf("/Type /Page") + 1] = "X".charCodeAt(0);
    writeFileSync(pdf, bytes);
    const changed = await verify(dir);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(
      `fel: ${ELECTRONIC}: filen har ändrats: SHA-256 stämmer inte med manifestet`,
    );
    expect(changed.stdout).toMatch(
      /fel: exemplar\/bilaga-1-elektronisk\.pdf: underskrift för Socialnämnden i Stockholms stad av Veronica Carstorp Wolgast, .*: ogiltig: det signerade innehållet har ändrats/,
    );
    const pdfsig = spawnSync("pdfsig", [pdf], { encoding: "utf8" });
    expect(pdfsig.stdout.match(/Digest Mismatch/g)).toHaveLength(2);
  });

  it("writes JSON with --format json", async () => {
    const dir = folder();
    rmSync(join(dir, ...COPY_3.split("/")));
    const run = await verify(dir, "--format", "json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      errors: number;
      findings: { level: string; file?: string }[];
    };
    expect(report.errors).toBe(1);
    expect(report.findings).toContainEqual({ level: "fel", file: COPY_3, message: "filen saknas" });
  });

  it("accepts a build without PDFs for signing (iop build without exemplar)", async () => {
    const dir = folder();
    const manifest = readManifest(dir);
    const bilaga = manifest.documents[1];
    if (!bilaga) throw new Error("no bilaga");
    delete bilaga.signingPdf;
    delete bilaga.signatories;
    manifest.files = manifest.files.filter((f) => f.path !== ELECTRONIC);
    writeManifest(dir, manifest);
    rmSync(join(dir, ...ELECTRONIC.split("/")));
    const run = await verify(dir);
    expect(run.code, run.all).toBe(0);
  });

  it("exits 2 when pdftotext is missing, rather than skipping the comparison", async () => {
    const dir = folder();
    const path = process.env.PATH;
    process.env.PATH = join(tmp.dir, "no-programs-here");
    try {
      const run = await verify(dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("programmet pdftotext (poppler-utils) saknas");
    } finally {
      process.env.PATH = path;
    }
  });

  it("exits 2 for a folder that does not exist, 1 without a manifest", async () => {
    const missing = await verify(join(tmp.dir, "finns-inte"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("finns inte eller kan inte läsas");
    const dir = folder();
    rmSync(join(dir, "manifest.json"));
    const bare = await verify(dir);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain("fel: manifest.json: manifest.json saknas i mappen");
  });

  it("checks manifest.json against its schema and reports every problem in Swedish", async () => {
    const dir = folder();
    const manifest = readManifest(dir) as unknown as Record<string, unknown>;
    writeManifest(dir, { ...manifest, documents: "inga", files: undefined } as unknown as Manifest);
    const run = await verify(dir);
    expect(run.code, run.all).toBe(1);
    expect(run.stdout).toContain('fel: manifest.json: Nyckeln "files" saknas.');
    expect(run.stdout).toContain("fel: manifest.json: documents: Värdet ska vara en lista.");
    expect(run.all).not.toMatch(/\bat \w+ \(/);
  });
});

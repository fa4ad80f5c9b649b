import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIop } from "../helpers/cli.js";
import { needProgram } from "../helpers/external.js";
import { makeCertificate, tempDir } from "../sign/helpers.js";

const root = new URL("../../", import.meta.url).pathname;
const bin = `${root}dist/bin/iop.js`;
const agreements = readdirSync(`${root}agreements`).sort();

/** Runs the built `iop` binary the way a user does (`npx iop` resolves to it). */
const iop = (...args: string[]) => iopWith({}, ...args);
const iopWith = (env: Record<string, string>, ...args: string[]) => runIop(args, { env });

describe("the iop binary", () => {
  beforeAll(() => {
    if (!existsSync(bin)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  });

  it("should have the three example agreements", () => {
    expect(agreements).toEqual([
      "kalmar-brottsofferstod-2018",
      "stockholm-brottsofferstod-2022",
      "stockholm-brottsofferstod-2025",
    ]);
  });

  for (const name of agreements) {
    it(`should pass iop check on ${name} with only warnings`, () => {
      const r = iop("check", `agreements/${name}`);
      expect(r.stderr).not.toContain(": fel:");
      expect(r.stderr).toContain("utan fel");
      expect(r.status).toBe(0);
    });
  }

  it("should print Swedish help listing every command", () => {
    const r = iop("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Användning: iop <kommando>");
    expect(r.stdout).toMatch(/check\s+kontrollera/);
  });

  it("should exit 2 for an unknown command without a stack trace", () => {
    const r = iop("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('iop: okänt kommando "frobnicate". Se iop --help.\n');
  });
});

describe("the iop binary: commands whose code it loads on demand", () => {
  const tmp = tempDir("iop-bin-");
  afterAll(() => tmp.remove());
  beforeAll(() => {
    if (!existsSync(bin)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  });

  it.runIf(needProgram("openssl") && needProgram("pdftotext"))(
    "should build, sign a copy, verify the folder and compare two editions",
    () => {
      const out = join(tmp.dir, "out");
      const built = iop("build", "agreements/kalmar-brottsofferstod-2018", "--out", out);
      expect(built.stderr).toContain("Byggde kalmar-brottsofferstod-2018");
      expect(built.status).toBe(0);

      const folder = join(out, "kalmar-brottsofferstod-2018");
      const copy = readdirSync(join(folder, "exemplar")).sort()[0] as string;
      const party = /-av-\d+-(.+)\.pdf$/.exec(copy)?.[1] as string;
      const cert = makeCertificate(tmp.dir, "Test Testsson", "signer");
      const p12 = join(tmp.dir, "signer.p12"); // written by makeCertificate
      // The agreement is signed on paper: its copies refuse electronic signing.
      const refused = iopWith(
        { IOP_P12_PASSPHRASE: cert.passphrase },
        "sign",
        join(folder, "exemplar", copy),
        "--party",
        party,
        "--p12",
        p12,
        "-o",
        join(tmp.dir, "refused.pdf"),
      );
      expect(refused.stderr).toContain("som skrivs under på papper");
      expect(refused.status).toBe(1);
      expect(existsSync(join(tmp.dir, "refused.pdf"))).toBe(false);

      // An agreement signed electronically: one PDF, signed in place.
      const electronic = iop("build", "test/fixtures/agreements/vinterinsats", "--out", out);
      expect(electronic.status, electronic.stderr).toBe(0);
      const signed = join(out, "vinterinsats", "exemplar", "overenskommelse-elektronisk.pdf");
      const sign = iopWith(
        { IOP_P12_PASSPHRASE: cert.passphrase },
        "sign",
        signed,
        "--party",
        "socialnamnden",
        "--p12",
        p12,
      );
      expect(sign.stdout).toContain("(PAdES B-B); underskriften är giltig");
      expect(sign.status).toBe(0);
      const verifySigned = iop("verify", join(out, "vinterinsats"));
      expect(verifySigned.stdout).toContain("underskrift för");
      expect(verifySigned.status, verifySigned.stdout).toBe(0);

      const verify = iop("verify", folder);
      expect(verify.stderr).not.toContain("internt fel");
      expect(verify.status).toBe(0);

      const diff = iop(
        "diff",
        "agreements/stockholm-brottsofferstod-2022",
        "agreements/stockholm-brottsofferstod-2025",
      );
      expect(diff.stdout).toContain("Sammanfattning");
      expect(diff.status).toBe(0);
    },
    60_000,
  );

  it.runIf(needProgram("pdfinfo") && needProgram("pdfdetach"))(
    "should write PDF/A-2b without attachments with --pdfa 2b, and say so",
    () => {
      const out = join(tmp.dir, "out-2b");
      const built = iop(
        "build",
        "agreements/kalmar-brottsofferstod-2018",
        "--out",
        out,
        "--format",
        "pdf,exemplar",
        "--pdfa",
        "2b",
      );
      expect(built.status).toBe(0);
      expect(built.stderr).toContain("PDF/A-2b: YAML-källfilerna bifogas inte i PDF-filerna");
      const folder = join(out, "kalmar-brottsofferstod-2018");
      const pdfs = [
        "overenskommelse.pdf",
        ...readdirSync(join(folder, "exemplar")).map((f) => `exemplar/${f}`),
      ];
      for (const pdf of pdfs) {
        const path = join(folder, pdf);
        const meta = execFileSync("pdfinfo", ["-meta", path], { encoding: "utf8" });
        expect(meta, pdf).toContain("<pdfaid:part>2</pdfaid:part>");
        const list = execFileSync("pdfdetach", ["-list", path], { encoding: "utf8" });
        expect(list.trim(), pdf).toBe("0 embedded files");
      }
    },
    60_000,
  );

  it("should refuse an unknown PDF/A level in Swedish, with exit code 2 and nothing written", () => {
    const out = join(tmp.dir, "out-bad");
    const r = iop("build", "agreements/kalmar-brottsofferstod-2018", "--out", out, "--pdfa", "1b");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Okänd PDF/A-nivå "1b"; välj bland 3b, 2b.');
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});

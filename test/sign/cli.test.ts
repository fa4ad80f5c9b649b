import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "../../src/render/pdf/index.js";
import { runCli } from "../helpers/cli.js";
import { needProgram } from "../helpers/external.js";
import { partiesTree } from "../package/trees.js";
import { makeCertificate, type TestCertificate, tempDir } from "./helpers.js";

const tools = needProgram("openssl") && needProgram("pdfsig");

describe.runIf(tools)("iop sign", () => {
  const tmp = tempDir("iop-sign-cli-");
  let cert: TestCertificate;
  let p12: string;
  let unsigned: Uint8Array;
  const printed: string[] = [];
  const prompts: string[] = [];

  async function iop(args: string[], env: Record<string, string> = {}, answer?: string) {
    const prompt =
      answer === undefined
        ? undefined
        : async (question: string) => {
            prompts.push(question);
            return answer;
          };
    const { code, all: out } = await runCli(args, {
      env,
      isTTY: answer !== undefined,
      ...(prompt ? { prompt } : {}),
    });
    printed.push(out);
    return { code, out };
  }
  const pdfFile = (name: string) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, unsigned);
    return path;
  };

  beforeAll(async () => {
    cert = makeCertificate(tmp.dir, "Åsa Öberg", "asa");
    p12 = join(tmp.dir, "asa.p12");
    writeFileSync(p12, cert.p12);
    unsigned = await renderPdf(partiesTree(4, "elektronisk"), { signatureFields: true });
  });
  afterAll(() => {
    const output = printed.join("\n");
    for (const secret of cert.secrets) expect(output).not.toContain(secret);
    tmp.remove();
  });

  it("signs in place with the passphrase from IOP_P12_PASSPHRASE, appending to the file", async () => {
    const path = pdfFile("in-place.pdf");
    const run = await iop(["sign", path, "--party", "bo-vasterort", "--p12", p12], {
      IOP_P12_PASSPHRASE: cert.passphrase,
    });
    expect(run.code, run.out).toBe(0);
    expect(run.out).toBe(
      `${path}: underskriven för bo-vasterort av Åsa Öberg (PAdES B-B); underskriften är giltig.\n` +
        "Återstår att skriva under: socialnamnden, bo-stockholm-gotland, bo-sodra-stockholm.\n",
    );
    const signed = readFileSync(path);
    expect(signed.subarray(0, unsigned.length).equals(Buffer.from(unsigned))).toBe(true);
    const pdfsig = spawnSync("pdfsig", [path], { encoding: "utf8" }).stdout;
    expect(pdfsig).toContain("Signer Certificate Common Name: Åsa Öberg");
    expect(pdfsig).toContain("Signature is Valid");
  });

  it("asks for the passphrase without echo when the variable is unset, and -o writes elsewhere", async () => {
    const path = pdfFile("input.pdf");
    const output = join(tmp.dir, "output.pdf");
    const run = await iop(
      ["sign", path, "--party", "socialnamnden", "--p12", p12, "-o", output],
      {},
      cert.passphrase,
    );
    expect(run.code, run.out).toBe(0);
    expect(prompts).toEqual(["Lösenfras för asa.p12: "]);
    expect(readFileSync(path).equals(Buffer.from(unsigned))).toBe(true);
    expect(readFileSync(output).length).toBeGreaterThan(unsigned.length);
  });

  it("never takes the passphrase as an argument, and says so without repeating it", async () => {
    const path = pdfFile("argument.pdf");
    const run = await iop([
      "sign",
      path,
      "--party",
      "socialnamnden",
      "--p12",
      p12,
      "--passphrase=hemligt",
    ]);
    expect(run.code).toBe(2);
    expect(run.out).toContain("Lösenfrasen får inte anges på kommandoraden");
    expect(run.out).not.toContain("hemligt");
  });

  it("exits 2 without a passphrase or terminal, 1 for a wrong one or an unknown party", async () => {
    const path = pdfFile("errors.pdf");
    const none = await iop(["sign", path, "--party", "socialnamnden", "--p12", p12]);
    expect(none.code).toBe(2);
    expect(none.out).toContain("Ingen lösenfras: sätt miljövariabeln IOP_P12_PASSPHRASE");

    const wrong = await iop(["sign", path, "--party", "socialnamnden", "--p12", p12], {
      IOP_P12_PASSPHRASE: "fel-lösenfras",
    });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toBe(
      `iop sign: ${path}: Fel lösenfras för PKCS#12-filen (eller så är filen skadad).\n`,
    );
    const unknown = await iop(["sign", path, "--party", "kommunen", "--p12", p12], {
      IOP_P12_PASSPHRASE: cert.passphrase,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('inget underskriftsfält för parten "kommunen"');
    expect(readFileSync(path).equals(Buffer.from(unsigned))).toBe(true);

    const missing = await iop(["sign", join(tmp.dir, "saknas.pdf"), "--party", "x", "--p12", p12]);
    expect(missing.code).toBe(2);
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AGREEMENT, BILAGA, runCli, writeAgreement } from "../helpers/fixture.js";

const root = new URL("../../", import.meta.url).pathname;
const bin = `${root}dist/bin/iop.js`;

/** Schema errors of many kinds at once, in both kinds of file. */
const BROKEN_AGREEMENT = AGREEMENT.replace('diarienummer: "2021/630"', "diarienummer: 2021")
  .replace("status: beslutad", "status: kanske\nokänd: 1")
  .replace('versionsdatum: "2025-03-25"', 'versionsdatum: "2025-13-45"')
  .replace("  sätt: papper", "  sätt: brev")
  .replace('organisationsnummer: "212000-0142"', "organisationsnummer: 2120000142")
  .replace('    organisationsnummer: "802015-4822"\n', "")
  .replace("    sektor: idéburen", "    sektor: 5")
  .replace('  längst_till: "2027-12-31"', "  längst_till: { saknas: 3 }")
  .replace("kommun: Stockholms stad", "kommun: { saknas: Anges inte }");
const BROKEN_BILAGA = BILAGA.replace("nummer: 1", 'nummer: "ett"')
  .replace("        belopp: 54000", "        belopp: -54000\n        extra: ja")
  .replace("belopp: 650000", "belopp: 650 000")
  .replace("    - Stödsamtal via telefon och personliga möten.", "    - Stödsamtal: via telefon")
  .replace("  punkter:\n", "  villkor: { saknas: x }\n  punkter:\n");

describe("the bundled validators (ajv standalone code, compiled by scripts/bundle.mjs)", () => {
  it("should report exactly what the validators compiled at run time report", async () => {
    if (!existsSync(bin)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
    const dir = writeAgreement({
      "overenskommelse.yaml": BROKEN_AGREEMENT,
      "bilaga-1.yaml": BROKEN_BILAGA,
    });
    const args = ["check", "--format", "json", dir];
    const bundled = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
    const inProcess = await runCli(args);

    const diagnostics = JSON.parse(inProcess.stdout) as { file: string; rule: string }[];
    // The breakage reaches the schema in both files, with several kinds of error.
    expect(new Set(diagnostics.map((d) => d.file.split("/").pop()))).toEqual(
      new Set(["overenskommelse.yaml", "bilaga-1.yaml"]),
    );
    expect(new Set(diagnostics.map((d) => d.rule)).size).toBeGreaterThanOrEqual(5);
    // Including the messages for common slips, which depend on the errors' params and paths.
    for (const rule of [
      "schema-tal-med-mellanslag",
      "schema-saknas-ej-tillatet",
      "schema-kolon-i-text",
      "schema-citera-text",
    ]) {
      expect(diagnostics.map((d) => d.rule)).toContain(rule);
    }
    expect(bundled.status).toBe(1);
    expect(inProcess.code).toBe(1);
    expect(JSON.parse(bundled.stdout)).toEqual(diagnostics);
  });
});

/**
 * What the launcher reads from `iop build`'s command line before it loads the bundle
 * (src/cli/commands/build-args.ts): whether it builds one agreement in full, and so gets the PDF
 * helper (src/launch/helper.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildsOneAgreement } from "../../../src/cli/commands/build-args.js";
import { tempDir } from "../../sign/helpers.js";

const root = new URL("../../../", import.meta.url).pathname;
const agreements = join(root, "agreements");
const one = join(agreements, "stockholm-brottsofferstod-2025");

describe("buildsOneAgreement", () => {
  it("holds for one agreement folder or file, whatever the options around it", () => {
    expect(buildsOneAgreement([one])).toBe(true);
    expect(buildsOneAgreement(["--out", "ut", one, "--format", "pdf", "--pdfa", "2b"])).toBe(true);
    expect(buildsOneAgreement([`--out=ut`, "--warnings", one, "--jobs", "2"])).toBe(true);
    expect(buildsOneAgreement([join(one, "overenskommelse.yaml")])).toBe(true);
  });

  it("does not hold for a folder of agreements, several paths, --only, --help or a wrong line", () => {
    expect(buildsOneAgreement([agreements])).toBe(false);
    expect(buildsOneAgreement([one, join(agreements, "kalmar-brottsofferstod-2018")])).toBe(false);
    expect(buildsOneAgreement([one, "--only", "bilaga-1"])).toBe(false);
    expect(buildsOneAgreement([one, "--help"])).toBe(false);
    expect(buildsOneAgreement(["-h"])).toBe(false);
    expect(buildsOneAgreement([])).toBe(false);
    expect(buildsOneAgreement([one, "--okand"])).toBe(false);
    expect(buildsOneAgreement([one, "--out"])).toBe(false);
    // The value of an option is not the path: here the folder is ut's value, and no path is left.
    expect(buildsOneAgreement(["--out", one])).toBe(false);
  });

  it("does not hold for a path that is not an agreement: missing, empty or another file", () => {
    const tmp = tempDir();
    try {
      const empty = join(tmp.dir, "tom");
      mkdirSync(empty);
      writeFileSync(join(tmp.dir, "anteckning.txt"), "");
      expect(buildsOneAgreement([join(tmp.dir, "saknas")])).toBe(false);
      expect(buildsOneAgreement([empty])).toBe(false);
      expect(buildsOneAgreement([join(tmp.dir, "anteckning.txt")])).toBe(false);
      expect(buildsOneAgreement([join(tmp.dir, "saknas.yaml")])).toBe(false);
    } finally {
      tmp.remove();
    }
  });
});

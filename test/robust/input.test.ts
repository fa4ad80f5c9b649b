import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputFile } from "../../src/load/read.js";
import { MAX_FILE_BYTES } from "../../src/load/source.js";
import { BILAGA, runCli, writeAgreement } from "../helpers/fixture.js";

/** `iop check` on the folder; the diagnostics of bilaga-1.yaml. */
async function check(dir: string) {
  const r = await runCli(["check", dir]);
  expect(r.stderr).not.toContain("internt fel");
  return r;
}

describe("only regular files are read, with the size limit applied while reading", () => {
  it("should refuse a bilaga that is a link to /dev/zero at once (it would be read for ever)", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    symlinkSync("/dev/zero", join(dir, "bilaga-1.yaml"));
    const r = await check(dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/bilaga-1\.yaml:1:1: fel: Filen är en länk till \/dev\/zero/);
  });

  it("should refuse a device as not a regular file, and read a /proc file only up to the limit", async () => {
    await expect(readInputFile("/dev", "zero")).rejects.toMatchObject({ rule: "fil-inte-vanlig" });
    await expect(readInputFile("/dev", "urandom")).rejects.toMatchObject({
      rule: "fil-inte-vanlig",
    });
    // Files under /proc say they are empty; the limit holds while reading them.
    const bytes = await readInputFile("/proc/self", "status", 1024 * 1024);
    expect(new TextDecoder().decode(bytes)).toContain("Name:");
    await expect(readInputFile("/proc/self", "status", 8)).rejects.toMatchObject({
      rule: "fil-for-stor",
    });
    // Longer than its stated size and the first buffer: read to its end.
    const smaps = new TextDecoder().decode(await readInputFile("/proc/self", "smaps"));
    expect(smaps.length).toBeGreaterThan(3 * 4096);
    expect(smaps).toMatch(/^[0-9a-f]+-[0-9a-f]+ /);
    expect(smaps.endsWith("\n")).toBe(true);
    expect(smaps.match(/^VmFlags:/gm)?.length).toBe(smaps.match(/^[0-9a-f]+-[0-9a-f]+ /gm)?.length);
  });

  it("should not hang on a named pipe", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    execFileSync("mkfifo", [join(dir, "bilaga-1.yaml")]);
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "bilaga-1.yaml:1:1: fel: Filen är inte en vanlig fil (utan en mapp, en enhet eller en namngiven pipe) och läses inte. [fil-inte-vanlig]",
    );
  });

  it("should refuse a huge sparse file without reading it", async () => {
    const dir = writeAgreement();
    const fd = openSync(join(dir, "bilaga-1.yaml"), "w");
    ftruncateSync(fd, 4 * 1024 ** 3);
    closeSync(fd);
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`högst ${MAX_FILE_BYTES} byte tillåts. [fil-for-stor]`);
  });

  it("should refuse a bilaga that is a folder", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    mkdirSync(join(dir, "bilaga-1.yaml"));
    const r = await check(dir);
    expect(r.stderr).toContain("[fil-inte-vanlig]");
  });
});

describe("links that leave the agreement folder", () => {
  it("should refuse a bilaga linked from outside the folder, and never embed it", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    const outside = join(dirname(dir), "hemlig.yaml");
    writeFileSync(outside, BILAGA);
    symlinkSync(outside, join(dir, "bilaga-1.yaml"));
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("utanför överenskommelsens mapp");
    expect(r.stderr).toContain("[fil-lank-utanfor]");
    const out = join(dirname(dir), "ut");
    const built = await runCli(["build", dir, "--out", out, "--format", "pdf"]);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain("Inget skrevs");
  });

  it("should follow a link that stays inside the folder", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    mkdirSync(join(dir, "kalla"));
    writeFileSync(join(dir, "kalla", "b1.yaml"), BILAGA);
    symlinkSync("kalla/b1.yaml", join(dir, "bilaga-1.yaml"));
    const r = await check(dir);
    expect(r.stderr).not.toContain("fel:");
    expect(r.code).toBe(0);
  });

  it("should apply the same reading, and the same exit code, to iop diff", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    symlinkSync("/dev/zero", join(dir, "bilaga-1.yaml"));
    const r = await runCli(["diff", dir, dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[fil-lank-utanfor]");
  });
});

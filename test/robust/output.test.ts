import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { recoverLeftovers } from "../../src/package/write.js";
import { runCli, writeAgreement } from "../helpers/fixture.js";

/** A process id that is certainly not running: that of a child that has exited. */
const deadPid = (): number => spawnSync("true").pid as number;

/** Folders made beside a test's temporary root, removed after each test. */
const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
const beside = (root: string, suffix: string): string => {
  made.push(`${root}-${suffix}`);
  return `${root}-${suffix}`;
};

const agreement = () => {
  const dir = writeAgreement();
  return { dir, root: dirname(dir), yaml: readFileSync(join(dir, "overenskommelse.yaml")) };
};

describe("iop build never loses the user's files", () => {
  it("should refuse an output folder equal to the agreement folder and keep the YAML", async () => {
    const { dir, yaml } = agreement();
    const r = await runCli(["build", dir, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("är samma mapp som indatamappen");
    expect(r.stderr).not.toContain("internt fel");
    expect(readFileSync(join(dir, "overenskommelse.yaml"))).toEqual(yaml);
  });

  it("should refuse `iop build agreements --out agreements` (the output would replace every agreement)", async () => {
    const { dir, root } = agreement();
    const r = await runCli(["build", root, "--out", root]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["bilaga-1.yaml", "overenskommelse.yaml"]);
  });

  it("should refuse an output folder inside the agreement folder, and one containing it", async () => {
    const { dir, root } = agreement();
    const inside = await runCli(["build", dir, "--out", join(dir, "ut")]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain("ligger i indatamappen");
    expect(existsSync(join(dir, "ut"))).toBe(false);
    const around = await runCli(["build", dir, "--out", root]);
    expect(around.code).toBe(2);
    expect(around.stderr).toContain("innehåller indatamappen");
  });

  it("should see through a link to the agreement folder", async () => {
    const { dir, root } = agreement();
    const link = beside(root, "link");
    symlinkSync(root, link);
    const r = await runCli(["build", dir, "--out", link]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "overenskommelse.yaml"))).toBe(true);
  });

  it("should refuse a regular file as --out, and as the agreement's output folder, leaving it as it was", async () => {
    const { dir, root } = agreement();
    const file = join(root, "rapport.txt");
    writeFileSync(file, "mitt");
    const r = await runCli(["build", dir, "--out", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("är en fil, inte en mapp");
    expect(readFileSync(file, "utf8")).toBe("mitt");
    const under = await runCli(["build", dir, "--out", join(file, "ut")]);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`${file} är en fil, inte en mapp`);
    const out = beside(root, "out");
    mkdirSync(out);
    writeFileSync(join(out, "test-iop"), "min fil");
    const again = await runCli(["build", dir, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("finns redan och är inte en mapp som iop build har skrivit");
    expect(readFileSync(join(out, "test-iop"), "utf8")).toBe("min fil");
  });

  it("should never remove a file a build did not write", async () => {
    const { dir, root } = agreement();
    const out = beside(root, "out");
    expect((await runCli(["build", dir, "--out", out, "--format", "md"])).code).toBe(0);
    // A rebuild replaces what the build wrote…
    expect((await runCli(["build", dir, "--out", out, "--format", "md"])).code).toBe(0);
    // …but not a file the user put there.
    writeFileSync(join(out, "test-iop", "anteckningar.txt"), "mina");
    const r = await runCli(["build", dir, "--out", out, "--format", "md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("anteckningar.txt");
    expect(readFileSync(join(out, "test-iop", "anteckningar.txt"), "utf8")).toBe("mina");
    // A folder of the user's own (no manifest) is not replaced either.
    const own = beside(root, "own");
    mkdirSync(join(own, "test-iop"), { recursive: true });
    writeFileSync(join(own, "test-iop", "manifest.json"), "inte json");
    expect((await runCli(["build", dir, "--out", own, "--format", "md"])).code).toBe(2);
    expect(readFileSync(join(own, "test-iop", "manifest.json"), "utf8")).toBe("inte json");
  });

  it("should give usage messages, not internal errors, for /proc, unwritable and impossible folders", async () => {
    const { dir } = agreement();
    // Node's recursive mkdir loops forever here; the test times out if it is used.
    for (const out of ["/proc/iop-test/out", "/sys/iop-test-out"]) {
      const r = await runCli(["build", dir, "--out", out, "--format", "md"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Utdatamappen \/(proc|sys)\/iop-test\S* kan inte/);
      expect(r.stderr).not.toContain("internt fel");
    }
  });
});

describe("leftovers of killed builds", () => {
  it("should leave a complete output after builds killed with SIGKILL at any moment, and no leftovers", async () => {
    const bin = new URL("../../dist/bin/iop.js", import.meta.url).pathname;
    const { dir, root } = agreement();
    const out = beside(root, "out");
    expect(spawnSync(process.execPath, [bin, "build", dir, "--out", out]).status).toBe(0);
    for (const delay of [150, 400, 700, 1000]) {
      const child = spawn(process.execPath, [bin, "build", dir, "--out", out]);
      // Listened for at once: the build may finish before the kill.
      const closed = new Promise((done) => child.on("close", done));
      await new Promise((done) => setTimeout(done, delay));
      child.kill("SIGKILL");
      await closed;
      // Whenever the kill came, the next build recovers and finishes, leaving nothing behind.
      const next = spawnSync(process.execPath, [bin, "build", dir, "--out", out], {
        encoding: "utf8",
      });
      expect(next.status, next.stderr).toBe(0);
      expect(readdirSync(out)).toEqual(["test-iop"]);
      expect(readdirSync(join(out, "test-iop"))).toContain("manifest.json");
    }
  }, 120_000);

  it("should move the old output back when a build died between the two renames, and clean up the rest", async () => {
    const { dir, root } = agreement();
    const out = beside(root, "out");
    expect((await runCli(["build", dir, "--out", out, "--format", "md"])).code).toBe(0);
    const target = join(out, "test-iop");
    const before = readFileSync(join(target, "manifest.json"));
    // The state kill -9 leaves between rename(target, backup) and rename(staging, target).
    const pid = deadPid();
    spawnSync("mv", [target, join(out, `.iop-old-${pid}-1`)]);
    mkdirSync(join(out, `.iop-tmp-${pid}-1`));
    writeFileSync(join(out, `.iop-tmp-${pid}-1`, "halv.pdf"), "%PDF-");
    // A build still running (its process exists) is left alone.
    mkdirSync(join(out, `.iop-tmp-${process.ppid}-2`));
    const done = await recoverLeftovers(out);
    expect(done).toContain(target);
    expect(readFileSync(join(target, "manifest.json"))).toEqual(before);
    expect(readdirSync(out).sort()).toEqual([`.iop-tmp-${process.ppid}-2`, "test-iop"]);
  });

  it("should remove a stale backup when the output folder is there, on the next build", async () => {
    const { dir, root } = agreement();
    const out = beside(root, "out");
    expect((await runCli(["build", dir, "--out", out, "--format", "md"])).code).toBe(0);
    const stale = join(out, `.iop-old-${deadPid()}-1`);
    mkdirSync(stale);
    writeFileSync(join(stale, "manifest.json"), JSON.stringify({ agreement: "test-iop" }));
    expect((await runCli(["build", dir, "--out", out, "--format", "md"])).code).toBe(0);
    expect(readdirSync(out)).toEqual(["test-iop"]);
  });
});

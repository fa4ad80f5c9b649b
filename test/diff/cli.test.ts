import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { copyAgreement, edit, runCli, tempDir, V2022, V2025 } from "./helpers.js";

const ROOT = join(import.meta.dirname, "../..");
/** The folder name must be the agreement's id. */
const ID = "stockholm-brottsofferstod-2025";

describe("iop diff command line", () => {
  it("should exit 1 with --exit-code when the versions differ", async () => {
    const dir = copyAgreement();
    edit(dir, "bilaga-1.yaml", "    - Hjälp vid myndighetskontakter\n", "");
    const { code, stdout } = await runCli(["diff", V2025, dir, "--exit-code"]);
    expect(code).toBe(1);
    expect(stdout).toContain("Åtagande borttaget");
  });

  it("should exit 2 with a Swedish message when not given two versions", async () => {
    const { code, stderr } = await runCli(["diff", V2025]);
    expect(code).toBe(2);
    expect(stderr).toContain("Ange två versioner att jämföra");
  });

  it("should exit 2 for an unknown format", async () => {
    const { code, stderr } = await runCli(["diff", V2022, V2025, "--format", "pdf"]);
    expect(code).toBe(2);
    expect(stderr).toContain('Okänt format "pdf"');
  });

  it("should exit 2 when a version does not exist, naming it", async () => {
    const { code, stderr } = await runCli(["diff", V2025, join(tempDir(), "saknas")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/saknas:1:1: fel: Finns inte\./);
  });

  it("should print the problems like iop check and exit 1 when a version has errors", async () => {
    const dir = copyAgreement();
    edit(dir, "bilaga-1.yaml", "summa: 830000", "summa: 830001");
    const { code, stderr, stdout } = await runCli(["diff", V2025, dir]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/bilaga-1\.yaml:\d+:\d+: fel: .*\[[a-z-]+\]/);
    expect(stderr).toMatch(/\d+ fel, \d+ varning/);
  });

  it("should compare YAML files, reading the bilagor beside them", async () => {
    const dir = copyAgreement();
    edit(dir, "bilaga-1.yaml", "summa: 830000", "summa: 830000 # samma");
    edit(dir, "bilaga-1.yaml", "    - Hjälp vid myndighetskontakter\n", "");
    const { code, stdout } = await runCli([
      "diff",
      join(V2025, "overenskommelse.yaml"),
      join(dir, "overenskommelse.yaml"),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Åtagande borttaget, Brottsofferjouren Stockholm-Gotland: Hjälp vid myndighetskontakter",
    );
  });

  it("should read a git version <rev>:<path> without checking it out", async () => {
    const repo = tempDir();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
        cwd: repo,
      });
    git("init", "-q");
    const dir = copyAgreement();
    execFileSync("cp", ["-r", dir, join(repo, ID)]);
    git("add", ".");
    git("commit", "-q", "-m", "v1");
    edit(join(repo, ID), "bilaga-1.yaml", "    - Hjälp vid myndighetskontakter\n", "");
    git("commit", "-q", "-am", "v2");
    // The working tree holds v2; HEAD~1 is read from git only.
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const { code, stdout } = await runCli(["diff", `HEAD~1:${ID}`, ID, "--format", "json"]);
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.old.label).toBe(`HEAD~1:${ID}`);
      expect(json.summary.map((s: { text: string }) => s.text)).toEqual([
        "Åtagande borttaget, Brottsofferjouren Stockholm-Gotland: Hjälp vid myndighetskontakter",
      ]);
      const same = await runCli(["diff", `HEAD:${ID}/overenskommelse.yaml`, ID, "--exit-code"]);
      expect(same.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it("should exit 2 for a git version that does not exist", async () => {
    const { code, stderr } = await runCli(["diff", "nosuchrev:agreements/x", V2025]);
    expect(code).toBe(2);
    expect(stderr).toContain("Git-versionen kan inte läsas");
  });

  it("should write -o FILE in one step, leaving no temporary file", async () => {
    const dir = tempDir();
    const file = join(dir, "diff.html");
    writeFileSync(file, "old content");
    const { code, stdout } = await runCli(["diff", V2022, V2025, "--format", "html", "-o", file]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(file, "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(dir)).toEqual(["diff.html"]);
  });

  it("should refuse to write docx to a terminal without -o", async () => {
    const { code, stderr } = await runCli(["diff", V2022, V2025, "--format", "docx"], {
      isTTY: true,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("ange -o FIL");
  });

  it("should colour changes on a terminal and use markers when NO_COLOR is set", async () => {
    const dir = copyAgreement();
    edit(
      dir,
      "bilaga-1.yaml",
      "Hjälp vid myndighetskontakter",
      "Hjälp vid kontakter med myndigheter",
    );
    const coloured = await runCli(["diff", V2025, dir], { isTTY: true });
    expect(coloured.stdout).toContain("\x1b[32;4m");
    expect(coloured.stdout).not.toContain("{+");
    const plain = await runCli(["diff", V2025, dir], { isTTY: true, env: { NO_COLOR: "1" } });
    expect(plain.stdout).not.toContain("\x1b[");
    expect(plain.stdout).toContain("{+");
  });

  it("should be listed in iop --help with Swedish help of its own", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toMatch(/ diff +jämför två versioner/);
    const own = await runCli(["diff", "--help"]);
    expect(own.stdout).toContain("Användning: iop diff <tidigare> <ny>");
  });

  it("should write docx bytes to standard out when it is not a terminal (built CLI)", () => {
    const main = join(ROOT, "dist/bin/iop.js");
    expect(existsSync(main), "run npm run build first").toBe(true);
    const bytes = execFileSync(
      "node",
      [main, "diff", relative(ROOT, V2022), relative(ROOT, V2025), "--format", "docx"],
      {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

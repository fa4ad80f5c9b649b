import { execFileSync } from "node:child_process";
import { rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bilagaFiles,
  createSourceCache,
  parseGitSpec,
  pruneSourceCache,
  readAgreement,
} from "../../src/load/agreement.js";
import { loadAgreement } from "../../src/validate/index.js";
import { copyAgreement, edit, V2025 } from "../diff/helpers.js";
import { runCli, writeAgreement } from "../helpers/fixture.js";

describe("parseGitSpec", () => {
  it("should split a revision and a path", () => {
    expect(parseGitSpec("HEAD~3:agreements/stockholm-brottsofferstod-2025/")).toEqual({
      rev: "HEAD~3",
      path: "agreements/stockholm-brottsofferstod-2025",
    });
  });

  it("should not take a Windows drive letter for a revision", () => {
    expect(parseGitSpec("C:/avtal")).toBeUndefined();
    expect(parseGitSpec("agreements/x")).toBeUndefined();
  });
});

describe("bilagaFiles", () => {
  it("should pick the bilagor by number, leaving out other files and the agreement file", () => {
    expect(
      bilagaFiles(
        [
          "bilaga-10.yaml",
          "overenskommelse.yaml",
          "bilaga-2.yml",
          "bilaga-x.yaml",
          "bilaga-1.yaml",
        ],
        "bilaga-1.yaml",
      ),
    ).toEqual(["bilaga-2.yml", "bilaga-10.yaml"]);
  });
});

describe("readAgreement: one loader for a folder, a file and a git version", () => {
  it("should read the same files from a folder, its agreement file and a git version of it", async () => {
    const dir = writeAgreement();
    const repo = dirname(dir);
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
        cwd: repo,
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "v1");
    const texts = (r: Awaited<ReturnType<typeof readAgreement>>) =>
      r.sources && [r.sources.agreement.text, ...r.sources.bilagor.map((b) => b.text)];
    const folder = await readAgreement(dir);
    const file = await readAgreement(join(dir, "overenskommelse.yaml"));
    const revision = await readAgreement("HEAD:test-iop", repo);
    expect(folder.diagnostics).toEqual([]);
    expect(texts(folder)).toHaveLength(2);
    expect(texts(file)).toEqual(texts(folder));
    expect(texts(revision)).toEqual(texts(folder));
    expect(file.sources).toMatchObject({ dir, name: "test-iop" });
    expect(folder.sources?.fromGit).toBeUndefined();
    expect(revision.sources).toMatchObject({ name: "test-iop", fromGit: true });
    expect(revision.sources?.bilagor[0]?.path).toBe("HEAD:test-iop/bilaga-1.yaml");
  });

  it("should make input that does not exist a usage error, with one message for every command", async () => {
    const missing = await readAgreement("/nonexistent/agreement");
    expect(missing.usageError).toBe(true);
    expect(missing.diagnostics).toEqual([
      expect.objectContaining({
        file: "/nonexistent/agreement",
        message: expect.stringMatching(/^Finns inte\. Ange en mapp med en överenskommelse/),
        rule: "indata-saknas",
      }),
    ]);
    for (const command of ["check", "diff", "calendar"]) {
      const args =
        command === "diff" ? [V2025, "/nonexistent/agreement"] : ["/nonexistent/agreement"];
      const r = await runCli([command, ...args]);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toContain("[indata-saknas]");
    }
  });

  it("should make an unreadable file of the agreement an error in the input (exit 1) in check and diff alike", async () => {
    const dir = writeAgreement({ "bilaga-1.yaml": null });
    symlinkSync("/dev/zero", join(dir, "bilaga-1.yaml"));
    const read = await readAgreement(dir);
    expect(read.usageError).toBeUndefined();
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ file: join(dir, "bilaga-1.yaml"), rule: "fil-lank-utanfor" }),
    ]);
    // The agreement file, which could be read, is still there to be checked.
    expect(read.parsed?.agreement?.path).toBe(join(dir, "overenskommelse.yaml"));
    for (const args of [
      ["check", dir],
      ["diff", dir, dir],
      ["calendar", dir],
    ]) {
      const r = await runCli(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toContain("[fil-lank-utanfor]");
    }
  });

  it("should check an agreement given as its file", async () => {
    const dir = writeAgreement();
    const r = await runCli(["check", join(dir, "overenskommelse.yaml")]);
    expect(r.stderr).not.toContain("fel:");
    expect(r.code).toBe(0);
  });
});

describe("loadAgreement", () => {
  it("should validate like iop check and return the agreement with its bilagor", async () => {
    const loaded = await loadAgreement(V2025);
    expect(loaded.agreement?.data.id).toBe("stockholm-brottsofferstod-2025");
    expect(loaded.agreement?.bilagor.map((b) => b.data.part)).toEqual([
      "bo-stockholm-gotland",
      "bo-vasterort",
      "bo-sodra-stockholm",
    ]);
  });

  it("should return YAML syntax errors with their position, not the agreement", async () => {
    const dir = copyAgreement();
    edit(dir, "bilaga-1.yaml", "nummer: 1\n", "nummer: 1\n\tpart: x\n");
    const loaded = await loadAgreement(dir);
    expect(loaded.agreement).toBeUndefined();
    expect(loaded.usageError).toBeUndefined();
    expect(loaded.diagnostics.find((d) => d.severity === "fel")).toMatchObject({
      file: expect.stringMatching(/bilaga-1\.yaml$/),
      line: 4,
    });
  });
});

describe("readAgreement with a cache (iop watch)", () => {
  it("should parse again only the files whose bytes changed", async () => {
    const dir = copyAgreement();
    const cache = createSourceCache();
    const first = await readAgreement(dir, undefined, cache);
    edit(dir, "bilaga-1.yaml", "inom tre dagar", "inom två dagar");
    const second = await readAgreement(dir, undefined, cache);
    // Unchanged files: the very objects of the first read.
    expect(second.sources?.agreement).toBe(first.sources?.agreement);
    expect(second.sources?.bilagor[1]).toBe(first.sources?.bilagor[1]);
    expect(second.sources?.bilagor[2]).toBe(first.sources?.bilagor[2]);
    // The changed file: parsed again, with its new text.
    const bilaga = second.sources?.bilagor[0];
    expect(bilaga).not.toBe(first.sources?.bilagor[0]);
    expect(bilaga?.text).toContain("inom två dagar");
    expect(JSON.stringify(bilaga?.value)).toContain("inom två dagar");
    // What a read without the cache gives.
    const fresh = await readAgreement(dir);
    expect(second.sources?.bilagor.map((b) => b.value)).toEqual(
      fresh.sources?.bilagor.map((b) => b.value),
    );
  });

  it("should report a file's problems on every read, from the cache too", async () => {
    const dir = copyAgreement();
    edit(dir, "bilaga-1.yaml", "nummer: 1\n", "nummer: 1\n\tpart: x\n");
    const fresh = await loadAgreement(dir);
    expect(fresh.diagnostics).toContainEqual(
      expect.objectContaining({ rule: "yaml-tab-as-indent", line: 4 }),
    );
    const cache = createSourceCache();
    for (let i = 0; i < 2; i++) {
      const loaded = await loadAgreement(dir, undefined, { sources: cache });
      expect(loaded.agreement, `read ${i + 1}`).toBeUndefined();
      expect(loaded.diagnostics, `read ${i + 1}`).toEqual(fresh.diagnostics);
    }
  });

  it("should keep the files of two folders apart, even with the same bytes", async () => {
    const a = copyAgreement();
    const b = copyAgreement();
    const cache = createSourceCache();
    const readA = await readAgreement(a, undefined, cache);
    const readB = await readAgreement(b, undefined, cache);
    expect(readB.sources?.agreement).not.toBe(readA.sources?.agreement);
    expect(readA.sources?.agreement.path).toContain(a);
    expect(readB.sources?.agreement.path).toContain(b);
  });

  it("should let go of a file the last read did not read", async () => {
    const dir = copyAgreement();
    const cache = createSourceCache();
    await readAgreement(dir, undefined, cache);
    pruneSourceCache(cache);
    expect([...cache.files.keys()].filter((p) => p.endsWith("bilaga-3.yaml"))).toHaveLength(1);
    rmSync(join(dir, "bilaga-3.yaml"));
    await readAgreement(dir, undefined, cache);
    pruneSourceCache(cache);
    expect([...cache.files.keys()].filter((p) => p.endsWith("bilaga-3.yaml"))).toEqual([]);
    expect(cache.files.size).toBe(3); // the agreement and two bilagor
  });
});

import { describe, expect, it } from "vitest";
import { loadVersion, parseGitSpec } from "../../src/diff/input.js";
import { copyAgreement, edit, V2025 } from "./helpers.js";

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

describe("loadVersion", () => {
  it("should validate like iop check and return the agreement with its bilagor", async () => {
    const loaded = await loadVersion(V2025);
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
    const loaded = await loadVersion(dir);
    expect(loaded.agreement).toBeUndefined();
    expect(loaded.usageError).toBeUndefined();
    expect(loaded.diagnostics.find((d) => d.severity === "fel")).toMatchObject({
      file: expect.stringMatching(/bilaga-1\.yaml$/),
      line: 4,
    });
  });
});

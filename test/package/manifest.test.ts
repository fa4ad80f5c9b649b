import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createManifest } from "../../src/package/manifest.js";

const expected = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("the SHA-256 of output files in the manifest", () => {
  it("is what the manifest lists for every file, built twice from the same arrays", () => {
    const files = [
      { path: "b.md", data: new TextEncoder().encode("# B\n") },
      { path: "a.md", data: new TextEncoder().encode("# A\n") },
    ];
    for (let round = 0; round < 2; round++) {
      expect(createManifest("x", [], files).files).toEqual([
        { path: "a.md", sha256: expected(files[1]?.data as Uint8Array), bytes: 4 },
        { path: "b.md", sha256: expected(files[0]?.data as Uint8Array), bytes: 4 },
      ]);
    }
  });
});

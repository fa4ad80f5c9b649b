import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createManifest, fileSha256 } from "../../src/package/manifest.js";

const expected = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("the SHA-256 of output files", () => {
  it("is each array's own, also for arrays of one length and views of one buffer", () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const arrays = [
      new Uint8Array([1, 2, 3, 4]),
      new Uint8Array([4, 3, 2, 1]),
      buffer.subarray(0, 4),
      buffer.subarray(4, 8),
      buffer,
    ];
    // Twice: the second time from what the first kept.
    for (let round = 0; round < 2; round++) {
      for (const data of arrays) expect(fileSha256(data)).toBe(expected(data));
    }
  });

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

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bytesSha256 } from "../src/hash.js";

const expected = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("bytesSha256, kept per array", () => {
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
      for (const data of arrays) expect(bytesSha256(data)).toBe(expected(data));
    }
  });
});

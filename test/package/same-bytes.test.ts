/**
 * `sameBytes` (src/package/write.ts): whether a file already holds the bytes a build would write,
 * which `iop watch` asks of every file after each save (sync.ts) and a build of an existing
 * folder asks of the files it would otherwise refuse to remove. The bytes are compared where they
 * are, so a view into a larger buffer must be compared by its own bytes only.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sameBytes } from "../../src/package/write.js";

const work = mkdtempSync(join(tmpdir(), "iop-same-bytes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = (name: string, text: string): string => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("sameBytes", () => {
  it("should be true for the same bytes and false for other bytes of the same length", () => {
    const path = file("a.txt", "Bilaga 1");
    expect(sameBytes(path, bytes("Bilaga 1"))).toBe(true);
    expect(sameBytes(path, bytes("Bilaga 2"))).toBe(false);
  });

  it("should be false for a file of another length, and for a file that is not there", () => {
    const path = file("b.txt", "Bilaga 1");
    expect(sameBytes(path, bytes("Bilaga 10"))).toBe(false);
    expect(sameBytes(path, bytes("Bilaga"))).toBe(false);
    expect(sameBytes(join(work, "saknas.txt"), bytes("Bilaga 1"))).toBe(false);
  });

  it("should compare a view into a larger buffer by the view's bytes only", () => {
    const path = file("c.txt", "Bilaga 1");
    const whole = bytes("xxBilaga 1yy");
    expect(sameBytes(path, whole.subarray(2, 10))).toBe(true);
    expect(sameBytes(path, whole.subarray(0, 8))).toBe(false);
    expect(sameBytes(file("d.txt", "xxBilaga"), whole.subarray(2, 10))).toBe(false);
  });
});

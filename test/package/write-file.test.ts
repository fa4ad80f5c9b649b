/**
 * `writeFileAtomically` (src/package/write.ts), with which `iop watch` writes each changed file:
 * the file is replaced whole or not at all, and no temporary file is left beside it either way.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../src/package/write.js";

const work = mkdtempSync(join(tmpdir(), "iop-write-file-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("writeFileAtomically", () => {
  it("should replace the file and leave nothing else in its folder", async () => {
    const folder = join(work, "replace");
    mkdirSync(folder);
    writeFileSync(join(folder, "bilaga-1.md"), "# Bilaga 1\n");
    await writeFileAtomically(join(folder, "bilaga-1.md"), "# Bilaga 1, ändrad\n");
    expect(readFileSync(join(folder, "bilaga-1.md"), "utf8")).toBe("# Bilaga 1, ändrad\n");
    expect(readdirSync(folder)).toEqual(["bilaga-1.md"]);
  });

  it("should throw, keep what was there and remove its temporary file when it cannot replace", async () => {
    const folder = join(work, "fail");
    // A folder where the file should be: the rename fails.
    mkdirSync(join(folder, "bilaga-1.md"), { recursive: true });
    writeFileSync(join(folder, "bilaga-1.md", "kvar.txt"), "kvar");
    await expect(
      writeFileAtomically(join(folder, "bilaga-1.md"), "# Bilaga 1\n"),
    ).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(["bilaga-1.md"]);
    expect(readFileSync(join(folder, "bilaga-1.md", "kvar.txt"), "utf8")).toBe("kvar");
  });
});

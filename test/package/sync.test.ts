/**
 * `syncFolder` (src/package/sync.ts) with a `SyncRecord`, as `iop watch` calls it after each
 * save: a file the record knows to hold the same array is not read again, but one that changed
 * since (or changed too recently to trust its stamp) is compared by its bytes and written again;
 * one it last gave other bytes is written without being read.
 * `sameBytes` is watched to tell which files were read.
 */
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createManifest, type OutputFile, serializeManifest } from "../../src/package/manifest.js";
import { SyncRecord, syncFolder } from "../../src/package/sync.js";
import { sameBytes } from "../../src/package/write.js";
import { tempDir } from "../sign/helpers.js";

vi.mock("../../src/package/write.js", async (original) => {
  const module = await original<typeof import("../../src/package/write.js")>();
  return { ...module, sameBytes: vi.fn(module.sameBytes) };
});
const read = vi.mocked(sameBytes);

const encode = (text: string) => new TextEncoder().encode(text);

/** An output of two files and its manifest, as a build gives it. */
function output(): OutputFile[] {
  const files = [
    { path: "a.md", data: encode("# A\n") },
    { path: "b.md", data: encode("# B\n") },
  ];
  return [
    ...files,
    { path: "manifest.json", data: serializeManifest(createManifest("x", [], files)) },
  ];
}

const temps: { remove(): void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
  read.mockClear();
});

function folder(): string {
  const tmp = tempDir("iop-sync-");
  temps.push(tmp);
  return join(tmp.dir, "x");
}

/** Paths `sameBytes` was asked about, relative to `target`. */
const readPaths = (target: string) =>
  read.mock.calls.map(([path]) => path.slice(target.length + 1)).sort();

describe("syncFolder with a record of what it wrote", () => {
  // Files count as settled at once: the record's clock runs three seconds ahead.
  const ahead = () => Date.now() + 3000;

  it("does not read again a settled file known to hold the same array", async () => {
    const target = folder();
    const files = output();
    const record = new SyncRecord(ahead);
    await syncFolder(target, files, record); // a new folder: written whole
    expect(await syncFolder(target, files, record)).toEqual({ written: [], removed: [] });
    expect(readPaths(target)).toEqual(["a.md", "b.md", "manifest.json"]);

    read.mockClear();
    expect(await syncFolder(target, files, record)).toEqual({ written: [], removed: [] });
    expect(readPaths(target)).toEqual([]);

    // Another array, even with the same bytes, is compared.
    const copy = files.map((f) => (f.path === "a.md" ? { ...f, data: encode("# A\n") } : f));
    expect(await syncFolder(target, copy, record)).toEqual({ written: [], removed: [] });
    expect(readPaths(target)).toEqual(["a.md"]);
  });

  it("writes again a file changed since it was noted, of the same size", async () => {
    const target = folder();
    const files = output();
    const record = new SyncRecord(ahead);
    await syncFolder(target, files, record);
    await syncFolder(target, files, record); // noted
    const path = join(target, "a.md");
    writeFileSync(path, "# Ä"); // 4 bytes, as "# A\n", in place
    // Another modification time than the one noted, whatever the clock's tick.
    utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(await syncFolder(target, files, record)).toEqual({ written: ["a.md"], removed: [] });
    expect(readFileSync(path, "utf8")).toBe("# A\n");
  });

  it("compares by its bytes a file changed too recently to trust its stamp", async () => {
    const target = folder();
    const files = output();
    const record = new SyncRecord(); // the real clock: every file here was just written
    await syncFolder(target, files, record);
    await syncFolder(target, files, record);
    read.mockClear();
    // Within the same tick of the file system's clock, its stamp may not change.
    writeFileSync(join(target, "a.md"), "# Ä");
    expect(await syncFolder(target, files, record)).toEqual({ written: ["a.md"], removed: [] });
    expect(readPaths(target)).toEqual(["a.md", "b.md", "manifest.json"]);
    expect(readFileSync(join(target, "a.md"), "utf8")).toBe("# A\n");
  });

  it("writes without reading a file it last gave other bytes, of the same length", async () => {
    const target = folder();
    const files = output();
    const record = new SyncRecord(); // the real clock: the files written are too fresh to trust
    await syncFolder(target, files, record);
    await syncFolder(target, files, record);
    read.mockClear();
    // The next save: a.md has other bytes of the same length (a typo mended).
    const edited = files.map((f) => (f.path === "a.md" ? { ...f, data: encode("# Å") } : f));
    expect(await syncFolder(target, edited, record)).toEqual({ written: ["a.md"], removed: [] });
    expect(readPaths(target)).toEqual(["b.md", "manifest.json"]);
    expect(readFileSync(join(target, "a.md"), "utf8")).toBe("# Å");
  });

  it("writes a removed file again when it comes back", async () => {
    const target = folder();
    const files = output();
    const record = new SyncRecord(ahead);
    await syncFolder(target, files, record);
    await syncFolder(target, files, record);
    const withoutB = files.filter((f) => f.path !== "b.md");
    expect(await syncFolder(target, withoutB, record)).toEqual({
      written: [],
      removed: ["b.md"],
    });
    expect(await syncFolder(target, files, record)).toEqual({ written: ["b.md"], removed: [] });
  });
});

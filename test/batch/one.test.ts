/**
 * One agreement of a many-agreement build (src/batch/one.ts): written, then its output's memory
 * released (`releaseWritten`, src/package/write.ts) without touching memory anything else uses.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildOne } from "../../src/batch/one.js";
import type { OutputFile } from "../../src/package/manifest.js";
import { releaseWritten } from "../../src/package/write.js";
import { FORMATS } from "../../src/pipeline.js";
import { fileHashes } from "../helpers/files.js";
import { tempDir } from "../sign/helpers.js";

/** The files each `writeFolderAtomically` call was given, as buildOne passed them. */
const written: OutputFile[][] = [];
vi.mock("../../src/package/write.js", async (original) => {
  const actual = await original<typeof import("../../src/package/write.js")>();
  return {
    ...actual,
    writeFolderAtomically: async (...args: Parameters<typeof actual.writeFolderAtomically>) => {
      written.push([...args[1]]);
      return actual.writeFolderAtomically(...args);
    },
  };
});

const source = new URL("../../agreements/stockholm-brottsofferstod-2025", import.meta.url).pathname;

describe("releaseWritten", () => {
  it("detaches each array that alone owns its memory and leaves shared memory alone", () => {
    const own = new Uint8Array(100_000).fill(7);
    const pooled = Buffer.from("liten fil"); // a slice of Node's Buffer pool
    const whole = new Uint8Array(50_000).fill(9);
    const view = whole.subarray(10); // part of a larger array
    const head = whole.subarray(0, 100); // its start
    const twice = new Uint8Array(20_000).fill(3);
    releaseWritten([
      { path: "a.pdf", data: own },
      { path: "b.md", data: pooled },
      { path: "c.docx", data: view },
      { path: "c.md", data: head },
      { path: "d.pdf", data: twice },
      { path: "e.pdf", data: twice },
    ]);
    expect(own.byteLength).toBe(0);
    expect(twice.byteLength).toBe(0);
    expect(pooled.toString()).toBe("liten fil");
    expect(view.byteLength).toBe(49_990);
    expect(view[0]).toBe(9);
    expect(head.byteLength).toBe(100);
    expect(whole.byteLength).toBe(50_000);
  });

  it("does nothing for no files", () => {
    expect(() => releaseWritten([])).not.toThrow();
  });
});

describe("buildOne", () => {
  const tmp = tempDir("iop-one-");
  afterAll(() => tmp.remove());
  const task = (out: string) => ({ dir: source, formats: [...FORMATS], options: { out } });

  it("writes the same files every time, each file's memory released once written", async () => {
    // The first build fills the renderers' caches (fonts, shared parts and streams).
    const first = await buildOne(task(join(tmp.dir, "first")));
    expect(first.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    expect(first.files).toBeGreaterThan(10);
    const [files1] = written;
    expect(files1?.length).toBe(first.files);
    // Every file but the smallest (slices of Node's Buffer pool) is released.
    const kept = files1?.filter((f) => f.data.byteLength > 0) ?? [];
    expect(kept.every((f) => f.data.buffer.byteLength > f.data.byteLength)).toBe(true);
    expect(kept.length).toBeLessThan(3);

    // Releasing the first build's files left every cache the second build reads intact.
    const second = await buildOne(task(join(tmp.dir, "second")));
    expect(fileHashes(join(tmp.dir, "second", second.id as string))).toEqual(
      fileHashes(join(tmp.dir, "first", first.id as string)),
    );
  });
});

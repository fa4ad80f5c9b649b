/**
 * The bundled CLI's V8 code cache (src/launch/code-cache.ts, made by scripts/code-cache.mjs in
 * `npm run build`): V8 accepts it on this Node, in the process and in a worker process of the build
 * pool; it holds the functions the warm-up build compiled; and a missing, damaged or stale cache
 * is refused and the build writes the same bytes as with it. The CLI's cache for a build whose PDFs
 * the helper renders, and the PDF helper's own bundle and cache (src/launch/helper-bundle.ts),
 * likewise. Each case runs in a process of its own, as the `iop`
 * binary does (a V8 flag or compiled code of this process must not leak in).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { workerExecArgv } from "../../src/batch/pool.js";
import { fileHashes } from "../helpers/files.js";
import { writeAgreement } from "../helpers/fixture.js";

const root = new URL("../../", import.meta.url).pathname;
const BUNDLE = join(root, "dist/bin/iop.cjs");
const CACHE = join(root, "dist/bin/iop.cjs.v8-cache");
const WITH_HELPER_CACHE = join(root, "dist/bin/iop.cjs.with-helper.v8-cache");
const HELPER_BUNDLE = join(root, "dist/bin/pdf-helper.cjs");
const HELPER_CACHE = join(root, "dist/bin/pdf-helper.cjs.v8-cache");
const loader = new URL("dist/launch/code-cache.js", `file://${root}`).href;
const work = mkdtempSync(join(tmpdir(), "iop-code-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `code` (an ES module) in a fresh Node process with `options`; returns its stdout. */
function node(code: string, args: string[] = [], options: string[] = []): string {
  const r = spawnSync(process.execPath, [...options, "--input-type=module", "-e", code, ...args], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`node exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

/** What `loadBundle` made of `cache` for `bundle` in a fresh process ("accepted" …). */
const cacheUse = (bundle: string, cache: string, options: string[] = []): string =>
  node(
    `import { loadBundle } from ${JSON.stringify(loader)};
     process.stdout.write(loadBundle(process.argv[1], process.argv[2]).cache);`,
    [bundle, cache],
    options,
  );

/** The size of the cache V8 makes of `bundle` right after loading it: only its top level. */
const topLevelCacheSize = (bundle: string): number =>
  Number(
    node(
      `import { loadBundle } from ${JSON.stringify(loader)};
       process.stdout.write(String(loadBundle(process.argv[1]).script.createCachedData().length));`,
      [bundle],
    ),
  );

/** `iop build` of `agreement` with the bundle loaded as the binary loads it, with `cache`. */
function build(cache: string, agreement: string, name: string) {
  const out = join(work, name);
  const used = node(
    `import { loadBundle } from ${JSON.stringify(loader)};
     const [bundle, cache, ...argv] = process.argv.slice(1);
     const loaded = loadBundle(bundle, cache);
     process.stdout.write(loaded.cache);
     process.exitCode = await loaded.exports.cli(argv);`,
    [BUNDLE, cache, "build", agreement, "--out", out],
  );
  return { used, files: fileHashes(out) };
}

describe("the code cache of the bundled CLI", () => {
  const cache = readFileSync(CACHE);
  const header = cache.indexOf(10) + 1;

  it("is accepted by V8 on this Node, in the process and in a worker process of the pool", () => {
    expect(cacheUse(BUNDLE, CACHE)).toBe("accepted");
    // A worker process starts with the pool's options for a pool that fills every core (and
    // with none for a smaller one).
    const cores = availableParallelism();
    const options = workerExecArgv(cores);
    expect(options).not.toEqual([]);
    if (cores > 1) expect(workerExecArgv(cores - 1)).toEqual([]);
    expect(cacheUse(BUNDLE, CACHE, options)).toBe("accepted");
  });

  it("is refused under a long run's flags, which a worker process therefore sets only after it has loaded", () => {
    const used = node(
      `import { loadBundle } from ${JSON.stringify(loader)};
       import { longRun } from ${JSON.stringify(new URL("../jit.js", loader).href)};
       longRun();
       process.stdout.write(loadBundle(process.argv[1], process.argv[2]).cache);`,
      [BUNDLE, CACHE],
    );
    expect(used).toBe("rejected");
  });

  it("holds the functions the warm-up build compiled, not only the bundle's top level", () => {
    expect(cache.length - header).toBeGreaterThan(3 * topLevelCacheSize(BUNDLE));
  });

  it("is compiled from the file's text as read, which stays outside V8's heap", () => {
    // The wrapper is in the file (bundleFileText): a joined string would be copied into the heap,
    // as a large object the size of the bundle.
    const largeObjects = Number(
      node(
        `import { getHeapSpaceStatistics } from "node:v8";
         import { loadBundle } from ${JSON.stringify(loader)};
         loadBundle(process.argv[1], process.argv[2]);
         const space = getHeapSpaceStatistics().find((s) => s.space_name === "large_object_space");
         process.stdout.write(String(space.space_used_size));`,
        [BUNDLE, CACHE],
      ),
    );
    expect(largeObjects).toBeLessThan(readFileSync(BUNDLE).length / 4);
  });

  it("is an ASCII bundle (the loader reads it as Latin-1) ending in the id the cache names", () => {
    const bundle = readFileSync(BUNDLE);
    expect(bundle.every((byte) => byte < 0x80)).toBe(true);
    const id = /\/\/# iop-bundle=([0-9a-f]{64})\n$/.exec(bundle.toString("latin1"))?.[1];
    expect(id).toBeDefined();
    expect(cache.subarray(0, header).toString("latin1")).toContain(` ; ${id} ; `);
  });

  it("builds the same bytes with the cache, without it, and with a damaged or stale one", () => {
    const agreement = writeAgreement();
    const flipped = Buffer.from(cache);
    // A byte in the middle of V8's data: V8 itself would not notice (it crashed or ran on).
    const middle = header + Math.floor((cache.length - header) / 2);
    flipped.writeUInt8(cache.readUInt8(middle) ^ 0x55, middle);
    // The id of another bundle: its first hex digit changed.
    const stale = Buffer.from(cache);
    const idAt = cache.indexOf(" ; ") + 3;
    stale.write(stale.toString("latin1", idAt, idAt + 1) === "0" ? "1" : "0", idAt, "latin1");
    const variants = {
      flipped,
      stale,
      truncated: cache.subarray(0, header + 1000),
      garbage: Buffer.from("not a cache\n"),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      writeFileSync(join(work, `${name}.v8-cache`), bytes);
    }

    const accepted = build(CACHE, agreement, "accepted");
    expect(accepted.used).toBe("accepted");
    expect(accepted.files.size).toBeGreaterThan(5);
    expect(build(join(work, "missing.v8-cache"), agreement, "missing")).toEqual({
      used: "none",
      files: accepted.files,
    });
    for (const name of Object.keys(variants)) {
      expect(build(join(work, `${name}.v8-cache`), agreement, name)).toEqual({
        used: "rejected",
        files: accepted.files,
      });
    }
  });
});

describe("the CLI's code cache for a build with the PDF helper", () => {
  it("is accepted by V8 and holds its warm-up's functions, but not the PDF renderer's", () => {
    const full = readFileSync(CACHE).length;
    const cache = readFileSync(WITH_HELPER_CACHE).length;
    expect(cacheUse(BUNDLE, WITH_HELPER_CACHE)).toBe("accepted");
    expect(cache).toBeGreaterThan(3 * topLevelCacheSize(BUNDLE));
    // The PDF renderer and the copies are about 1.5 MB of the cache that has them.
    expect(full - cache).toBeGreaterThan(1_000_000);
  });
});

describe("the PDF helper's own bundle and code cache", () => {
  const cache = readFileSync(HELPER_CACHE);
  const header = cache.indexOf(10) + 1;

  it("is accepted by V8 on this Node, and holds the functions its warm-up rendered", () => {
    expect(cacheUse(HELPER_BUNDLE, HELPER_CACHE)).toBe("accepted");
    expect(cache.length - header).toBeGreaterThan(3 * topLevelCacheSize(HELPER_BUNDLE));
  });

  it("holds only the PDF renderer: a fraction of the CLI's bundle, without its other libraries", () => {
    const bundle = readFileSync(HELPER_BUNDLE, "latin1");
    expect(bundle.length).toBeLessThan(readFileSync(BUNDLE).length / 2);
    expect(bundle).toContain("node_modules/pdf-lib/");
    for (const other of ["node_modules/docx/", "node_modules/micromark", "node_modules/yaml/"]) {
      expect(bundle).not.toContain(other);
    }
  });

  it("is not taken for the CLI's bundle, nor the CLI's cache for it", () => {
    expect(cacheUse(BUNDLE, HELPER_CACHE)).toBe("rejected");
    expect(cacheUse(HELPER_BUNDLE, CACHE)).toBe("rejected");
  });
});

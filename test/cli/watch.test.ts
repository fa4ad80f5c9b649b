/**
 * `iop watch` as a user runs it: the built CLI (dist/bin/iop.js, `npm run build`) as a child
 * process, driven by edits to a copy of an agreement folder. Every wait is for a line of output,
 * bounded so that a hang fails the test; nothing asserts how long anything took.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileHashes } from "../helpers/files.js";
import { tempDir } from "../sign/helpers.js";

const bin = new URL("../../dist/bin/iop.js", import.meta.url).pathname;
const source = new URL("../../agreements/stockholm-brottsofferstod-2025", import.meta.url).pathname;
const ID = "stockholm-brottsofferstod-2025";
/** Upper bound for one rebuild on a busy 2-core machine: a hang, not slowness, fails. */
const BOUND_MS = 60_000;

const changed = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...new Set([...before.keys(), ...after.keys()])]
    .filter((k) => before.get(k) !== after.get(k))
    .sort();

describe("iop watch", () => {
  const tmp = tempDir("iop-watch-");
  const dir = join(tmp.dir, ID);
  const out = join(tmp.dir, "out");
  const target = join(out, ID);
  let child: ChildProcess;
  let stderr = "";
  /** How much of stderr earlier waits have consumed. */
  let seen = 0;

  /** Waits for `pattern` in the output printed since the last wait; returns that output. */
  const next = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const fresh = stderr.slice(seen);
        const m = pattern.exec(fresh);
        if (!m) return false;
        seen += m.index + m[0].length;
        clearTimeout(timer);
        child.stderr?.off("data", check);
        resolve(fresh.slice(0, m.index + m[0].length));
        return true;
      };
      const timer = setTimeout(() => {
        child.stderr?.off("data", check);
        reject(new Error(`no ${pattern} in iop watch's output:\n${stderr.slice(seen)}`));
      }, BOUND_MS);
      child.stderr?.on("data", check);
      check();
    });

  beforeAll(async () => {
    cpSync(source, dir, { recursive: true });
    child = spawn(process.execPath, [bin, "watch", dir, "--out", out], { cwd: tmp.dir });
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (s: string) => {
      stderr += s;
    });
    await next(/Bevakar .*Ctrl-C\.\n/);
  }, BOUND_MS);

  afterAll(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
    tmp.remove();
  });

  it("builds the agreement as iop build does when it starts", () => {
    expect(stderr).toMatch(/Skrev 23 filer/);
    const files = fileHashes(target);
    expect(files.size).toBe(23);
    expect(files.has("manifest.json")).toBe(true);
    expect(files.has("exemplar/bilaga-1-exemplar-2-av-2-bo-stockholm-gotland.pdf")).toBe(true);
  });

  it(
    "rebuilds on a change to a bilaga and rewrites only that bilaga's files and the manifest",
    async () => {
      const before = fileHashes(target);
      const yaml = join(dir, "bilaga-1.yaml");
      const text = readFileSync(yaml, "utf8");
      expect(text).toContain("inom tre dagar");
      writeFileSync(yaml, text.replace("inom tre dagar", "inom två dagar"));
      const printed = await next(/Skrev \d+ filer[^\n]*\n/);
      const after = fileHashes(target);
      expect(changed(before, after)).toEqual([
        "bilaga-1.docx",
        "bilaga-1.md",
        "bilaga-1.pdf",
        "exemplar/bilaga-1-exemplar-1-av-2-socialnamnden.pdf",
        "exemplar/bilaga-1-exemplar-2-av-2-bo-stockholm-gotland.pdf",
        "manifest.json",
      ]);
      expect(printed).toMatch(/Skrev 6 filer/);
      expect(readFileSync(join(target, "bilaga-1.md"), "utf8")).toContain("inom två dagar");
    },
    BOUND_MS,
  );

  it(
    "writes nothing when a save changes no output",
    async () => {
      const before = fileHashes(target);
      const yaml = join(dir, "overenskommelse.yaml");
      writeFileSync(yaml, readFileSync(yaml));
      await next(/Inga filer ändrades[^\n]*\n/);
      expect(changed(before, fileHashes(target))).toEqual([]);
    },
    BOUND_MS,
  );

  it(
    "reports a broken save in Swedish at file:line:col, writes nothing, and recovers",
    async () => {
      const before = fileHashes(target);
      const yaml = join(dir, "overenskommelse.yaml");
      const good = readFileSync(yaml, "utf8");
      writeFileSync(yaml, good.replace(/^diarienummer: .*$/m, "diarienummer: [oavslutad"));
      const printed = await next(/inget skrevs\. Väntar på nästa sparning\.\n/);
      expect(printed).toMatch(/overenskommelse\.yaml:\d+:\d+: fel: /);
      expect(printed).not.toMatch(/\n\s+at /); // no stack trace
      expect(changed(before, fileHashes(target))).toEqual([]);
      expect(child.exitCode).toBeNull();

      writeFileSync(yaml, good);
      await next(/Inga filer ändrades[^\n]*\n/);
      expect(changed(before, fileHashes(target))).toEqual([]);
    },
    BOUND_MS,
  );

  it(
    "stops cleanly on Ctrl-C (SIGINT) with exit code 0",
    async () => {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await next(/Slutade bevaka\.\n/);
      expect(await exited).toBe(0);
      expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
    },
    BOUND_MS,
  );
});

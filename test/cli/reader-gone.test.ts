/**
 * A reader of `iop`'s output that has gone (`iop build agreements 2>&1 | head -1`): what is left to
 * write is dropped, and the command runs to its end with its own exit code, without a stack trace
 * (src/cli/process.ts, dropWhenReaderGone).
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dropWhenReaderGone } from "../../src/cli/process.js";
import { BUILD_OUTPUT } from "../helpers/dist.js";

const root = new URL("../../", import.meta.url).pathname;
const AGREEMENTS = join(root, "agreements");

const errorWith = (code: string) => Object.assign(new Error(`write ${code}`), { code });

/**
 * Runs a script of dist/ with the reader of `closed` gone before it writes anything; the other
 * stream's text and the exit code.
 */
function runWithReaderGone(script: string, args: string[], closed: "stdout" | "stderr") {
  const child = spawn(process.execPath, [join(root, script), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child[closed].destroy();
  const other = child[closed === "stdout" ? "stderr" : "stdout"];
  let text = "";
  other.setEncoding("utf8").on("data", (s: string) => {
    text += s;
  });
  return new Promise<{ code: number | null; text: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, text })),
  );
}

describe("dropWhenReaderGone", () => {
  it("drops a write to a reader that has gone, and raises any other error", () => {
    const stream = new EventEmitter();
    dropWhenReaderGone([stream]);
    expect(() => stream.emit("error", errorWith("EPIPE"))).not.toThrow();
    expect(() => stream.emit("error", errorWith("EIO"))).toThrow("write EIO");
  });

  it("listens once per stream, however many commands the process runs", () => {
    const stream = new EventEmitter();
    dropWhenReaderGone([stream]);
    dropWhenReaderGone([stream]);
    expect(stream.listenerCount("error")).toBe(1);
  });
});

describe("a command whose reader has gone", () => {
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("iop build of several agreements builds every one, with exit code 0", async () => {
    // Each "Byggde …" line goes to standard error as its agreement is written: without the
    // handling, the first one's EPIPE ended the process after the first agreement, with code 1.
    out = mkdtempSync(join(tmpdir(), "iop-reader-gone-"));
    const names = readdirSync(AGREEMENTS);
    const run = await runWithReaderGone(
      BUILD_OUTPUT,
      ["build", AGREEMENTS, "--out", out, "--jobs", "1"],
      "stderr",
    );
    expect(run.text).not.toMatch(/EPIPE|at /);
    expect(run.code).toBe(0);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(existsSync(join(out, name, "manifest.json"))).toBe(true);
  });

  it("iop diff keeps its exit code and prints no stack trace (also as tsc compiles it)", async () => {
    const args = [
      "diff",
      join(AGREEMENTS, "stockholm-brottsofferstod-2022"),
      join(AGREEMENTS, "stockholm-brottsofferstod-2025"),
      "--format",
      "html",
      "--exit-code",
    ];
    for (const script of [BUILD_OUTPUT, "dist/cli/main.js"]) {
      const run = await runWithReaderGone(script, args, "stdout");
      expect(run.text).toBe("");
      // 1: the editions differ (--exit-code).
      expect(run.code).toBe(1);
    }
  });
});

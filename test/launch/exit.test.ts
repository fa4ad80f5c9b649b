/**
 * How the `iop` binary ends (src/launch/exit.ts): with the command's exit code, once what it wrote
 * to standard output and error has been handed over, and not before.
 */
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { exitWhenWritten, type Flushable } from "../../src/launch/exit.js";
import { runCli, runIop } from "../helpers/cli.js";

const AGREEMENTS = join(import.meta.dirname, "../../agreements");
const V2022 = join(AGREEMENTS, "stockholm-brottsofferstod-2022");
const V2025 = join(AGREEMENTS, "stockholm-brottsofferstod-2025");

/** A stream that calls back only when told to (`flush`), with `error` if given. */
function slowStream(error?: Error) {
  const callbacks: ((error?: Error | null) => void)[] = [];
  const stream: Flushable = {
    write: (_chunk, callback) => {
      callbacks.push(callback);
      return true;
    },
  };
  const flush = () => {
    for (const callback of callbacks.splice(0)) callback(error ?? null);
  };
  return { stream, flush };
}

describe("exitWhenWritten", () => {
  it("exits with the code only after every stream has written what was queued", () => {
    const exit = vi.fn();
    const out = slowStream();
    const err = slowStream();
    exitWhenWritten(3, [out.stream, err.stream], exit);
    expect(exit).not.toHaveBeenCalled();
    out.flush();
    expect(exit).not.toHaveBeenCalled();
    err.flush();
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(3);
  });

  it("exits also when a stream can no longer be written (its reader has gone)", () => {
    const exit = vi.fn();
    const out = slowStream(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    exitWhenWritten(0, [out.stream], exit);
    out.flush();
    expect(exit).toHaveBeenCalledWith(0);
  });
});

describe("the iop binary", () => {
  it("delivers all of a long output through a pipe, with the command's exit code", async () => {
    // Larger than a pipe's buffer (64 KiB): written in several pieces before the process ends.
    // (Node writes a pipe synchronously on Linux, so here this checks the way out of the binary,
    // output and code; the waiting itself is what the tests above check.)
    const args = ["diff", V2022, V2025, "--format", "html", "--exit-code"];
    const inProcess = await runCli(args);
    expect(inProcess.code).toBe(1);
    expect(Buffer.byteLength(inProcess.stdout)).toBeGreaterThan(64 * 1024);
    const binary = runIop(args);
    expect(binary.status).toBe(1);
    expect(binary.stdout).toBe(inProcess.stdout);
    expect(binary.stderr).toBe(inProcess.stderr);
  });
});

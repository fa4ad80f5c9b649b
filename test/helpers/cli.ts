import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Io } from "../../src/cli/command.js";
import { main } from "../../src/cli/run.js";
import { BUILD_OUTPUT } from "./dist.js";

const root = new URL("../../", import.meta.url).pathname;

/**
 * Runs the built `iop` binary (dist/bin/iop.js) in a child process, as a user does (`npx iop`
 * resolves to it), in `cwd` (default: the repository) with `env` added to this process's
 * environment; text output.
 */
export const runIop = (
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) =>
  spawnSync(process.execPath, [join(root, BUILD_OUTPUT), ...args], {
    cwd: options.cwd ?? root,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour, refusing binary output). Default: false. */
  isTTY?: boolean;
  /** Answers the hidden prompt (passphrases); absent means there is no terminal to ask. */
  prompt?: (question: string) => Promise<string | undefined>;
  /** Answers visible questions (a terminal on standard in and out); absent means no terminal. */
  ask?: (question: string) => Promise<string>;
}

/** Runs `iop <args>` in-process and captures text output, binary output and the exit code. */
export async function runCli(args: string[], options: CliOptions = {}) {
  let stdout = "";
  let stderr = "";
  const chunks: Uint8Array[] = [];
  const io: Io = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    stdoutBytes: (data) => {
      chunks.push(data);
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.ask ? { ask: options.ask } : {}),
  };
  const code = await main(args, io);
  return { code, stdout, stderr, all: stdout + stderr, bytes: Buffer.concat(chunks) };
}

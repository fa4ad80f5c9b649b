/**
 * The `iop` process: the terminal as the CLI's `Io`, and the run of one command line. Its entries:
 * `main.ts` (tsc's dist/cli/main.js) and the bundled CLI (src/launch/, dist/bin/iop.js).
 */
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { connectHelper } from "../helper/index.js";
import { shortRun } from "../jit.js";
import type { ExitCode, Io } from "./command.js";
import { main } from "./run.js";

/** Reads a line from the terminal without echoing it (for passphrases). */
function promptHidden(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write.call(rl, s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

/** Asks one question on the terminal; the answer is echoed as typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    // Ctrl-D ends the input: the question gets an empty answer.
    rl.on("close", () => resolve(""));
  });
}

/** Streams already told to drop what their gone reader can no longer take. */
const dropping = new WeakSet<NodeJS.EventEmitter>();

/**
 * When the reader of standard output or error has gone (`iop build agreements 2>&1 | head -1`),
 * writing to it fails with EPIPE, which Node raises as an uncaught error: the command would stop
 * half-way, with a stack trace, and a build of several agreements would leave the rest unbuilt.
 * What is left to write there is dropped instead (no one can read it), and the command runs to
 * its end with its own exit code. Any other error of the stream is raised as before.
 */
export function dropWhenReaderGone(
  streams: readonly NodeJS.EventEmitter[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    if (dropping.has(stream)) continue;
    dropping.add(stream);
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
}

/**
 * Runs one command line of the `iop` process on its terminal; resolves to the exit code. `helper`
 * is the PDF helper process the launcher started for `iop build` (src/helper/), let go at the end.
 */
export async function runProcess(argv: string[], helper?: ChildProcess): Promise<ExitCode> {
  // Most commands are short runs: V8's optimising compiler would cost more than it gives
  // (src/jit.ts; watch and many-agreement builds turn it back on).
  shortRun();
  dropWhenReaderGone();
  const io: Io = {
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: (data) => process.stdout.write(data),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    prompt: promptHidden,
    // Standard output first: standard input is then opened (about 3 ms) only for a terminal.
    ...(process.stdout.isTTY && process.stdin.isTTY ? { ask } : {}),
    ...(helper ? { pdfHelper: connectHelper(helper) } : {}),
  };
  try {
    return await main(argv, io);
  } finally {
    io.pdfHelper?.close();
  }
}

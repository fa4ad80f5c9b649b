/** The contract every `iop` subcommand implements (one file per command in `commands/`). */
import type { PdfHelper } from "../helper/index.js";

export const EXIT = {
  /** Success. */
  ok: 0,
  /** The input has errors (or, with --exit-code, differences were found). */
  input: 1,
  /** Wrong usage or unreadable files. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes; injected so tests can run commands in-process. */
export interface Io {
  stdout(text: string): void;
  /** Binary output to standard out (e.g. a .docx redline piped to a file). */
  stdoutBytes(data: Uint8Array): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour, prompts). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Reads a secret from the terminal without echo; undefined when there is no terminal. */
  prompt?(question: string): Promise<string | undefined>;
  /**
   * Asks a question on the terminal and returns the answer (echoed as typed). Present only when
   * both standard in and standard out are terminals: a command run without one never waits.
   */
  ask?(question: string): Promise<string>;
  /**
   * The process that renders a single build's PDFs meanwhile (src/helper/), when the launcher
   * started one (`iop build`, on more than one core).
   */
  pdfHelper?: PdfHelper;
}

export interface Command {
  name: string;
  /** One Swedish line for `iop --help`. */
  summary: string;
  /** Full Swedish help for `iop <command> --help`. */
  help: string;
  run(args: string[], io: Io): Promise<ExitCode>;
}

/** Thrown by argument parsing; the CLI prints it in Swedish with exit code 2. */
export class UsageError extends Error {}

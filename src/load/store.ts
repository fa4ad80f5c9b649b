/**
 * Where the files of one agreement come from: a folder on disk (given as the folder or as its
 * agreement file) or a tree in git (`<rev>:<path>`, read with git into memory, no checkout).
 * Every command reads its input through `openStore` (via `readAgreement`), so all of them accept
 * the same three forms and read files by the same rules.
 */
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { promisify } from "node:util";
import type { RuleId } from "../diagnostics.js";
import { AGREEMENT_FILE } from "./agreement-file.js";
import { InputFileError, readInputFile } from "./read.js";
import { MAX_FILE_BYTES } from "./source.js";

const run = promisify(execFile);

export { AGREEMENT_FILE };

/** One agreement's files, wherever they are. */
export interface Store {
  /** The agreement folder's name (the agreement's id). */
  name: string;
  /** The folder as shown in diagnostics. */
  shown: string;
  /** The folder on disk; undefined for a git version (which cannot be written to). */
  dir?: string;
  /** The agreement file's name in the folder. */
  agreementFile: string;
  /** Path shown in diagnostics for a file of the folder. */
  display(file: string): string;
  /** The names in the folder; throws with a message when it cannot be listed. */
  list(): Promise<string[]>;
  /** The bytes of one file; throws InputFileError when it is not to be read. */
  read(file: string): Promise<Uint8Array>;
}

/** Why a store could not be opened: a Swedish message and its rule id (exit code 2). */
export interface StoreProblem {
  file: string;
  message: string;
  rule: RuleId;
}

/** A path relative to the working directory when it is inside it, else as given. */
export const shownPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
};

function diskStore(dir: string, agreementFile: string): Store {
  return {
    name: basename(dir),
    shown: shownPath(dir),
    dir,
    agreementFile,
    display: (file) => shownPath(join(dir, file)),
    // Synchronous, as the files are read (read.ts): an asynchronous call is a round trip through
    // libuv's thread pool that the build only waits for.
    list: async () => readdirSync(dir),
    read: (file) => readInputFile(dir, file),
  };
}

async function git(args: string[], cwd: string): Promise<Buffer> {
  const { stdout } = await run("git", args, {
    cwd,
    encoding: "buffer",
    maxBuffer: 2 * MAX_FILE_BYTES,
  });
  return stdout;
}

/** The first line git wrote to standard error, or the error's message. */
export const gitError = (error: unknown): string => {
  const stderr = (error as { stderr?: Buffer | string }).stderr;
  const text = stderr ? String(stderr).trim().split("\n")[0] : "";
  return text || (error instanceof Error ? error.message : String(error));
};

/** Splits "<rev>:<path>"; undefined when `spec` is not of that form. */
export function parseGitSpec(spec: string): { rev: string; path: string } | undefined {
  const match = /^([^:]+):(.*)$/.exec(spec);
  if (!match || /^[A-Za-z]$/.test(match[1] as string)) return undefined;
  return { rev: match[1] as string, path: (match[2] as string).replace(/\/+$/, "") };
}

async function gitStore(
  spec: string,
  parsed: { rev: string; path: string },
  cwd: string,
): Promise<Store | StoreProblem> {
  const object = (path: string) => `${parsed.rev}:${path}`;
  let type: string;
  try {
    type = String(await git(["cat-file", "-t", object(parsed.path)], cwd)).trim();
  } catch (error) {
    return {
      file: spec,
      message: `Git-versionen kan inte läsas: ${gitError(error)}`,
      rule: "git-version-saknas",
    };
  }
  if (type !== "tree" && type !== "blob") {
    return {
      file: spec,
      message: "Git-versionen är varken en mapp eller en fil.",
      rule: "git-version-saknas",
    };
  }
  const treePath = type === "tree" ? parsed.path : posix.dirname(parsed.path);
  const dir = treePath === "." ? "" : treePath;
  const file = (name: string) => object(dir ? `${dir}/${name}` : name);
  return {
    name: posix.basename(dir),
    shown: object(dir),
    agreementFile: type === "tree" ? AGREEMENT_FILE : posix.basename(parsed.path),
    display: file,
    list: async () =>
      String(await git(["ls-tree", "--name-only", "-z", object(dir)], cwd))
        .split("\0")
        .filter(Boolean),
    read: async (name) => {
      try {
        return new Uint8Array(await git(["cat-file", "blob", file(name)], cwd));
      } catch {
        throw new InputFileError("Filen kan inte läsas.", "fil-kan-inte-lasas");
      }
    },
  };
}

/**
 * Opens `spec`: a folder, an agreement file in its folder, or a git version `<rev>:<path>` of
 * either (read in the repository around `cwd`). A path that exists on disk wins over a git
 * version of the same spelling.
 */
export async function openStore(spec: string, cwd = process.cwd()): Promise<Store | StoreProblem> {
  // As given when read from the working directory, so that diagnostics show the path as typed.
  const path = cwd === process.cwd() ? spec : resolve(cwd, spec);
  try {
    const info = statSync(path);
    return info.isDirectory()
      ? diskStore(path, AGREEMENT_FILE)
      : diskStore(dirname(path), basename(path));
  } catch {
    const parsed = parseGitSpec(spec);
    if (parsed) return gitStore(spec, parsed, cwd);
    return {
      file: spec,
      message:
        "Finns inte. Ange en mapp med en överenskommelse, en overenskommelse.yaml eller en git-version som HEAD~1:agreements/<id>.",
      rule: "indata-saknas",
    };
  }
}

/**
 * Reads one side of a comparison: an agreement folder, an agreement YAML file (with the
 * `bilaga-N.yaml` files beside it), or a git version `<rev>:<path>` of either, read with git into
 * memory (no checkout). The files are parsed and validated like `iop check` does.
 */
import { execFile } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { promisify } from "node:util";
import type { Diagnostic } from "../diagnostics.js";
import { AGREEMENT_FILE, type AgreementSources, BILAGA_PATTERN } from "../load/agreement.js";
import { InputFileError, readInputFile } from "../load/read.js";
import { MAX_FILE_BYTES, parseSource, type SourceFile } from "../load/source.js";
import type { Agreement } from "../model.js";
import { validateAgreement } from "../validate/index.js";

const run = promisify(execFile);

export interface LoadedVersion {
  agreement?: Agreement;
  diagnostics: Diagnostic[];
  /** Set when the input could not be read at all (exit code 2). */
  usageError?: boolean;
}

/** Where the files of one version come from: a folder on disk or a tree in git. */
interface Store {
  /** The agreement folder's name (the agreement's id). */
  name: string;
  /** The agreement file's name in the folder. */
  agreementFile: string;
  /** Path shown in diagnostics for a file of the folder. */
  display(file: string): string;
  list(): Promise<string[]>;
  read(file: string): Promise<Uint8Array>;
}

const usage = (file: string, message: string, rule: string): LoadedVersion => ({
  diagnostics: [{ file, line: 1, col: 1, severity: "fel", message, rule }],
  usageError: true,
});

const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
};

function diskStore(dir: string, agreementFile: string): Store {
  return {
    name: basename(dir),
    agreementFile,
    display: (file) => shown(join(dir, file)),
    list: () => readdir(dir),
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

const gitError = (error: unknown): string => {
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

async function gitStore(spec: string, cwd: string): Promise<Store | LoadedVersion> {
  const parsed = parseGitSpec(spec) as { rev: string; path: string };
  const object = (path: string) => `${parsed.rev}:${path}`;
  let type: string;
  try {
    type = String(await git(["cat-file", "-t", object(parsed.path)], cwd)).trim();
  } catch (error) {
    return usage(spec, `Git-versionen kan inte läsas: ${gitError(error)}`, "git-version-saknas");
  }
  const treePath = type === "tree" ? parsed.path : posix.dirname(parsed.path);
  const dir = treePath === "." ? "" : treePath;
  const file = (name: string) => object(dir ? `${dir}/${name}` : name);
  if (type !== "tree" && type !== "blob") {
    return usage(spec, "Git-versionen är varken en mapp eller en fil.", "git-version-saknas");
  }
  return {
    name: posix.basename(dir),
    agreementFile: type === "tree" ? AGREEMENT_FILE : posix.basename(parsed.path),
    display: file,
    list: async () =>
      String(await git(["ls-tree", "--name-only", "-z", object(dir)], cwd))
        .split("\0")
        .filter(Boolean),
    read: async (name) => new Uint8Array(await git(["cat-file", "blob", file(name)], cwd)),
  };
}

async function openStore(spec: string, cwd: string): Promise<Store | LoadedVersion> {
  const path = resolve(cwd, spec);
  try {
    const info = await stat(path);
    return info.isDirectory()
      ? diskStore(path, AGREEMENT_FILE)
      : diskStore(dirname(path), basename(path));
  } catch {
    if (parseGitSpec(spec)) return gitStore(spec, cwd);
    return usage(
      spec,
      "Finns inte. Ange en mapp med en överenskommelse, en overenskommelse.yaml eller en git-version som HEAD~1:agreements/<id>.",
      "indata-saknas",
    );
  }
}

/** Reads, parses and validates one version. `agreement` is set when it has no errors. */
export async function loadVersion(spec: string, cwd = process.cwd()): Promise<LoadedVersion> {
  const store = await openStore(spec, cwd);
  if (!("read" in store)) return store;
  let names: string[];
  try {
    names = await store.list();
  } catch (error) {
    return usage(spec, `Mappen kan inte läsas: ${gitError(error)}`, "mapp-saknas");
  }
  if (!names.includes(store.agreementFile)) {
    return usage(store.display(store.agreementFile), `Filen finns inte.`, "overenskommelse-saknas");
  }
  const bilagaNames = names
    .filter((n) => BILAGA_PATTERN.test(n) && n !== store.agreementFile)
    .sort((a, b) => Number(BILAGA_PATTERN.exec(a)?.[1]) - Number(BILAGA_PATTERN.exec(b)?.[1]));
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  const parse = async (name: string): Promise<SourceFile | undefined> => {
    let bytes: Uint8Array;
    try {
      bytes = await store.read(name);
    } catch (error) {
      unreadable = true;
      const { message, rule } =
        error instanceof InputFileError
          ? error
          : { message: "Filen kan inte läsas.", rule: "fil-kan-inte-lasas" };
      diagnostics.push(usage(store.display(name), message, rule).diagnostics[0] as Diagnostic);
      return undefined;
    }
    const result = parseSource(store.display(name), bytes);
    diagnostics.push(...result.diagnostics);
    return result.file;
  };
  const agreement = await parse(store.agreementFile);
  const bilagor: SourceFile[] = [];
  for (const name of bilagaNames) {
    const file = await parse(name);
    if (file) bilagor.push(file);
  }
  if (!agreement || bilagor.length !== bilagaNames.length) {
    return { diagnostics, ...(unreadable ? { usageError: true } : {}) };
  }
  const sources: AgreementSources = { dir: spec, name: store.name, agreement, bilagor };
  const validated = validateAgreement(sources);
  return { ...validated, diagnostics: [...diagnostics, ...validated.diagnostics] };
}

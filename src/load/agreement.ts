/**
 * Reads one agreement, for every command: a folder, an agreement file (with the `bilaga-N.yaml`
 * files beside it) or a git version `<rev>:<path>` of either (src/load/store.ts). The files are
 * listed, the bilagor picked and sorted, each file read safely (src/load/read.ts) and parsed
 * (src/load/source.ts); validation is the next stage (src/validate/).
 *
 * One rule for what cannot be read: input that does not exist (no such folder, file or git
 * version, a folder that cannot be listed, no agreement file) is wrong usage (`usageError`, exit
 * code 2); a file of the agreement that cannot be read (a link out of the folder, a device, too
 * large, no permission) is an error in the input at that file (exit code 1), reported with every
 * other problem.
 */
import type { Diagnostic, RuleId } from "../diagnostics.js";
import { InputFileError } from "./read.js";
import { parseSource, type SourceFile } from "./source.js";
import { gitError, openStore, type Store } from "./store.js";

export { AGREEMENT_FILE, parseGitSpec } from "./store.js";
export const BILAGA_PATTERN = /^bilaga-(\d+)\.ya?ml$/;

/** The YAML files of one agreement folder, parsed but not yet validated. */
export interface AgreementSources {
  /** The folder as given (for a git version: the spec); files are written here by `--fix`. */
  dir: string;
  /** Folder name, which is the agreement's id. */
  name: string;
  agreement: SourceFile;
  bilagor: SourceFile[];
  /** Set when the files were read from git: they are not on disk and cannot be rewritten. */
  fromGit?: true;
}

/** What reading an agreement gave. */
export interface ReadAgreement {
  sources?: AgreementSources;
  /** When some file cannot be read or parsed: the files that could be, to check them still. */
  parsed?: { agreement?: SourceFile; bilagor: SourceFile[] };
  diagnostics: Diagnostic[];
  /** The input does not exist or cannot be listed (exit code 2 rather than 1). */
  usageError?: boolean;
}

/** The bilaga files among `names`, by number (bilaga-2 before bilaga-10). */
export function bilagaFiles(names: readonly string[], except?: string): string[] {
  const number = (name: string) => Number(BILAGA_PATTERN.exec(name)?.[1]);
  return names
    .filter((n) => BILAGA_PATTERN.test(n) && n !== except)
    .sort((a, b) => number(a) - number(b));
}

const problem = (file: string, message: string, rule: RuleId): Diagnostic => ({
  file,
  line: 1,
  col: 1,
  severity: "fel",
  message,
  rule,
});

const usage = (file: string, message: string, rule: RuleId): ReadAgreement => ({
  diagnostics: [problem(file, message, rule)],
  usageError: true,
});

/**
 * Files parsed by earlier reads in one process (`iop watch`), by the path diagnostics show: a
 * file whose bytes are unchanged is not parsed again but gives the same result, its SourceFile the
 * same object (nothing changes a parsed file). Holds the last version of each path; `read` collects
 * the paths read since the last `pruneSourceCache`.
 */
export interface SourceCache {
  files: Map<string, { bytes: Uint8Array; parsed: Parsed }>;
  read: Set<string>;
}
type Parsed = ReturnType<typeof parseSource>;

export const createSourceCache = (): SourceCache => ({ files: new Map(), read: new Set() });

/** Keeps only the files read since the last call (a removed or renamed file is let go). */
export function pruneSourceCache(cache: SourceCache): void {
  for (const path of cache.files.keys()) if (!cache.read.has(path)) cache.files.delete(path);
  cache.read.clear();
}

/** Parses `bytes`, or takes the result of the last parse of the same bytes at `path`. */
function parseCached(path: string, bytes: Uint8Array, cache: SourceCache | undefined): Parsed {
  if (!cache) return parseSource(path, bytes);
  cache.read.add(path);
  const hit = cache.files.get(path);
  if (hit && Buffer.compare(hit.bytes, bytes) === 0) return hit.parsed;
  const parsed = parseSource(path, bytes);
  cache.files.set(path, { bytes, parsed });
  return parsed;
}

/** Reads and parses one file of the store; problems go to `diagnostics`. */
async function parseFile(
  store: Store,
  name: string,
  diagnostics: Diagnostic[],
  cache: SourceCache | undefined,
): Promise<SourceFile | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await store.read(name);
  } catch (error) {
    const { message, rule } =
      error instanceof InputFileError
        ? error
        : { message: "Filen kan inte läsas.", rule: "fil-kan-inte-lasas" as const };
    diagnostics.push(problem(store.display(name), message, rule));
    return undefined;
  }
  const result = parseCached(store.display(name), bytes, cache);
  diagnostics.push(...result.diagnostics);
  return result.file;
}

/**
 * Reads an agreement (`spec`: folder, agreement file or `<rev>:<path>`, relative to `cwd`).
 * Problems reading or parsing the files are returned as diagnostics; when some file cannot be
 * read or parsed, `sources` is not set and `parsed` holds the files that could be. With `cache`,
 * a file read before with the same bytes is not parsed again.
 */
export async function readAgreement(
  spec: string,
  cwd = process.cwd(),
  cache?: SourceCache,
): Promise<ReadAgreement> {
  const store = await openStore(spec, cwd);
  if (!("read" in store)) return usage(store.file, store.message, store.rule);
  let names: string[];
  try {
    names = await store.list();
  } catch (error) {
    return usage(store.shown, `Mappen kan inte läsas: ${gitError(error)}`, "mapp-saknas");
  }
  if (!names.includes(store.agreementFile)) {
    return usage(store.shown, `Mappen saknar ${store.agreementFile}.`, "overenskommelse-saknas");
  }
  const bilagaNames = bilagaFiles(names, store.agreementFile);
  const diagnostics: Diagnostic[] = [];
  const agreement = await parseFile(store, store.agreementFile, diagnostics, cache);
  const bilagor: SourceFile[] = [];
  for (const name of bilagaNames) {
    const file = await parseFile(store, name, diagnostics, cache);
    if (file) bilagor.push(file);
  }
  if (!agreement || bilagor.length !== bilagaNames.length) {
    return { diagnostics, parsed: { ...(agreement ? { agreement } : {}), bilagor } };
  }
  const sources: AgreementSources = {
    dir: store.dir ?? spec,
    name: store.name,
    agreement,
    bilagor,
    ...(store.dir === undefined ? { fromGit: true as const } : {}),
  };
  return { sources, diagnostics };
}

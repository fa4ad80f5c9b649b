import { readdir, stat } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { InputFileError, readInputFile } from "./read.js";
import { parseSource, type SourceFile } from "./source.js";

export const AGREEMENT_FILE = "overenskommelse.yaml";
export const BILAGA_PATTERN = /^bilaga-(\d+)\.ya?ml$/;

/** The YAML files of one agreement folder, parsed but not yet validated. */
export interface AgreementSources {
  dir: string;
  /** Folder name, which is the agreement's id. */
  name: string;
  agreement: SourceFile;
  bilagor: SourceFile[];
}

const display = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
};

const usage = (file: string, message: string, rule: string): Diagnostic => ({
  file,
  line: 1,
  col: 1,
  severity: "fel",
  message,
  rule,
});

/**
 * Reads an agreement folder: `overenskommelse.yaml` and its `bilaga-N.yaml` files.
 * Problems reading or parsing the files are returned as diagnostics; `usageError` is set when the
 * folder itself cannot be read (exit code 2 rather than 1). When some file cannot be parsed,
 * `sources` is not set and `parsed` holds the files that could be, so they can still be checked.
 */
export async function readAgreement(dir: string): Promise<{
  sources?: AgreementSources;
  parsed?: { agreement?: SourceFile; bilagor: SourceFile[] };
  diagnostics: Diagnostic[];
  usageError?: boolean;
}> {
  const shown = display(dir);
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) {
      return {
        diagnostics: [
          usage(shown, "Sökvägen är inte en mapp med en överenskommelse.", "mapp-saknas"),
        ],
        usageError: true,
      };
    }
    names = await readdir(dir);
  } catch {
    return {
      diagnostics: [usage(shown, "Mappen finns inte eller kan inte läsas.", "mapp-saknas")],
      usageError: true,
    };
  }
  if (!names.includes(AGREEMENT_FILE)) {
    return {
      diagnostics: [usage(shown, `Mappen saknar ${AGREEMENT_FILE}.`, "overenskommelse-saknas")],
      usageError: true,
    };
  }
  const bilagaNames = names
    .filter((n) => BILAGA_PATTERN.test(n))
    .sort((a, b) => Number(BILAGA_PATTERN.exec(a)?.[1]) - Number(BILAGA_PATTERN.exec(b)?.[1]));
  const diagnostics: Diagnostic[] = [];
  const read = async (name: string): Promise<SourceFile | undefined> => {
    const path = join(dir, name);
    let bytes: Uint8Array;
    try {
      bytes = await readInputFile(dir, name);
    } catch (error) {
      const { message, rule } =
        error instanceof InputFileError
          ? error
          : { message: "Filen kan inte läsas.", rule: "fil-kan-inte-lasas" };
      diagnostics.push(usage(display(path), message, rule));
      return undefined;
    }
    const result = parseSource(display(path), bytes);
    diagnostics.push(...result.diagnostics);
    return result.file;
  };
  const agreement = await read(AGREEMENT_FILE);
  const bilagor: SourceFile[] = [];
  for (const name of bilagaNames) {
    const file = await read(name);
    if (file) bilagor.push(file);
  }
  if (!agreement || bilagor.length !== bilagaNames.length) {
    return { diagnostics, parsed: { ...(agreement ? { agreement } : {}), bilagor } };
  }
  return { sources: { dir, name: basename(dir), agreement, bilagor }, diagnostics };
}

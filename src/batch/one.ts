/**
 * One agreement of a many-agreement build, start to finish: build it in memory, and when it has
 * no errors write its folder atomically at once (so a run over thousands of agreements holds one
 * agreement per worker in memory, not all of them). The result is plain data, so it can be sent
 * from a worker process.
 */
import { join } from "node:path";
import { type Diagnostic, hasErrors } from "../diagnostics.js";
import { OutputError, releaseWritten, writeFolderAtomically } from "../package/write.js";
import { type BuildOptions, buildAgreement, type Format } from "../pipeline.js";

export interface BatchTask {
  dir: string;
  formats: Format[];
  options: BuildOptions;
}

export interface BatchResult {
  dir: string;
  id?: string;
  diagnostics: Diagnostic[];
  /** The folder could not be read, or the output location could not be used (exit code 2). */
  usageError?: boolean;
  /** Where the agreement was written; absent when nothing was written. */
  target?: string;
  /** How many files were written. */
  files?: number;
  /** Redline files written (paths in the output folder). */
  redlines?: string[];
  /** Why the output location could not be written, in Swedish. */
  outputError?: string;
}

export async function buildOne(task: BatchTask): Promise<BatchResult> {
  const r = await buildAgreement(task.dir, new Set(task.formats), task.options);
  const base = {
    dir: task.dir,
    diagnostics: r.diagnostics,
    ...(r.id ? { id: r.id } : {}),
    ...(r.usageError ? { usageError: true } : {}),
  };
  if (r.usageError || hasErrors(r.diagnostics) || !r.files || !r.id) return base;
  const target = join(task.options.out ?? "out", r.id);
  try {
    // Leftovers were recovered before the pool started (see WriteOptions.recover).
    await writeFolderAtomically(target, r.files, { recover: false });
    releaseWritten(r.files);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    return { ...base, usageError: true, outputError: error.message };
  }
  return { ...base, target, files: r.files.length, redlines: r.redlines ?? [] };
}

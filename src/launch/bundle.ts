/**
 * The entry of the bundled CLI (dist/bin/iop.cjs, one CommonJS script: see code-cache.ts). It runs
 * nothing when loaded; the launchers call one of its exports: `iop.ts` the command line, and
 * `build-worker.ts` a worker process of the build pool. Both use the same code and code cache.
 * (The PDF helper of a single build has a bundle of its own: helper-bundle.ts.)
 */
import type { ChildProcess } from "node:child_process";
import type { ExitCode } from "../cli/command.js";

export interface BundleExports {
  /** `helper`: the PDF helper process the launcher started for `iop build`, if any. */
  cli(argv: string[], helper?: ChildProcess): Promise<ExitCode>;
  worker(): Promise<void>;
}

/** Runs one command line of the `iop` process (src/cli/process.ts). */
export const cli: BundleExports["cli"] = async (argv, helper) =>
  (await import("../cli/process.js")).runProcess(argv, helper);

/** Runs a worker process of the build pool (src/batch/worker.ts). */
export const worker: BundleExports["worker"] = async () => {
  await import("../batch/worker.js");
};

/**
 * The entry of the bundled CLI (dist/bin/iop.cjs, one CommonJS script: see code-cache.ts). It runs
 * nothing when loaded; the launchers call one of its exports: `iop.ts` the command line, and
 * `build-worker.ts` a worker process of the build pool. Both use the same code and code cache.
 */
import type { ExitCode } from "../cli/command.js";

export interface BundleExports {
  cli(argv: string[]): Promise<ExitCode>;
  worker(): Promise<void>;
}

/** Runs one command line of the `iop` process (src/cli/process.ts). */
export const cli: BundleExports["cli"] = async (argv) =>
  (await import("../cli/process.js")).runProcess(argv);

/** Runs a worker process of the build pool (src/batch/worker.ts). */
export const worker: BundleExports["worker"] = async () => {
  await import("../batch/worker.js");
};

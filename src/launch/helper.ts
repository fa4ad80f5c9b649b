/**
 * Starts the PDF helper process of `iop build` (src/helper/) from the launcher, before the bundle
 * is loaded, so that the helper loads its own copy at the same time on another core: it is ready
 * by the time the build has parsed its first document. Only where there is another core, and not
 * when `IOP_PDF_HELPER=0` (the build then renders everything in one process, with the same bytes).
 *
 * The helper runs its own launcher and bundle (pdf-helper.ts, helper-bundle.ts), with only the PDF
 * renderer. It is started for a build of one agreement folder or file in full
 * (`buildsOneAgreement`, read from the command line before the bundle is loaded), which then
 * loads the CLI's code cache made for it, without the PDF renderer (paths.ts). A build that does
 * not use it after all (one without PDFs, or one the bundle finds wrong) lets it go: neither the
 * process nor its channel keeps the build's process alive, and the helper exits when the channel
 * closes.
 */
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { buildsOneAgreement } from "../cli/commands/build-args.js";
import { childEnv } from "./child-env.js";

export function startHelper(argv: readonly string[]): ChildProcess | undefined {
  if (argv[0] !== "build" || process.env.IOP_PDF_HELPER === "0" || availableParallelism() < 2) {
    return undefined;
  }
  if (!buildsOneAgreement(argv.slice(1))) return undefined;
  return forkHelper(fileURLToPath(new URL("./pdf-helper.js", import.meta.url)));
}

/**
 * Starts the helper's launcher at `launcher` (dist/bin/pdf-helper.js) as `startHelper` does, for
 * `connectHelper` (src/helper/index.ts) to take over. The code cache's warm-up and the tests start
 * it with this too, from where they find the launcher.
 */
export function forkHelper(launcher: string): ChildProcess {
  const child = fork(launcher, [], {
    // The helper starts as the binary does, not with this process's options (an inspector's
    // port, say, which two processes cannot share).
    execArgv: [],
    // Without the extra TLS certificates Node would load as it starts (child-env.ts).
    env: childEnv(),
    serialization: "advanced",
    // Nothing to say: a failure of the helper only means the build renders the PDFs itself.
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  // Until the build takes it over (src/helper/index.ts): a failure to start is not a crash.
  child.on("error", () => {});
  child.unref();
  child.channel?.unref();
  return child;
}

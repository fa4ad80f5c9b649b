/**
 * The child processes of a running `iop` (Linux, from /proc): the PDF helper
 * (`dist/bin/pdf-helper.js`) and the build pool's workers (`dist/bin/build-worker.js`).
 */
import { readFileSync } from "node:fs";

/** The processes `pid` has started and not yet reaped; none when it has ended. */
export function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
    return children.trim().split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Whether process `pid` is still running (a zombie waiting to be reaped has ended). */
export function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/**
 * What child process `pid` of `iop` is: its PDF helper, a worker of its build pool, or not yet
 * known (just forked, it still has its parent's command line).
 */
export function workerKind(pid: number): "helper" | "worker" | undefined {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return undefined;
  }
  if (args.some((a) => a.endsWith("pdf-helper.js"))) return "helper";
  if (args.some((a) => a.endsWith("build-worker.js"))) return "worker";
  return undefined;
}

/** The environment process `pid` was started with (read once it runs its own program). */
export function environment(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
  return Object.fromEntries(
    entries.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]),
  );
}

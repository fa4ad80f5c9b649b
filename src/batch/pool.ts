/**
 * Builds many agreements on every core: a pool of worker threads (node:worker_threads), each
 * building and writing one agreement at a time (`one.ts`), fed from one queue. With one job, or
 * where no built worker script exists (running from TypeScript sources), the agreements are built
 * one after the other in this thread, with the same results.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { longRun } from "../jit.js";
import { type BatchResult, type BatchTask, buildOne } from "./one.js";

/** The worker script: beside this module (tsc's dist/batch/) or beside the bundle (dist/bin/, src/launch/). */
function workerScript(): string | undefined {
  const candidates = ["./worker.js", "./build-worker.js"];
  for (const rel of candidates) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  }
  return undefined;
}

/**
 * Threads for `count` agreements when `--jobs` is not given: one per core, but no more than one
 * per four agreements, since a thread starts cold (loading and compiling the renderers costs
 * about as much as building an agreement): for a handful of agreements one thread is faster.
 */
export const defaultJobs = (count: number): number =>
  Math.max(1, Math.min(availableParallelism(), Math.floor(count / 4)));

/**
 * Runs `tasks` on `jobs` threads and calls `onDone` with each result as it finishes (in
 * completion order). Resolves when all are done; an internal error in a worker rejects.
 */
export async function runPool(
  tasks: readonly BatchTask[],
  jobs: number,
  onDone: (result: BatchResult) => void,
): Promise<void> {
  // Many agreements run the same code many times: optimise (src/jit.ts), also in the workers.
  if (tasks.length > 1) longRun();
  const script = jobs > 1 && tasks.length > 1 ? workerScript() : undefined;
  if (!script) {
    for (const task of tasks) onDone(await buildOne(task));
    return;
  }
  const queue = [...tasks];
  const threads = Math.min(jobs, tasks.length);
  await new Promise<void>((resolve, reject) => {
    let running = threads;
    let failed = false;
    const workers: Worker[] = [];
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script);
      workers.push(worker);
      const feed = () => worker.postMessage(queue.shift() ?? null);
      worker.on("message", (message: { result?: BatchResult; error?: string; dir?: string }) => {
        if (message.error !== undefined) {
          failed = true;
          for (const w of workers) void w.terminate();
          reject(new Error(`${message.dir}: ${message.error}`));
          return;
        }
        onDone(message.result as BatchResult);
        feed();
      });
      worker.on("error", (error) => {
        failed = true;
        for (const w of workers) void w.terminate();
        reject(error);
      });
      worker.on("exit", () => {
        running--;
        if (running === 0 && !failed) resolve();
      });
      feed();
    }
  });
}

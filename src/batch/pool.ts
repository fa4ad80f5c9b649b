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
import { longRun, v8Defaults } from "../jit.js";
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

/** What a worker posts (worker.ts): that it has loaded, or a task's result or internal error. */
interface WorkerMessage {
  ready?: true;
  result?: BatchResult;
  error?: string;
  dir?: string;
}

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
  const script = jobs > 1 && tasks.length > 1 ? workerScript() : undefined;
  if (!script) {
    if (tasks.length > 1) longRun();
    for (const task of tasks) onDone(await buildOne(task));
    return;
  }
  // The workers load the bundle under V8's defaults, the code cache's flags; tuned once all have.
  v8Defaults();
  const queue = [...tasks];
  const threads = Math.min(jobs, tasks.length);
  await new Promise<void>((resolve, reject) => {
    let loading = threads;
    let running = threads;
    let failed = false;
    const workers: Worker[] = [];
    const fail = (error: Error) => {
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const handle = (message: WorkerMessage, feed: () => void) => {
      if (message.ready) {
        if (--loading === 0) longRun();
      } else if (message.error !== undefined) {
        fail(new Error(`${message.dir}: ${message.error}`));
      } else {
        onDone(message.result as BatchResult);
        feed();
      }
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script);
      workers.push(worker);
      const feed = () => worker.postMessage(queue.shift() ?? null);
      worker.on("message", (message: WorkerMessage) => handle(message, feed));
      worker.on("error", fail);
      worker.on("exit", () => {
        running--;
        if (running === 0 && !failed) resolve();
      });
      feed();
    }
  });
}

/**
 * Builds many agreements on every core: a pool of worker processes (node:child_process), each
 * building and writing one agreement at a time (`one.ts`), fed from one queue. With one job, or
 * where no built worker script exists (running from TypeScript sources), the agreements are built
 * one after the other in this process, with the same results.
 *
 * Processes, not worker threads: the threads of one process share its V8 platform (the background
 * threads that compile and collect for every isolate) and its memory map. On this 2-core machine
 * 200 agreements took 16.1–16.6 s on two processes against 17.6–17.9 s on two threads, with 5 %
 * less CPU time (interleaved runs, V8's default options in both). Each process also sets its own
 * V8 flags (src/jit.ts) once it has loaded, which threads could only do together.
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { longRun } from "../jit.js";
import { childEnv } from "../launch/child-env.js";
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
 * Node's and V8's options for the worker processes of a pool of `jobs`. When they fill every core,
 * V8's background threads (by default four per process, compiling and collecting beside the
 * build) only compete with them for the cores: each process gets one, and collects garbage on its
 * own thread (measured with 200 agreements on 2 processes: 0.94× of the wall time with V8's
 * defaults, medians of 3 interleaved runs). V8 still takes the code cache under them
 * (test/launch/code-cache.test.ts).
 */
export const workerExecArgv = (jobs: number): string[] =>
  jobs >= availableParallelism() ? ["--v8-pool-size=1", "--single-threaded-gc"] : [];

/**
 * Processes for `count` agreements when `--jobs` is not given: one per core, but no more than one
 * per four agreements, since a process starts cold (loading and compiling the renderers costs
 * about as much as building an agreement): for a handful of agreements one process is faster.
 */
export const defaultJobs = (count: number): number =>
  Math.max(1, Math.min(availableParallelism(), Math.floor(count / 4)));

/** What the pool sends a worker: the next agreement, or none when the queue is empty (it ends). */
export interface PoolMessage {
  task?: BatchTask;
}

/** What a worker sends (worker.ts): a task's result, or an internal error building it. */
export interface WorkerMessage {
  result?: BatchResult;
  error?: string;
  dir?: string;
}

/**
 * Runs `tasks` on `jobs` processes and calls `onDone` with each result as it finishes (in
 * completion order). Resolves when all are done; an internal error in a worker, or a worker
 * that stops before it is told to, rejects.
 */
export async function runPool(
  tasks: readonly BatchTask[],
  jobs: number,
  onDone: (result: BatchResult) => void,
): Promise<void> {
  const script = jobs > 1 && tasks.length > 1 ? workerScript() : undefined;
  if (!script) {
    // Many agreements run the same code many times: optimise (src/jit.ts).
    if (tasks.length > 1) longRun();
    for (const task of tasks) onDone(await buildOne(task));
    return;
  }
  const queue = [...tasks];
  const count = Math.min(jobs, tasks.length);
  await new Promise<void>((resolve, reject) => {
    let running = count;
    let failed = false;
    const workers: ChildProcess[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) w.kill();
      reject(error);
    };
    for (let i = 0; i < count; i++) {
      // Only the pool's options: a worker starts as the `iop` binary does, whatever options
      // this process was given (an inspector's port, say, which two workers cannot share).
      const worker = fork(script, [], {
        execArgv: workerExecArgv(count),
        // Without the extra TLS certificates Node would load as it starts (src/launch/child-env.ts).
        env: childEnv(),
        serialization: "advanced",
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      workers.push(worker);
      /** The task the worker is building; none once it has been told to end. */
      let current: BatchTask | undefined;
      const feed = () => {
        current = queue.shift();
        // A worker that died before it took the message is reported by its "exit" event below,
        // not as the broken pipe of this send (hence the callback, which keeps it from "error").
        worker.send({ task: current } satisfies PoolMessage, () => {});
      };
      worker.on("message", (message: WorkerMessage) => {
        if (failed) return; // the pool has stopped: a result still on its way is not reported
        if (message.error !== undefined) return fail(new Error(`${message.dir}: ${message.error}`));
        onDone(message.result as BatchResult);
        feed();
      });
      worker.on("error", fail);
      worker.on("exit", (code, signal) => {
        if (current) {
          const how = signal ?? `kod ${code}`;
          return fail(
            new Error(`en byggprocess avslutades oväntat (${how}) medan den byggde ${current.dir}`),
          );
        }
        if (--running === 0 && !failed) resolve();
      });
      feed();
    }
  });
}

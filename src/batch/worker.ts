/**
 * Worker thread of the build pool (`pool.ts`): builds and writes the agreements it is sent, one
 * at a time, and posts each result back. A `null` task ends it. It first posts that it is ready.
 */
import { parentPort } from "node:worker_threads";
import { type BatchTask, buildOne } from "./one.js";

const port = parentPort;
if (!port) throw new Error("batch/worker.js runs only as a worker thread");
// Loaded (with the code cache, when run from the bundle): the pool may now tune V8 (src/jit.ts).
port.postMessage({ ready: true });

port.on("message", (task: BatchTask | null) => {
  if (task === null) {
    port.close();
    return;
  }
  buildOne(task).then(
    (result) => port.postMessage({ result }),
    (error: unknown) =>
      port.postMessage({
        dir: task.dir,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

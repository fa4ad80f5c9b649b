/**
 * Worker process of the build pool (`pool.ts`): builds and writes the agreements it is sent, one
 * at a time, and sends each result back. A message without a task ends it.
 */
import { longRun } from "../jit.js";
import { buildOne } from "./one.js";
import type { PoolMessage, WorkerMessage } from "./pool.js";

const send = process.send?.bind(process);
if (!send) throw new Error("batch/worker.js runs only as a worker process of the build pool");
/**
 * Sends `message` to the pool. If the pool has gone meanwhile (`iop` was killed), there is no one
 * to tell: the worker stops quietly, its agreement written. (An idle worker whose pool has gone
 * ends by itself: nothing but the closed channel kept it running.)
 */
const reply = (message: WorkerMessage) =>
  send(message, undefined, undefined, (error: Error | null) => {
    if (error) process.exit(0);
  });

// Loaded (with the code cache, taken only under V8's default flags, when run from the bundle):
// now tune V8 for the long run (src/jit.ts).
longRun();

process.on("message", ({ task }: PoolMessage) => {
  if (!task) {
    process.disconnect();
    return;
  }
  buildOne(task)
    .then((result) => reply({ result }))
    .catch((error: unknown) =>
      reply({
        dir: task.dir,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
});

/**
 * Worker process of the build pool (`pool.ts`): builds and writes the agreements it is sent, one
 * at a time, and sends each result back. A message without a task ends it.
 */
import { longRun } from "../jit.js";
import { buildOne } from "./one.js";
import type { PoolMessage, WorkerMessage } from "./pool.js";

const send = process.send?.bind(process);
if (!send) throw new Error("batch/worker.js runs only as a worker process of the build pool");
const reply = (message: WorkerMessage) => send(message);

// Loaded (with the code cache, taken only under V8's default flags, when run from the bundle):
// now tune V8 for the long run (src/jit.ts).
longRun();

// The pool is gone (it ended this worker, or died itself): stop, as a thread would with it. A
// folder being written is left as a staging folder, which the next build recovers.
process.on("disconnect", () => process.exit(0));

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

/**
 * V8's optimising compiler: off for short runs, on (and tuned) for long ones; and whether the
 * caches of long runs are used (`inLongRun`).
 *
 * Why: a cold `iop build` of one agreement runs most of its code once or a few times, so what
 * TurboFan compiles on its background threads is rarely used before the process ends, yet it
 * costs about a third of the run's CPU time (measured: 1.6 s → 1.1 s of CPU for Stockholm 2025;
 * bench/speed.mjs). `iop watch` and builds of many agreements run the same code again and again,
 * where optimised code pays, so they turn it back on before their loop.
 *
 * In those long runs TurboFan's inlining is off: with it, the background threads spent as much
 * CPU time compiling as the build's own thread spent on half its work (for 60 agreements on one
 * thread: 7 s of compiling beside 12.6 s of building; without it 4.4 s beside 12.8 s), and the
 * pool's workers share the machine's cores with that compiling (measured with 200 agreements on
 * 2 threads, when the pool still ran threads: 12–15 % less CPU time in all; for 200 agreements on
 * 2 worker processes, inlining took 16.6–16.9 s against 14.9–15.1 s without it).
 *
 * These are V8 flags set at run time (`v8.setFlagsFromString`, which Node documents as possibly
 * unstable); they change when and how V8 optimises, never what the code computes, so the output
 * is the same. They are the process's, and V8 takes a code cache (src/launch/) only under the
 * flags it was made with, V8's defaults (`v8Defaults`): so the CLI and each worker process of the
 * build pool (src/batch/) load the bundle first and set them after.
 * test/jit.test.ts fails if a Node upgrade stops honouring any of them at run time.
 */
import { setFlagsFromString } from "node:v8";

/**
 * Whether this process runs the same work many times: true until `shortRun` (the CLI's start), and
 * again after `longRun`. The caches that pay only over many documents read it: the pieces of
 * Markdown kept by src/document/parse.ts and src/render/markdown/render.ts, which within one
 * agreement are rarely seen twice, and in a cold process cost more to cut, copy and look up than
 * they save (measured for Stockholm 2025: the compose and document tree steps 1.20× the CPU time
 * of a whole parse, bench/steps.mjs, cold).
 */
let long = true;
export const inLongRun = (): boolean => long;

/** At start-up of the CLI: optimise nothing (a short run). */
export function shortRun(): void {
  setFlagsFromString("--no-opt");
  long = false;
}

/** V8's own defaults (optimising, with inlining), under which the code cache is made and taken. */
export function v8Defaults(): void {
  setFlagsFromString("--opt");
  setFlagsFromString("--turbo-inlining");
}

/** Before a loop that runs the same code many times (watch, many agreements): optimise, tuned. */
export function longRun(): void {
  setFlagsFromString("--opt");
  setFlagsFromString("--no-turbo-inlining");
  long = true;
}

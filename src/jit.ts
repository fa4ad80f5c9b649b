/**
 * V8's optimising compilers, off for short runs and back on for long ones.
 *
 * Why: a cold `iop build` of one agreement runs most of its code once or a few times, so what
 * TurboFan compiles on its background threads is rarely used before the process ends, yet it
 * costs about a third of the run's CPU time (measured: 1.6 s → 1.1 s of CPU for Stockholm 2025;
 * bench/speed.mjs). `iop watch` and builds of many agreements run the same code again and again,
 * where optimised code pays, so they turn it back on before their loop (and the pool before its
 * worker threads start: V8's flags are the process's, shared by its threads).
 *
 * `--no-opt` is a V8 flag set at run time (`v8.setFlagsFromString`, which Node documents as
 * possibly unstable); it changes when V8 optimises, never what the code computes, so the output
 * is the same. test/jit.test.ts fails if a Node upgrade stops honouring it at run time (it
 * asks V8 whether a hot function got optimised).
 */
import { setFlagsFromString } from "node:v8";

/** At start-up of the CLI: optimise nothing (a short run). */
export function shortRun(): void {
  setFlagsFromString("--no-opt");
}

/** Before a loop that runs the same code many times (watch, many agreements): optimise again. */
export function longRun(): void {
  setFlagsFromString("--opt");
}

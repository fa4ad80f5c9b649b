// Timing helpers shared by the benchmarks in bench/ (this folder is not run as a benchmark).
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (x) => (x === undefined ? "–" : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
export const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
export const ratio = (a, b) =>
  a === undefined || b === undefined ? "–" : `${(a / b).toFixed(2)}×`;

/**
 * Warm in-process timing: `warmup` runs first, then `runs` measured ones. Returns the median and
 * the fastest wall-clock time (the fastest is steadier on a shared machine) and the median CPU time
 * (wall time beyond it is waiting).
 */
export async function timeWarm(fn, { runs = 20, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(wall), min: Math.min(...wall), cpu: median(cpu) };
}

/** Wall-clock time of one run of a whole process; throws when it fails (a benchmark of a failure is none). */
function runProcess(cmd, args, options = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: "ignore", ...options });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}`);
  return elapsed;
}

/** Median wall-clock time of a whole process over `runs` runs. */
export function timeProcess(cmd, args, runs, options = {}) {
  return median(Array.from({ length: runs }, () => runProcess(cmd, args, options)));
}

/**
 * Median wall-clock times of several whole processes, run in turns (one run of each per round), so
 * that a shared machine's slow and fast spells fall on all of them alike and their ratios hold
 * even when the absolute figures drift. `commands` maps a label to `[cmd, args, options?]`, or to
 * a list of them timed as one (e.g. one pandoc process per document); returns label → median ms.
 */
export function timeInterleaved(commands, rounds) {
  return medians(timeRounds(commands, rounds));
}

/** label → times, as label → their median. */
export const medians = (times) =>
  Object.fromEntries(Object.entries(times).map(([label, xs]) => [label, median(xs)]));

/** `timeInterleaved`'s times of every round: label → one time (ms) per round, in order. */
export function timeRounds(commands, rounds) {
  const times = Object.fromEntries(Object.keys(commands).map((label) => [label, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [label, command] of Object.entries(commands)) {
      const steps = Array.isArray(command[0]) ? command : [command];
      times[label].push(
        steps.reduce((sum, [cmd, args, options]) => sum + runProcess(cmd, args, options), 0),
      );
    }
  }
  return times;
}

/**
 * The ratio a / b of two commands timed in the same rounds (`timeRounds`), round by round: its
 * median and range. Steadier than the ratio of the medians on a shared machine, whose slow
 * spells last longer than one round: both commands of a round share them.
 */
export function roundRatios(a, b) {
  if (!a || !b) return undefined;
  const ratios = a.map((x, i) => x / b[i]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** A `roundRatios` result as "0.39× (0.35–0.44×)". */
export const ratioRange = (r) =>
  r === undefined ? "–" : `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}×)`;

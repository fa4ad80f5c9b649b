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

/** Median wall-clock time of a whole process; throws when it fails (a benchmark of a failure is none). */
export function timeProcess(cmd, args, runs, options = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { stdio: "ignore", ...options });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}`);
  }
  return median(times);
}

/**
 * `iop build` of many agreement folders (src/batch): a pool of worker processes, each agreement
 * written as soon as it is built, the failing ones reported and not written. Runs the built CLI
 * (dist/bin/iop.js, `npm run build`) as a child process, as the worker script exists only there.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIop } from "../helpers/cli.js";
import { BUILD_OUTPUT } from "../helpers/dist.js";
import { fileHashes } from "../helpers/files.js";
import { alive, childPids, workerKind } from "../helpers/processes.js";
import { tempDir } from "../sign/helpers.js";

const root = new URL("../../", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const source = new URL("../../agreements/kalmar-brottsofferstod-2018", import.meta.url).pathname;

/** A copy of the Kalmar agreement under the id `id` (the folder's name). */
function agreement(root: string, id: string): string {
  const dir = join(root, id);
  cpSync(source, dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(/^id: kalmar-brottsofferstod-2018$/m, `id: ${id}`),
    );
  }
  return dir;
}

const iop = (args: string[], cwd: string) => runIop(args, { cwd });

/**
 * `iop build in --out <out> --jobs 2` in `cwd`, running in the background: the process, its
 * standard error so far, and when that closes (after iop and every worker, which share it).
 */
function startBuild(cwd: string, out: string) {
  const child = spawn(
    process.execPath,
    [join(root, BUILD_OUTPUT), "build", "in", "--out", join(cwd, out), "--jobs", "2"],
    { cwd, stdio: ["ignore", "ignore", "pipe"] },
  );
  const run = { child, stderr: "", closed: Promise.resolve() };
  run.closed = new Promise((resolve) => {
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => {
      run.stderr += s;
    });
    child.stderr.on("close", resolve);
  });
  return run;
}

describe("iop build of many agreements", () => {
  const tmp = tempDir("iop-many-");
  afterAll(() => tmp.remove());
  const input = join(tmp.dir, "in");
  mkdirSync(input);
  const ids = ["iop-a", "iop-b", "iop-c", "iop-d", "iop-e"];
  for (const id of ids) agreement(input, id);
  const broken = agreement(input, "iop-trasig");
  const yaml = join(broken, "overenskommelse.yaml");
  writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^diarienummer: .*$/m, "diarienummer: ["));

  it("writes each valid agreement on two worker processes, as a build of it alone writes it, and reports the broken one", () => {
    const out = join(tmp.dir, "out");
    const r = iop(["build", "in", "--out", out, "--jobs", "2"], tmp.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/in\/iop-trasig\/overenskommelse\.yaml:\d+:\d+: fel: /);
    expect(r.stderr).toContain(
      "5 av 6 överenskommelser skrevs; 1 hade fel och skrevs inte: in/iop-trasig",
    );
    for (const id of ids) expect(r.stderr).toContain(`Byggde ${id}: `);
    // Not a terminal: no progress bar.
    expect(r.stderr).not.toMatch(/\r|█/);
    expect(readdirSync(out).sort()).toEqual(ids);

    // The same bytes as building each agreement on its own (one process, in memory, all or nothing).
    const alone = join(tmp.dir, "alone");
    for (const id of ids.slice(0, 2)) {
      expect(iop(["build", join(input, id), "--out", alone], tmp.dir).status).toBe(0);
      expect(fileHashes(join(out, id))).toEqual(fileHashes(join(alone, id)));
    }
  });

  it("starts its worker processes without the extra TLS certificates Node would load", () => {
    // Node warns as it starts when the file cannot be read: here only iop itself, not its workers.
    const missing = join(tmp.dir, "saknas.pem");
    const r = runIop(["build", "in", "--out", join(tmp.dir, "certs"), "--jobs", "2"], {
      cwd: tmp.dir,
      env: { NODE_EXTRA_CA_CERTS: missing },
    });
    expect(r.stderr).toContain("Byggde iop-a: ");
    expect(r.stderr.split(`Ignoring extra certs from \`${missing}\``)).toHaveLength(2);
  });

  it("gives the same output with one job as with two", () => {
    const one = join(tmp.dir, "one");
    const two = join(tmp.dir, "two");
    expect(iop(["build", input, "--out", one, "--jobs", "1"], tmp.dir).status).toBe(1);
    expect(iop(["build", input, "--out", two, "--jobs", "2"], tmp.dir).status).toBe(1);
    expect(fileHashes(one)).toEqual(fileHashes(two));
  });

  it("reports a worker process that stops before its work is done, and exits with no worker left", async () => {
    const run = startBuild(tmp.dir, "killed");
    const iopProcess = run.child;
    const exited = new Promise<number | null>((resolve) => iopProcess.on("close", resolve));
    try {
      // The first worker process of the pool is killed as soon as it is seen; every child process
      // seen until iop exits is noted.
      const workers = new Set<number>();
      const seen = new Set<number>();
      let killed = false;
      while (iopProcess.exitCode === null) {
        for (const pid of childPids(iopProcess.pid as number)) {
          seen.add(pid);
          // Asked again until it has its own command line.
          if (workerKind(pid) === "worker") workers.add(pid);
        }
        const [first] = workers;
        if (first !== undefined && !killed) {
          process.kill(first, "SIGKILL");
          killed = true;
        }
        await sleep(5);
      }
      expect(killed).toBe(true);
      expect(await exited).toBe(2);
      expect(run.stderr).toMatch(
        /iop build: internt fel: en byggprocess avslutades oväntat \(SIGKILL\) medan den byggde in\/iop-/,
      );
      // No worker outlives the build.
      for (let i = 0; i < 200 && [...seen].some(alive); i++) await sleep(10);
      expect([...seen].filter(alive)).toEqual([]);
    } finally {
      iopProcess.kill("SIGKILL");
    }
  });

  it("ends its worker processes, quietly, when iop itself is killed", async () => {
    const run = startBuild(tmp.dir, "orphans");
    const iopProcess = run.child;
    try {
      // Killed once the first agreement is written: the workers are then building the next ones.
      while (!run.stderr.includes("Byggde ") && iopProcess.exitCode === null) await sleep(1);
      expect(iopProcess.exitCode).toBe(null);
      iopProcess.kill("SIGKILL");
      await run.closed; // every worker has ended
      // Not a worker finishing its agreement and then failing to report it to a pool that is gone.
      expect(run.stderr).not.toMatch(/Error|EPIPE/);
    } finally {
      iopProcess.kill("SIGKILL");
    }
  });

  it("refuses a --jobs that is not a positive number", () => {
    const r = iop(["build", input, "--out", join(tmp.dir, "x"), "--jobs", "0"], tmp.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs tar ett heltal från 1, inte "0".');
  });
});

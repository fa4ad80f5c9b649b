// Benchmark of amending a bilaga (issue 14): the Stockholm 2025 agreement with bilaga 1 changed
// and its change log entry added, as whole processes run in turns next to each other:
//   - a full build (all formats), which is what --only saves;
//   - `--only bilaga-1 --since HEAD`: the bilaga, its copies and its redline against git (the
//     redline is made on every run, because HEAD keeps the unchanged version);
//   - `--only bilaga-1` against the previous build, once it is amended (no redline to make);
//   - Node's own start-up (`node -e 0`), the floor of any whole-process figure.
// Figures are medians; ratios are ours / full build. Run: npm run bench (builds dist/ first).
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ms, ratio, timeInterleaved, timeProcess } from "./lib/timing.mjs";

const ROUNDS = 7;
const ID = "stockholm-brottsofferstod-2025";
const root = new URL("../", import.meta.url).pathname;
const bin = join(root, "dist/bin/iop.js");
const work = mkdtempSync(join(tmpdir(), "iop-bench-amend-"));
const dir = join(work, ID);
const git = (...args) =>
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.org", ...args], {
    cwd: work,
  });

cpSync(join(root, "agreements", ID), dir, { recursive: true });
git("init", "-q");
git("add", ".");
git("commit", "-qm", "start");
const iop = (...args) => [process.execPath, [bin, "build", dir, ...args], { cwd: work }];
const once = ([cmd, args, options]) => timeProcess(cmd, args, 1, options);
// The previous builds the --only runs start from, made before the change.
once(iop("--out", join(work, "out-since")));
once(iop("--out", join(work, "out-only")));
const bilaga = join(dir, "bilaga-1.yaml");
writeFileSync(
  bilaga,
  readFileSync(bilaga, "utf8").replace(
    "    - Hjälp vid myndighetskontakter\n",
    "    - Hjälp vid myndighetskontakter, även digitalt.\n",
  ),
);
appendFileSync(
  bilaga,
  '\nändringslogg:\n  - datum: "2026-03-15"\n    beslut: § 4\n    beslutat_av: Styrgruppen\n    beskrivning: Även digitalt.\n',
);
once(iop("--out", join(work, "out-only"), "--only", "bilaga-1"));

const t = timeInterleaved(
  {
    full: iop("--out", join(work, "out-full")),
    since: iop("--out", join(work, "out-since"), "--only", "bilaga-1", "--since", "HEAD"),
    only: iop("--out", join(work, "out-only"), "--only", "bilaga-1"),
    node: [process.execPath, ["-e", "0"]],
  },
  ROUNDS,
);
console.log("## Amending a bilaga\n");
console.log(
  `Stockholm 2025, bilaga 1 amended. Medians of ${ROUNDS} rounds, whole processes run in turns.\n`,
);
console.log(
  "| full build (all formats) | --only bilaga-1 --since HEAD (with redline) | --only bilaga-1 (no change since) | Node start-up | --since / full | --only / full |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
console.log(
  `| ${ms(t.full)} | ${ms(t.since)} | ${ms(t.only)} | ${ms(t.node)} | ${ratio(t.since, t.full)} | ${ratio(t.only, t.full)} |`,
);
rmSync(work, { recursive: true, force: true });

// One cold check, for bench/lint.mjs: loads and schema-checks an agreement with the dist/ under
// the root given as the first argument, then prints the milliseconds of the process's first
// runRules and lintAgreement, as validateAgreement runs them (run it with `node --no-opt`, as the
// CLI runs a short command; src/jit.ts).
import { performance } from "node:perf_hooks";
import { prepareChecks } from "./checks.mjs";

const [root, dir] = process.argv.slice(2);
const { fresh, lintAgreement, runRules } = await prepareChecks(root, dir);
const { agreement, schema } = await fresh();
const t0 = performance.now();
runRules(agreement, schema);
const t1 = performance.now();
lintAgreement(agreement, schema);
console.log(`${t1 - t0} ${performance.now() - t1}`);

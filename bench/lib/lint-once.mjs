// One cold check, for bench/lint.mjs: loads and schema-checks an agreement with the dist/ under
// the root given as the first argument, then prints the milliseconds of the process's first
// runRules and lintAgreement, as validateAgreement runs them (run it with `node --no-opt`, as the
// CLI runs a short command; src/jit.ts).
import { performance } from "node:perf_hooks";

const [root, dir] = process.argv.slice(2);
const { readAgreement } = await import(`${root}dist/load/agreement.js`);
const { validateSchema } = await import(`${root}dist/validate/schema.js`);
const { SchemaErrors } = await import(`${root}dist/validate/schema-errors.js`);
const { agreementForRules } = await import(`${root}dist/validate/index.js`);
const { lintAgreement } = await import(`${root}dist/lint/index.js`);
const { runRules } = await import(`${root}dist/validate/rules/index.js`);

const { sources } = await readAgreement(dir, process.cwd());
const schema = new SchemaErrors();
validateSchema("agreement", sources.agreement, schema);
for (const b of sources.bilagor) validateSchema("bilaga", b, schema);
const agreement = agreementForRules(sources, schema);
const t0 = performance.now();
runRules(agreement, schema);
const t1 = performance.now();
lintAgreement(agreement, schema);
console.log(`${t1 - t0} ${performance.now() - t1}`);

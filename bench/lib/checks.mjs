// The checks of loadAgreement with the modules of one checkout's dist/ (for bench/lint.mjs and
// bench/lib/lint-once.mjs): the validation rules beyond the schema, the lint, and a fresh
// agreement for each run (read and schema-checked anew, as each build does: the checks keep what
// they work out per file).
export async function prepareChecks(root, dir) {
  const { readAgreement } = await import(`${root}dist/load/agreement.js`);
  const { validateSchema } = await import(`${root}dist/validate/schema.js`);
  const { SchemaErrors } = await import(`${root}dist/validate/schema-errors.js`);
  const { agreementForRules } = await import(`${root}dist/validate/index.js`);
  const { lintAgreement } = await import(`${root}dist/lint/index.js`);
  const { runRules } = await import(`${root}dist/validate/rules/index.js`);
  const fresh = async () => {
    const { sources } = await readAgreement(dir, process.cwd());
    const schema = new SchemaErrors();
    validateSchema("agreement", sources.agreement, schema);
    for (const b of sources.bilagor) validateSchema("bilaga", b, schema);
    return { agreement: agreementForRules(sources, schema), schema };
  };
  return { fresh, lintAgreement, runRules };
}

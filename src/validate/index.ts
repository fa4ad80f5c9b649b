import type { Diagnostic } from "../diagnostics.js";
import { hasErrors } from "../diagnostics.js";
import { lintAgreement } from "../lint/index.js";
import { type AgreementSources, readAgreement, type SourceCache } from "../load/agreement.js";
import type { SourceFile } from "../load/source.js";
import type { Agreement } from "../model.js";
import type { Bilaga, Overenskommelse } from "../schemas/types.generated.js";
import { runRules } from "./rules/index.js";
import { validateSchema } from "./schema.js";
import { SchemaErrors } from "./schema-errors.js";

/**
 * The agreement as the rules see it, which may have schema errors: a file whose whole content is
 * of the wrong form (a list, a bare value) stands as an empty object, so reading a key of it is
 * safe (the rules then find every key invalid); bilagor are sorted by number, one without a valid
 * number last.
 */
export function agreementForRules(sources: AgreementSources, schema: SchemaErrors): Agreement {
  const data = (file: SourceFile): unknown => (schema.formed(file, []) ? file.value : {});
  const number = (file: SourceFile): number =>
    schema.valid(file, ["nummer"]) ? (file.value as Bilaga).nummer : Number.MAX_VALUE;
  return {
    dir: sources.dir,
    name: sources.name,
    data: data(sources.agreement) as Overenskommelse,
    file: sources.agreement,
    bilagor: sources.bilagor
      .map((file) => ({ file, data: data(file) as Bilaga }))
      .sort((a, b) => number(a.file) - number(b.file)),
  };
}

/** How to validate. */
export interface ValidateOptions {
  /**
   * The lint's warnings (src/lint/) of a valid agreement not run now but left to `lintWarnings()`
   * in the result, whose diagnostics they would have ended: `iop build` first hands its
   * documents to the PDF helper (src/helper/), and a caller that only needs the agreement
   * skips them. With errors they are run at once, as there is nothing to build.
   */
  deferLint?: boolean;
}

/**
 * Validates parsed sources: the JSON Schema, then the rules beyond it and the drafting lint
 * (src/lint/, warnings). The rules run on every part
 * of the data that passed the schema (they leave the nodes with schema errors alone), so one check
 * reports both kinds of problem. `agreement` is set only when there are no errors.
 */
export function validateAgreement(
  sources: AgreementSources,
  options: ValidateOptions = {},
): LoadedAgreement {
  const schemaErrors = new SchemaErrors();
  const diagnostics = [
    ...validateSchema("agreement", sources.agreement, schemaErrors),
    ...sources.bilagor.flatMap((b) => validateSchema("bilaga", b, schemaErrors)),
  ];
  const agreement = agreementForRules(sources, schemaErrors);
  const lint = lintAgreement(agreement, schemaErrors);
  diagnostics.push(...runRules(agreement, schemaErrors), ...lint.errors);
  if (hasErrors(diagnostics)) return { diagnostics: [...diagnostics, ...lint.warnings()] };
  if (options.deferLint) return { agreement, diagnostics, lintWarnings: lint.warnings };
  return { agreement, diagnostics: [...diagnostics, ...lint.warnings()] };
}

/** How to load: as `ValidateOptions`, and the files parsed by earlier loads (`iop watch`). */
export interface LoadOptions extends ValidateOptions {
  sources?: SourceCache;
}

/** What loading an agreement gave: the agreement when it has no errors, and every problem. */
export interface LoadedAgreement {
  agreement?: Agreement;
  diagnostics: Diagnostic[];
  /** The input does not exist or cannot be listed (exit code 2). */
  usageError?: boolean;
  /** With `deferLint`: the lint's warnings, which follow `diagnostics`. */
  lintWarnings?: () => Diagnostic[];
}

/**
 * Reads and validates an agreement, for every command: a folder, an agreement file or a git
 * version `<rev>:<path>` (relative to `cwd`), read by `readAgreement` (src/load/agreement.ts).
 * `agreement` is set when there are no errors.
 */
export async function loadAgreement(
  spec: string,
  cwd = process.cwd(),
  options: LoadOptions = {},
): Promise<LoadedAgreement> {
  const read = await readAgreement(spec, cwd, options.sources);
  if (!read.sources) {
    // A file with YAML syntax errors: the others are still checked against their schemas (the
    // rules need every file, so they wait until it parses).
    const { agreement, bilagor = [] } = read.parsed ?? {};
    const schema = [
      ...(agreement ? validateSchema("agreement", agreement) : []),
      ...bilagor.flatMap((b) => validateSchema("bilaga", b)),
    ];
    return {
      diagnostics: [...read.diagnostics, ...schema],
      ...(read.usageError ? { usageError: true } : {}),
    };
  }
  const validated = validateAgreement(read.sources, options);
  return { ...validated, diagnostics: [...read.diagnostics, ...validated.diagnostics] };
}

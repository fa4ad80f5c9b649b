import type { Diagnostic } from "../diagnostics.js";
import { hasErrors } from "../diagnostics.js";
import { type AgreementSources, readAgreement } from "../load/agreement.js";
import type { SourceFile } from "../load/source.js";
import type { Agreement } from "../model.js";
import type { Bilaga, Overenskommelse } from "../schemas/types.generated.js";
import { runRules } from "./rules/index.js";
import { validateSchema } from "./schema.js";
import { SchemaErrors } from "./schema-errors.js";

/**
 * Validates parsed sources: the JSON Schema, then the rules beyond it. The rules run on every part
 * of the data that passed the schema (they leave the nodes with schema errors alone), so one check
 * reports both kinds of problem. `agreement` is set only when there are no errors.
 */
export function validateAgreement(sources: AgreementSources): {
  agreement?: Agreement;
  diagnostics: Diagnostic[];
} {
  const schemaErrors = new SchemaErrors();
  const diagnostics = [
    ...validateSchema("agreement", sources.agreement, schemaErrors),
    ...sources.bilagor.flatMap((b) => validateSchema("bilaga", b, schemaErrors)),
  ];
  // A bilaga without a valid number goes last (the rules leave its number alone).
  const number = (file: SourceFile): number =>
    schemaErrors.valid(file, ["nummer"]) ? (file.value as Bilaga).nummer : Number.MAX_VALUE;
  const agreement: Agreement = {
    dir: sources.dir,
    name: sources.name,
    data: sources.agreement.value as Overenskommelse,
    file: sources.agreement,
    bilagor: sources.bilagor
      .map((file) => ({ file, data: file.value as Bilaga }))
      .sort((a, b) => number(a.file) - number(b.file)),
  };
  diagnostics.push(...runRules(agreement, schemaErrors));
  return hasErrors(diagnostics) ? { diagnostics } : { agreement, diagnostics };
}

/** Reads and validates an agreement folder. `agreement` is set when there are no errors. */
export async function loadAgreement(
  dir: string,
): Promise<{ agreement?: Agreement; diagnostics: Diagnostic[]; usageError?: boolean }> {
  const read = await readAgreement(dir);
  if (!read.sources) return read;
  const validated = validateAgreement(read.sources);
  return { ...validated, diagnostics: [...read.diagnostics, ...validated.diagnostics] };
}

import type { Diagnostic } from "../diagnostics.js";
import { hasErrors } from "../diagnostics.js";
import { type AgreementSources, readAgreement } from "../load/agreement.js";
import type { Agreement } from "../model.js";
import type { Bilaga, Overenskommelse } from "../schemas/types.generated.js";
import { runRules } from "./rules/index.js";
import { validateSchema } from "./schema.js";

/**
 * Validates parsed sources: the JSON Schema first, then the rules beyond it (rules only run on
 * data that passed the schema, so they can rely on its types).
 */
export function validateAgreement(sources: AgreementSources): {
  agreement?: Agreement;
  diagnostics: Diagnostic[];
} {
  const diagnostics = [
    ...validateSchema("agreement", sources.agreement),
    ...sources.bilagor.flatMap((b) => validateSchema("bilaga", b)),
  ];
  if (hasErrors(diagnostics)) return { diagnostics };
  const agreement: Agreement = {
    dir: sources.dir,
    name: sources.name,
    data: sources.agreement.value as Overenskommelse,
    file: sources.agreement,
    bilagor: sources.bilagor
      .map((file) => ({ file, data: file.value as Bilaga }))
      .sort((a, b) => a.data.nummer - b.data.nummer),
  };
  diagnostics.push(...runRules(agreement));
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

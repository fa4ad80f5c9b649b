import type { Diagnostic } from "../../diagnostics.js";
import type { Agreement } from "../../model.js";

/** A validation rule beyond the schema: one rule per file, each with its id and Swedish message. */
export interface Rule {
  id: string;
  run(agreement: Agreement): Diagnostic[];
}

export const rules: Rule[] = [];

export const runRules = (agreement: Agreement): Diagnostic[] =>
  rules.flatMap((r) => r.run(agreement));

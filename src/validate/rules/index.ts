import type { Diagnostic } from "../../diagnostics.js";
import type { Agreement } from "../../model.js";
import { SchemaErrors } from "../schema-errors.js";
import { avsnitt } from "./avsnitt.js";
import { bilagor } from "./bilagor.js";
import { budget } from "./budget.js";
import { finansiering } from "./finansiering.js";
import { forvaltning } from "./forvaltning.js";
import { hanvisningar } from "./hanvisningar.js";
import { id } from "./id.js";
import { organisationsnummer } from "./organisationsnummer.js";
import { period } from "./period.js";
import { saknas } from "./saknas.js";
import { samlingsnamn } from "./samlingsnamn.js";
import { signering } from "./signering.js";
import { status } from "./status.js";
import { undertecknare } from "./undertecknare.js";
import { visasInte } from "./visas-inte.js";

/**
 * A validation rule beyond the schema: one rule per file, each with its id and Swedish message.
 * Rules run on data that may have schema errors: before relying on a value, a rule asks `schema`
 * whether it passed (`valid`, or `formed` for a list or object whose contents it checks one by
 * one), and leaves it alone otherwise. So a rule never meets a value of the wrong type and never
 * reports again what the schema reported. A rule that finds something missing (a signatory, a
 * section's heading) asks that the whole object is valid: the key may just be misspelt.
 */
export interface Rule {
  id: string;
  run(agreement: Agreement, schema: SchemaErrors): Diagnostic[];
}

export const rules: Rule[] = [
  id,
  organisationsnummer,
  period,
  budget,
  finansiering,
  undertecknare,
  bilagor,
  hanvisningar,
  avsnitt,
  status,
  saknas,
  forvaltning,
  samlingsnamn,
  signering,
  visasInte,
];

/**
 * Runs every rule. The rules are written not to fail on data with schema errors (a test breaks
 * the data in every place to prove it); should one still throw on such data, its findings are
 * dropped rather than the check failing: the schema errors are reported, and once they are fixed
 * the rule runs on valid data. On valid data a failure is a bug and is thrown.
 */
export const runRules = (agreement: Agreement, schema = new SchemaErrors()): Diagnostic[] =>
  rules.flatMap((r) => {
    try {
      return r.run(agreement, schema);
    } catch (error) {
      if (schema.empty) throw error;
      return [];
    }
  });

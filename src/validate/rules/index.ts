import type { Diagnostic } from "../../diagnostics.js";
import type { Agreement } from "../../model.js";
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

/** A validation rule beyond the schema: one rule per file, each with its id and Swedish message. */
export interface Rule {
  id: string;
  run(agreement: Agreement): Diagnostic[];
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

export const runRules = (agreement: Agreement): Diagnostic[] =>
  rules.flatMap((r) => r.run(agreement));

/**
 * Drafting lint: warnings about how an agreement is written, beyond what makes it valid. The
 * sections every IOP should have, the idéburna parties' own contribution, plain Swedish and
 * common misspellings (data/klarsprak.json), and parties named otherwise than their one name.
 * Part of `iop check` and `iop build` (run after the validation rules). Each rule can be switched
 * off for one agreement with `avstängda_regler: [{ regel, skäl }]` in overenskommelse.yaml; the
 * rules and their ids are documented in docs/granskning.md.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Agreement } from "../model.js";
import { diagnosticAt, items } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";
import { missingSections, REQUIRED_SECTIONS, SECTION_RULE_PREFIX } from "./avsnitt.js";
import { missingOwnContribution, OWN_CONTRIBUTION_RULE } from "./egen-insats.js";
import { WORDING_RULES, wordingDiagnostic, wordingFindings } from "./klarsprak.js";
import { PARTY_NAME_RULE, partyNameVariants } from "./partnamn.js";

/**
 * Every id `avstängda_regler` accepts: each lint rule's, and `saknat-avsnitt`, which switches off
 * the warnings about every missing section at once.
 */
export const LINT_RULES: readonly string[] = [
  SECTION_RULE_PREFIX,
  ...REQUIRED_SECTIONS.map((r) => `${SECTION_RULE_PREFIX}-${r.key}`),
  OWN_CONTRIBUTION_RULE,
  ...WORDING_RULES,
  PARTY_NAME_RULE,
];

/** Whether switching off `regel` silences a diagnostic of rule `rule`. */
const covers = (regel: string, rule: string): boolean =>
  regel === rule || (regel === SECTION_RULE_PREFIX && rule.startsWith(`${SECTION_RULE_PREFIX}-`));

/**
 * The rules switched off for this agreement, as far as `avstängda_regler` passed the schema (an
 * entry without a reason is a schema error, and switches nothing off), and an error for each id
 * that names no lint rule.
 */
export function switchedOff(
  agreement: Agreement,
  schema: SchemaErrors,
): { off: Set<string>; diagnostics: Diagnostic[] } {
  const { file } = agreement;
  const off = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const path = ["avstängda_regler"];
  for (const [entry, i] of entries(agreement, schema)) {
    if (!LINT_RULES.includes(entry.regel)) {
      diagnostics.push(
        diagnosticAt(
          file,
          [...path, i, "regel"],
          "fel",
          "avstangd-regel-okand",
          `”${entry.regel}” är ingen granskningsregel som kan stängas av. Sådana regler är: ${LINT_RULES.join(", ")}.`,
        ),
      );
    } else if (off.has(entry.regel)) {
      diagnostics.push(
        diagnosticAt(
          file,
          [...path, i, "regel"],
          "fel",
          "avstangd-regel-dubblett",
          `Regeln ”${entry.regel}” är redan avstängd ovan; ange den en gång, med ett skäl.`,
        ),
      );
    } else off.add(entry.regel);
  }
  return { off, diagnostics };
}

/** Whether a diagnostic of `rule` is switched off by `off`. */
export const isSwitchedOff = (off: ReadonlySet<string>, rule: string): boolean =>
  [...off].some((regel) => covers(regel, rule));

/**
 * Runs the lint on an agreement (which may have schema errors: like the validation rules, they
 * leave alone what did not pass the schema): `errors`, those in `avstängda_regler`
 * (`switchedOff`), at once; its warnings, which follow them, when `warnings()` is called. The
 * warnings are never errors, so whether the agreement can be built does not wait for them.
 */
export function lintAgreement(
  agreement: Agreement,
  schema: SchemaErrors,
): { errors: Diagnostic[]; warnings: () => Diagnostic[] } {
  const { off, diagnostics } = switchedOff(agreement, schema);
  return { errors: diagnostics, warnings: () => lintWarnings(agreement, schema, off) };
}

/**
 * The lint's warnings: what its rules find, but what `off` switches off, and each switch-off that
 * silences nothing.
 */
function lintWarnings(
  agreement: Agreement,
  schema: SchemaErrors,
  off: ReadonlySet<string>,
): Diagnostic[] {
  const rules = [
    missingSections,
    missingOwnContribution,
    (a: Agreement, s: SchemaErrors) => wordingFindings(a, s).map(wordingDiagnostic),
    partyNameVariants,
  ];
  // As in runRules: on data with schema errors a rule that still fails says nothing (the schema
  // errors are reported); on valid data a failure is a bug and is thrown.
  const found = rules.flatMap((rule) => {
    try {
      return rule(agreement, schema);
    } catch (error) {
      if (schema.empty) throw error;
      return [];
    }
  });
  // A switch-off that silences nothing is stale (the text was corrected, the section added):
  // told only on data without schema errors, where every rule has had its say.
  const stale = schema.empty
    ? entries(agreement, schema)
        .filter(([e]) => off.has(e.regel) && !found.some((d) => covers(e.regel, d.rule)))
        .map(([e, i]) =>
          diagnosticAt(
            agreement.file,
            ["avstängda_regler", i, "regel"],
            "varning",
            "avstangd-regel-onodig",
            `Regeln ”${e.regel}” är avstängd men skulle inte varna för något i överenskommelsen. Ta bort den ur avstängda_regler.`,
          ),
        )
    : [];
  return [...stale, ...found.filter((d) => !isSwitchedOff(off, d.rule))];
}

/** The entries of `avstängda_regler` that passed the schema, with their indexes. */
const entries = (agreement: Agreement, schema: SchemaErrors) =>
  items(schema, agreement.file, ["avstängda_regler"], agreement.data.avstängda_regler).filter(
    ([, i]) => schema.valid(agreement.file, ["avstängda_regler", i]),
  );

/**
 * Diagnostics are data, collected from every stage and never thrown at a user.
 * Each carries its source position so the CLI can print `path:line:col: fel|varning: …`.
 */
import type { AmendRuleId } from "./amend/rule-ids.js";
import type { ComposeRuleId } from "./compose/rule-ids.js";
import type { DocumentRuleId } from "./document/rule-ids.js";
import type { LintRuleId } from "./lint/rule-ids.js";
import type { LoadRuleId } from "./load/rule-ids.js";
import type { RenderRuleId } from "./render/rule-ids.js";
import type { ValidateRuleId } from "./validate/rule-ids.js";

/**
 * Every rule id a user can meet, as each stage declares its own (`src/<stage>/rule-ids.ts`): the
 * compiler refuses a diagnostic with an id not declared, and a test checks that docs/regler.md
 * explains each.
 */
export type RuleId =
  | LoadRuleId
  | ValidateRuleId
  | LintRuleId
  | ComposeRuleId
  | DocumentRuleId
  | AmendRuleId
  | RenderRuleId;

export type Severity = "fel" | "varning";

export interface Diagnostic {
  /** File path as given to the tool (relative to the working directory where possible). */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  col: number;
  severity: Severity;
  /** Swedish message for the user. */
  message: string;
  /** Stable rule id, e.g. "organisationsnummer-kontrollsiffra". */
  rule: RuleId;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "fel");

/**
 * Sorts by file, then position, so output is stable: file names in Swedish order ("å", "ä", "ö"
 * after "z") whatever the machine's own locale.
 */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file, "sv-SE") ||
      a.line - b.line ||
      a.col - b.col ||
      a.rule.localeCompare(b.rule, "sv-SE"),
  );
}

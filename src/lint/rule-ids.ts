/** The warnings of the drafting lint (src/lint/); each is listed in docs/regler.md. */

/** The sections every IOP should have; a missing one is `saknat-avsnitt-<key>`. */
export const SECTION_KEYS = [
  "bakgrund",
  "parter",
  "vardegrund",
  "syfte-och-mal",
  "malgrupp",
  "styrgrupp",
  "ataganden",
  "uppfoljning",
  "ekonomi",
  "period",
  "uppsagning",
  "andringar",
  "brister",
  "oenighet",
  "signering",
] as const;

export type SectionKey = (typeof SECTION_KEYS)[number];

export const LINT_RULE_IDS = [
  ...SECTION_KEYS.map((key) => `saknat-avsnitt-${key}` as const),
  "egen-insats-saknas",
  "klarsprak",
  "stavning",
  "partnamn-varierar",
  "avstangd-regel-dubblett",
  "avstangd-regel-okand",
  "avstangd-regel-onodig",
] as const;

export type LintRuleId = (typeof LINT_RULE_IDS)[number] | `saknat-avsnitt-${SectionKey}`;

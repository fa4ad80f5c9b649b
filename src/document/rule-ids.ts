/** The diagnostics of building the document tree (src/document/); listed in docs/regler.md. */
export const DOCUMENT_RULE_IDS = [
  "hanvisning-avsnitt-saknas",
  "hanvisning-okand",
  "hanvisning-part-saknas",
] as const;

export type DocumentRuleId = (typeof DOCUMENT_RULE_IDS)[number];

/** The diagnostics of the amendment guard (src/amend/); each is listed in docs/regler.md. */
export const AMEND_RULE_IDS = [
  "andringslogg-ny-post",
  "andringsmarkering-saknas",
  "git-saknas",
  "git-version-har-fel",
  "manifest-ogiltigt",
] as const;

export type AmendRuleId = (typeof AMEND_RULE_IDS)[number];

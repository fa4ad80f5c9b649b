/** The diagnostics of composing the documents (src/compose/); each is listed in docs/regler.md. */
export const COMPOSE_RULE_IDS = [
  "avsnitt-for-djupt",
  "klausul-data-saknas",
  "klausul-fel-dokument",
  "klausul-forutsatter",
  "klausul-okand",
  "klausul-parameter-okand",
  "klausul-parameter-saknas",
  "lydelse-falt-kravs",
  "lydelse-falt-oanvant",
  "lydelse-falt-okant",
  "lydelse-falt-saknas",
  "lydelse-och-inledning",
  "lydelse-utan-klausul",
  "lydelse-utan-standardlydelse",
  "mall-argument",
  "mall-fel",
  "sammanstallning",
] as const;

/** Also reported while composing, under the validation rule's id (src/validate/rule-ids.ts). */
type SharedRuleId = "avsnitt-rubrik-saknas";

export type ComposeRuleId = (typeof COMPOSE_RULE_IDS)[number] | SharedRuleId;

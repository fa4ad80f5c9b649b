/** The diagnostics of the schemas and the rules (src/validate/); each is listed in docs/regler.md. */

/** The JSON Schema keywords the schemas use; an error of one is `schema-<keyword>`. */
export const SCHEMA_KEYWORDS = [
  "additionalProperties",
  "unevaluatedProperties",
  "required",
  "type",
  "pattern",
  "format",
  "enum",
  "const",
  "minLength",
  "minItems",
  "minProperties",
  "minimum",
  "exclusiveMinimum",
  "oneOf",
] as const;

export type SchemaKeywordRuleId = `schema-${Lowercase<(typeof SCHEMA_KEYWORDS)[number]>}`;

/** The rule id of an ajv error's keyword: "schema-minitems". */
export const schemaRule = (keyword: string): SchemaKeywordRuleId =>
  `schema-${keyword.toLowerCase()}` as SchemaKeywordRuleId;

export const VALIDATE_RULE_IDS = [
  ...SCHEMA_KEYWORDS.map(schemaRule),
  "schema-form",
  "schema-citera-text",
  "schema-kolon-i-text",
  "schema-nyckel-saknas",
  "schema-okand-nyckel",
  "schema-saknas-ej-tillatet",
  "schema-tal-med-mellanslag",
  "avsnitt-rubrik-oanvand",
  "avsnitt-rubrik-saknas",
  "avsnitt-tomt",
  "belopp-per-ar-dubblett",
  "belopp-per-ar-utanfor-period",
  "bilaga-nummer-dubblett",
  "bilaga-nummer-lucka",
  "bilaga-part-dubblett",
  "bilaga-part-saknas",
  "bilaga-saknas-for-part",
  "bilaga-undertecknare-saknas",
  "budget-over-tak",
  "budget-per-ar-summa",
  "budget-summa",
  "budget-summa-okontrollerad",
  "finansiering-over-fordelning",
  "finansiering-over-tak",
  "finansiering-part-dubblett",
  "finansiering-part-saknas",
  "forvaltning-ideburen",
  "hanvisning-part",
  "hanvisning-organ",
  "hanvisning-avsnitt",
  "hanvisning-avsnitt-utan-rubrik",
  "hanvisning-onumrerat-avsnitt",
  "id-dubblett",
  "id-mappnamn",
  "organisationsnummer-kontrollsiffra",
  "organisationsnummer-tredje-siffra",
  "period-langst-till-fore-slut",
  "period-slut-eller-manader",
  "period-slut-fore-start",
  "samlingsnamn-utan-ideburna",
  "signering-saknas",
  "undertecknare-saknas",
  "uppgift-saknas",
  "uppgift-visas-inte",
  "uppsagning-efter-slut",
  "utkast",
] as const;

export type ValidateRuleId = (typeof VALIDATE_RULE_IDS)[number];

/** The diagnostics reading and parsing can give (src/load/); each is listed in docs/regler.md. */
import type { ErrorCode } from "yaml";

/** A yaml library error code as a rule id: DUPLICATE_KEY → "duplicate-key". */
type Kebab<S extends string> = S extends `${infer A}_${infer B}`
  ? `${Lowercase<A>}-${Kebab<B>}`
  : Lowercase<S>;

/** Every error code of the yaml library; the type check keeps the list complete. */
export const YAML_ERROR_CODES = [
  "ALIAS_PROPS",
  "BAD_ALIAS",
  "BAD_DIRECTIVE",
  "BAD_DQ_ESCAPE",
  "BAD_INDENT",
  "BAD_PROP_ORDER",
  "BAD_SCALAR_START",
  "BLOCK_AS_IMPLICIT_KEY",
  "BLOCK_IN_FLOW",
  "DUPLICATE_KEY",
  "IMPOSSIBLE",
  "KEY_OVER_1024_CHARS",
  "MISSING_CHAR",
  "MULTILINE_IMPLICIT_KEY",
  "MULTIPLE_ANCHORS",
  "MULTIPLE_DOCS",
  "MULTIPLE_TAGS",
  "NON_STRING_KEY",
  "RESOURCE_EXHAUSTION",
  "TAB_AS_INDENT",
  "TAG_RESOLVE_FAILED",
  "UNEXPECTED_TOKEN",
  "BAD_COLLECTION_TYPE",
] as const satisfies readonly ErrorCode[];
// Fails to compile when a yaml upgrade adds an error code the list lacks.
const allYamlCodes: readonly (typeof YAML_ERROR_CODES)[number][] = [] as ErrorCode[];
void allYamlCodes;

/** The rule id of a yaml error code without a message of its own: "yaml-duplicate-key". */
export const yamlRule = (code: ErrorCode): YamlCodeRuleId =>
  `yaml-${code.toLowerCase().replaceAll("_", "-")}` as YamlCodeRuleId;

export type YamlCodeRuleId = `yaml-${Kebab<ErrorCode>}`;

export const LOAD_RULE_IDS = [
  "indata-saknas",
  "mapp-saknas",
  "overenskommelse-saknas",
  "git-version-saknas",
  "fil-kan-inte-lasas",
  "fil-inte-vanlig",
  "fil-lank",
  "fil-lank-utanfor",
  "fil-for-stor",
  "fil-binar",
  "fil-inte-utf8",
  "fil-tom",
  "otillatet-tecken",
  "text-for-lang",
  "markdown-for-djup",
  "yaml-fel",
  "yaml-varning",
  "yaml-indrag",
  "yaml-kolon-i-varde",
  "yaml-for-djup",
  "yaml-aliasbomb",
  ...YAML_ERROR_CODES.map(yamlRule),
] as const;

export type LoadRuleId = (typeof LOAD_RULE_IDS)[number] | YamlCodeRuleId;

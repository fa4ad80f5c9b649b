import type { Diagnostic, RuleId, Severity } from "../../diagnostics.js";
import { type TextDirectiveAt, textDirectives } from "../../document/parse.js";
import { locate, locateInScalar, type SourceFile, type YamlPath } from "../../load/source.js";
import { type Agreement, known, periodEnd } from "../../model.js";
import type { Arsbelopp, Avsnitt, Budget, Part, Period } from "../../schemas/types.generated.js";
import type { SchemaErrors } from "../schema-errors.js";

/** "1 500 000 kr", an amount in a message (src/format.ts, as in the documents). */
export { formatAmount as kr } from "../../format.js";

/**
 * Makes a diagnostic at the YAML node found by `path` in `file`. With `at` a number, at that
 * character of the node's text (e.g. the id in `:part[id]`); with `at: "key"`, at the key of that
 * node (for a block that is one fact: "beslut:" rather than its first field).
 */
export function diagnosticAt(
  file: SourceFile,
  path: YamlPath,
  severity: Severity,
  rule: RuleId,
  message: string,
  at?: number | "key",
): Diagnostic {
  const { line, col } =
    typeof at === "number" ? locateInScalar(file, path, at) : locate(file, path, at === "key");
  return { file: file.path, line, col, severity, message, rule };
}

/**
 * How a message names the party at `parter[i]`: its namn, else its id (each only when it passed
 * the schema), else "Parten nr N" (messages put it first in a sentence).
 */
export function partyName(
  schema: SchemaErrors,
  file: SourceFile,
  parter: readonly Part[],
  i: number,
): string {
  const part = parter[i];
  if (part && schema.valid(file, ["parter", i, "namn"])) return part.namn;
  if (part && schema.valid(file, ["parter", i, "id"])) return part.id;
  return `Parten nr ${i + 1}`;
}

const directives = new WeakMap<SourceFile, Map<string, readonly TextDirectiveAt[]>>();

/**
 * `textDirectives` of a text of `file`, parsed once per file and text: the validation rules
 * (hanvisningar) and the lint (partnamn) both read the directives of the same texts, and one text
 * may stand twice in a file. Held as long as the file is.
 */
export function directivesIn(file: SourceFile, text: string): readonly TextDirectiveAt[] {
  let byText = directives.get(file);
  if (!byText) {
    byText = new Map();
    directives.set(file, byText);
  }
  let found = byText.get(text);
  if (!found) {
    found = textDirectives(text);
    byText.set(text, found);
  }
  return found;
}

/** Every YAML document of an agreement: the agreement itself and each bilaga. */
export function documents(agreement: Agreement): { file: SourceFile; value: unknown }[] {
  return [
    { file: agreement.file, value: agreement.data },
    ...agreement.bilagor.map((b) => ({ file: b.file, value: b.data as unknown })),
  ];
}

/**
 * Visits every value in a data tree with its path, except where the schema found the value or
 * one above it of the wrong form (see SchemaErrors.formed).
 */
export function walk(
  schema: SchemaErrors,
  file: SourceFile,
  value: unknown,
  visit: (value: unknown, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if (!schema.formed(file, path)) return;
  visit(value, path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(schema, file, v, visit, [...path, i]);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(schema, file, v, visit, [...path, k]);
  }
}

/**
 * The items of the list at `path` (`list` is its value) that have the schema's form, with their
 * indexes: none when the list itself is of the wrong form or absent.
 */
export function items<T>(
  schema: SchemaErrors,
  file: SourceFile,
  path: YamlPath,
  list: readonly T[] | undefined,
): [T, number][] {
  if (!Array.isArray(list) || !schema.formed(file, path)) return [];
  return list.flatMap((item, i): [T, number][] =>
    schema.formed(file, [...path, i]) ? [[item, i]] : [],
  );
}

/**
 * The ids of the items of the list at `path`, each with its path, and whether they are all there:
 * `complete` is false when the list or any item has a schema error (its id may be misspelt), so
 * an id not among them may still be one the user meant: a rule cannot then tell that a reference
 * is unresolved.
 */
export function itemIds(
  schema: SchemaErrors,
  file: SourceFile,
  path: YamlPath,
  list: readonly { id?: string }[] | undefined,
): { ids: { id: string; path: (string | number)[] }[]; complete: boolean } {
  const found = items(schema, file, path, list).flatMap(([item, i]) => {
    const at = [...path, i, "id"];
    return schema.valid(file, at) && typeof item.id === "string" ? [{ id: item.id, path: at }] : [];
  });
  const complete =
    schema.formed(file, path) && (list ?? []).every((_, i) => schema.valid(file, [...path, i]));
  return { ids: found, complete };
}

/** The sections' parameters that name something: a body (organ, forum) or a party (part). */
const NAMING_PARAMETERS = ["organ", "forum", "part"] as const;

/**
 * What the sections of a document use, subsections included: their clauses and the values of
 * their naming parameters. Whether each set is `complete`: a section with a schema error may have
 * a misspelt `klausul` or `parametrar` (or be of the wrong form), so a rule cannot then tell that
 * a clause or a name is unused. Values that passed the schema are collected all the same.
 */
export interface SectionUse {
  clauses: Set<string>;
  clausesComplete: boolean;
  parameters: Record<(typeof NAMING_PARAMETERS)[number], Set<string>>;
  parametersComplete: boolean;
}

const emptySectionUse = (): SectionUse => ({
  clauses: new Set(),
  clausesComplete: true,
  parameters: { organ: new Set(), forum: new Set(), part: new Set() },
  parametersComplete: true,
});

/** Adds the clause one section uses (see sectionUse). */
function clauseUse(
  schema: SchemaErrors,
  file: SourceFile,
  s: Avsnitt,
  at: YamlPath,
  whole: boolean,
  into: SectionUse,
): void {
  if (s.klausul === undefined) {
    if (!whole) into.clausesComplete = false;
  } else if (schema.valid(file, [...at, "klausul"]) && typeof s.klausul === "string") {
    into.clauses.add(s.klausul);
  } else into.clausesComplete = false;
}

/** Adds the parties and bodies one section's clause parameters name (see sectionUse). */
function parameterUse(
  schema: SchemaErrors,
  file: SourceFile,
  s: Avsnitt,
  at: YamlPath,
  whole: boolean,
  into: SectionUse,
): void {
  if (s.parametrar === undefined) {
    if (!whole) into.parametersComplete = false;
    return;
  }
  if (!schema.formed(file, [...at, "parametrar"])) {
    into.parametersComplete = false;
    return;
  }
  if (!schema.valid(file, [...at, "parametrar"])) into.parametersComplete = false;
  for (const key of NAMING_PARAMETERS) {
    const v = s.parametrar[key];
    if (typeof v === "string" && schema.valid(file, [...at, "parametrar", key])) {
      into.parameters[key].add(v);
    }
  }
}

/** Adds what the sections at `path` (`sections` is their value) use to `into`; see SectionUse. */
export function sectionUse(
  schema: SchemaErrors,
  file: SourceFile,
  sections: readonly Avsnitt[] | undefined,
  path: YamlPath = ["avsnitt"],
  into: SectionUse = emptySectionUse(),
): SectionUse {
  if (!schema.formed(file, path)) {
    into.clausesComplete = false;
    into.parametersComplete = false;
    return into;
  }
  if (!Array.isArray(sections)) return into;
  sections.forEach((s, i) => {
    const at = [...path, i];
    if (!schema.formed(file, at)) {
      into.clausesComplete = false;
      into.parametersComplete = false;
      return;
    }
    // Without a klausul (or parametrar), a section with a schema error may have misspelt the key.
    const whole = schema.valid(file, at);
    clauseUse(schema, file, s, at, whole, into);
    parameterUse(schema, file, s, at, whole, into);
    sectionUse(schema, file, s.avsnitt, [...at, "avsnitt"], into);
  });
  return into;
}

/** What the sections of the agreement and of every bilaga use, together. */
export function agreementSectionUse(agreement: Agreement, schema: SchemaErrors): SectionUse {
  const use = sectionUse(schema, agreement.file, agreement.data.avsnitt);
  for (const b of agreement.bilagor) sectionUse(schema, b.file, b.data.avsnitt, ["avsnitt"], use);
  return use;
}

/**
 * Whether the amounts a budget's total is the sum of (its rows; without rows, its amounts per
 * year) passed the schema, so `budgetSum` may be taken: otherwise the sum would be wrong for a
 * reason already reported. A budget without rows must have no schema error at all: `rader` may
 * be misspelt.
 */
export function budgetAmountsValid(
  schema: SchemaErrors,
  file: SourceFile,
  budget: Pick<Budget, "rader"> | undefined,
  path: YamlPath,
): boolean {
  if (!budget || !schema.formed(file, path)) return false;
  return Array.isArray(budget.rader) && budget.rader.length > 0
    ? schema.valid(file, [...path, "rader"])
    : schema.valid(file, path);
}

/**
 * The key that ends the initial period, when exactly one of inledande_slut and månader is given;
 * undefined when both or neither are (the period rule reports that).
 */
export function periodEndKey(period: Period): "inledande_slut" | "månader" | undefined {
  const hasEnd = period.inledande_slut !== undefined;
  if (hasEnd === (period.månader !== undefined)) return undefined;
  return hasEnd ? "inledande_slut" : "månader";
}

/**
 * The years the partnership covers: from the start's year to the year of the latest end (of the
 * extension, else of the initial period); an extension without a latest end leaves the period
 * open, so no year is after it. Undefined when the period has a schema error or not exactly one
 * of inledande_slut and månader (the schema and the period rule tell).
 */
export function periodYears(
  schema: SchemaErrors,
  file: SourceFile,
  period: Period | undefined,
): { first: number; last: number } | undefined {
  const valid = (...path: string[]) => schema.valid(file, ["period", ...path]);
  if (!schema.formed(file, ["period"]) || period === null || typeof period !== "object") return;
  const endKey = periodEndKey(period);
  if (!endKey || !valid("start") || !valid(endKey)) return;
  // Without förlängning the period ends with the initial one, unless the key is misspelt.
  if (period.förlängning === undefined ? !valid() : !valid("förlängning")) return;
  const first = Number(period.start.slice(0, 4));
  const extension = known(period.förlängning);
  const last =
    extension && extension.längst_till === undefined
      ? Number.POSITIVE_INFINITY
      : Number((extension?.längst_till ?? periodEnd(period)).slice(0, 4));
  return { first, last };
}

/**
 * Amounts per year at `path` (`years` is their value): each year once, and within the
 * partnership's years (a warning: an amount for a year the partnership does not cover is likely a
 * typing error; not checked when `span` is undefined). A year with a schema error is left out.
 */
/** "2025", "2025–2027" or, open-ended, "från 2025". */
const yearSpan = ({ first, last }: { first: number; last: number }): string =>
  first === last
    ? String(first)
    : last === Number.POSITIVE_INFINITY
      ? `från ${first}`
      : `${first}–${last}`;

export function checkYears(
  schema: SchemaErrors,
  file: SourceFile,
  years: readonly Arsbelopp[] | undefined,
  path: (string | number)[],
  span: { first: number; last: number } | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const [y, i] of items(schema, file, path, years)) {
    const at = [...path, i, "år"];
    if (!schema.valid(file, at)) continue;
    if (seen.has(y.år)) {
      out.push(
        diagnosticAt(
          file,
          at,
          "fel",
          "belopp-per-ar-dubblett",
          `År ${y.år} förekommer mer än en gång bland beloppen per år.`,
        ),
      );
    }
    seen.add(y.år);
    if (span && (y.år < span.first || y.år > span.last)) {
      out.push(
        diagnosticAt(
          file,
          at,
          "varning",
          "belopp-per-ar-utanfor-period",
          `År ${y.år} ligger utanför partnerskapets period (${yearSpan(span)}).`,
        ),
      );
    }
  }
  return out;
}

import type { Diagnostic } from "../diagnostics.js";
import { sourceRangeInScalar } from "../load/source.js";
import type { Agreement } from "../model.js";
import { readData } from "../paths.js";
import { diagnosticAt } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";
import { AFTER_WORD, BEFORE_WORD, escapeRegExp, type TextValue, textValues } from "./strings.js";

/** One entry of data/klarsprak.json (documented there and in docs/granskning.md). */
export interface Replacement {
  skriv_inte: string;
  skriv: string;
  regel: "klarsprak" | "stavning";
  skäl: string;
  säker: boolean;
}

/** The rule ids of the list: plain-Swedish rewrites and common misspellings. */
export const WORDING_RULES = ["klarsprak", "stavning"] as const;

let list: { entry: Replacement; pattern: RegExp }[] | undefined;

/** The list, read once, each entry with its pattern (whole words, any case, any spacing). */
export function replacements(): { entry: Replacement; pattern: RegExp }[] {
  list ??= (readData("klarsprak.json") as { ersättningar: Replacement[] }).ersättningar.map(
    (entry) => ({
      entry,
      pattern: new RegExp(
        `${BEFORE_WORD}${entry.skriv_inte.split(/\s+/).map(escapeRegExp).join("\\s+")}${AFTER_WORD}`,
        "giu",
      ),
    }),
  );
  return list;
}

/** The suggestion in the case of what was found: a capital first letter stays capital. */
function inCase(found: string, suggestion: string): string {
  const first = found[0] ?? "";
  return first !== first.toLowerCase()
    ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1)
    : suggestion;
}

/** One place where the list finds something, with its suggestion and, when safe, the edit. */
export interface WordingFinding {
  value: TextValue;
  entry: Replacement;
  /** Index of the match in the value, and the text found there. */
  index: number;
  found: string;
  suggestion: string;
  /** The source range to replace with `suggestion`, when the entry is safe and the source holds
   * the found text as written (see sourceRangeInScalar). */
  edit?: { start: number; end: number };
}

export function wordingFindings(agreement: Agreement, schema: SchemaErrors): WordingFinding[] {
  const out: WordingFinding[] = [];
  for (const value of textValues(agreement, schema)) {
    for (const { entry, pattern } of replacements()) {
      for (const m of value.text.matchAll(pattern)) {
        const found = m[0];
        const index = m.index;
        const edit = entry.säker
          ? sourceRangeInScalar(value.file, value.path, index, index + found.length)
          : undefined;
        out.push({
          value,
          entry,
          index,
          found,
          suggestion: inCase(found, entry.skriv),
          ...(edit ? { edit } : {}),
        });
      }
    }
  }
  return out;
}

/** The warning of a finding, at the found text's own line and column. */
export function wordingDiagnostic(f: WordingFinding): Diagnostic {
  const fix = f.edit ? " (rättas med iop check --fix)" : "";
  return diagnosticAt(
    f.value.file,
    f.value.path,
    "varning",
    f.entry.regel,
    `Skriv ”${f.suggestion}” i stället för ”${f.found}”: ${f.entry.skäl}${fix}`,
    f.index,
  );
}

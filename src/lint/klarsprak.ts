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

let list: Replacement[] | undefined;
let patterns: { entry: Replacement; pattern: RegExp }[] | undefined;
let combined: RegExp | undefined;

/** The entries of data/klarsprak.json, read once. */
const entries = (): Replacement[] =>
  (list ??= (readData("klarsprak.json") as { ersättningar: Replacement[] }).ersättningar);

/** What an entry finds between the word boundaries: its words, with any spacing between them. */
const body = (entry: Replacement): string =>
  entry.skriv_inte.split(/\s+/).map(escapeRegExp).join("\\s+");

/**
 * Each entry with its own pattern (whole words, any case, any spacing), built once: what the list
 * means, one entry at a time. The lint scans with `listPattern`, which finds the same.
 */
export function replacements(): { entry: Replacement; pattern: RegExp }[] {
  patterns ??= entries().map((entry) => ({
    entry,
    pattern: new RegExp(`${BEFORE_WORD}${body(entry)}${AFTER_WORD}`, "giu"),
  }));
  return patterns;
}

/**
 * The whole list as one pattern, built once: entry i's words in group i + 1, between the same
 * boundaries and with the same flags as its own pattern. One scan of a text finds what a scan per
 * entry finds, because no two entries can match the same words (an entry's words are lower-case
 * letters, each matches a whole word of the text, and no entry shares words with another at
 * its start, end or inside: test/lint/klarsprak.test.ts asserts both of the list). A scan per
 * entry, each pattern compiled with Unicode classes in any case, was most of the lint's time.
 */
function listPattern(): RegExp {
  combined ??= new RegExp(
    `${BEFORE_WORD}(?:${entries()
      .map((e) => `(${body(e)})`)
      .join("|")})${AFTER_WORD}`,
    "giu",
  );
  return combined;
}

/**
 * Where the list finds something in a text, as the entries' own patterns find it: by entry, each
 * entry's matches in order. (Scanned with `exec` on the one pattern: `matchAll` would copy it for
 * every text.)
 */
export function listMatches(text: string): { entry: Replacement; index: number; found: string }[] {
  const pattern = listPattern();
  const matches: { at: number; m: RegExpExecArray }[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    matches.push({ at: m.findIndex((g, i) => i > 0 && g !== undefined) - 1, m });
    // An entry's words are never empty (test/lint/klarsprak.test.ts); should one be, step on.
    if (m[0] === "") pattern.lastIndex = m.index + 1;
  }
  const list = entries();
  return matches
    .sort((a, b) => a.at - b.at)
    .map(({ at, m }) => ({ entry: list[at] as Replacement, index: m.index, found: m[0] }));
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

/**
 * What the list finds in the agreement's texts, in document order, by entry within a text; each
 * safe finding with its edit, for --fix.
 */
export function wordingFindings(agreement: Agreement, schema: SchemaErrors): WordingFinding[] {
  const out: WordingFinding[] = [];
  for (const value of textValues(agreement, schema)) {
    for (const { entry, index, found } of listMatches(value.text)) {
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

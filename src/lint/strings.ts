import type { SourceFile } from "../load/source.js";
import type { Agreement } from "../model.js";
import { documents, walk } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";

/** A text value of the YAML with where it is. */
export interface TextValue {
  file: SourceFile;
  path: (string | number)[];
  text: string;
}

/** Keys whose values are ids or settings, not text a reader meets. */
const NOT_TEXT = new Set([
  "id",
  "klausul",
  "part",
  "av",
  "organ",
  "forum",
  "regel",
  "sektor",
  "typ",
]);
/** Keys whose subtree is not agreement text (the switch-offs and their reasons). */
const SKIP_SUBTREE = "avstängda_regler";
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

const walked = new WeakMap<Agreement, { schema: SchemaErrors; values: readonly TextValue[] }>();

/**
 * Every string of the agreement and its bilagor that is text (not an id, a slug or a setting),
 * each with its file and path, in document order; values with schema errors above them are left
 * out (see `walk`).
 */
export function textValues(agreement: Agreement, schema: SchemaErrors): readonly TextValue[] {
  // Two rules read them (klarsprak, partnamn): walked once per agreement and schema check.
  const known = walked.get(agreement);
  if (known?.schema === schema) return known.values;
  const out: TextValue[] = [];
  for (const { file, value } of documents(agreement)) {
    walk(schema, file, value, (v, path) => {
      if (typeof v !== "string" || path.includes(SKIP_SUBTREE)) return;
      const key = path.findLast((p) => typeof p === "string");
      if (typeof key === "string" && NOT_TEXT.has(key)) return;
      if (SLUG.test(v)) return;
      out.push({ file, path, text: v });
    });
  }
  walked.set(agreement, { schema, values: out });
  return out;
}

/** Where a word may begin or end: not inside a run of letters and digits. */
export const BEFORE_WORD = "(?<![\\p{L}\\p{N}])";
export const AFTER_WORD = "(?![\\p{L}\\p{N}])";

/** Escapes a literal for a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

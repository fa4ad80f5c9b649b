import type { Diagnostic, Severity } from "../../diagnostics.js";
import { locate, locateInScalar, type SourceFile, type YamlPath } from "../../load/source.js";
import type { Agreement } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";

/**
 * Makes a diagnostic at the YAML node found by `path` in `file`; with `valueOffset`, at that
 * character of the node's text (e.g. the id in `:part[id]`).
 */
export function diagnosticAt(
  file: SourceFile,
  path: YamlPath,
  severity: Severity,
  rule: string,
  message: string,
  valueOffset?: number,
): Diagnostic {
  const { line, col } =
    valueOffset === undefined ? locate(file, path) : locateInScalar(file, path, valueOffset);
  return { file: file.path, line, col, severity, message, rule };
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

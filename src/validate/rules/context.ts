import type { Diagnostic, Severity } from "../../diagnostics.js";
import { locate, locateInScalar, type SourceFile, type YamlPath } from "../../load/source.js";
import type { Agreement } from "../../model.js";

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

/** Visits every value in a data tree with its path. */
export function walk(
  value: unknown,
  visit: (value: unknown, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  visit(value, path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, visit, [...path, i]);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, visit, [...path, k]);
  }
}

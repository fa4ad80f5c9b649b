import type { Diagnostic, Severity } from "../../diagnostics.js";
import { locate, type SourceFile, type YamlPath } from "../../load/source.js";
import { type Agreement, known, periodEnd } from "../../model.js";
import type { Arsbelopp, Avsnitt, Period } from "../../schemas/types.generated.js";

/**
 * Makes a diagnostic at the YAML node found by `path` in `file`; with `key`, at the key of that
 * node (for a block that is one fact: "beslut:" rather than its first field).
 */
export function diagnosticAt(
  file: SourceFile,
  path: YamlPath,
  severity: Severity,
  rule: string,
  message: string,
  key = false,
): Diagnostic {
  const { line, col } = locate(file, path, key);
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

/** The clauses the sections of a document use, subsections included. */
export function clausesOf(sections: readonly Avsnitt[] | undefined, into = new Set<string>()) {
  for (const s of sections ?? []) {
    if (s.klausul) into.add(s.klausul);
    clausesOf(s.avsnitt, into);
  }
  return into;
}

/** Every value of `parametrar[key]` in the sections of a document, subsections included. */
export function parameterValues(
  sections: readonly Avsnitt[] | undefined,
  key: "organ" | "forum" | "part",
  into = new Set<string>(),
): Set<string> {
  for (const s of sections ?? []) {
    const v = s.parametrar?.[key];
    if (v) into.add(v);
    parameterValues(s.avsnitt, key, into);
  }
  return into;
}

/**
 * Amounts per year: each year once, and within the agreement's period (a warning: an amount for a
 * year the partnership does not cover is likely a typing error).
 */
export function checkYears(
  file: SourceFile,
  years: readonly Arsbelopp[] | undefined,
  path: (string | number)[],
  period: Period,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = Number(period.start.slice(0, 4));
  const end = periodEnd(period);
  const extension = known(period.förlängning);
  // An extension without a latest end leaves the period open: no year is after it.
  const last =
    extension && extension.längst_till === undefined
      ? Number.POSITIVE_INFINITY
      : Number((extension?.längst_till ?? end).slice(0, 4));
  const seen = new Set<number>();
  (years ?? []).forEach((y, i) => {
    if (seen.has(y.år)) {
      out.push(
        diagnosticAt(
          file,
          [...path, i, "år"],
          "fel",
          "belopp-per-ar-dubblett",
          `År ${y.år} förekommer mer än en gång bland beloppen per år.`,
        ),
      );
    }
    seen.add(y.år);
    if (y.år < first || y.år > last) {
      out.push(
        diagnosticAt(
          file,
          [...path, i, "år"],
          "varning",
          "belopp-per-ar-utanfor-period",
          `År ${y.år} ligger utanför partnerskapets period (${first === last ? first : last === Number.POSITIVE_INFINITY ? `från ${first}` : `${first}–${last}`}).`,
        ),
      );
    }
  });
  return out;
}

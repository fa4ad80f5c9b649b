import { type Diagnostic, formatDiagnostic, sortDiagnostics } from "../diagnostics.js";
import type { Io } from "./command.js";

/** Prints diagnostics as `path:line:col: fel|varning: message [rule]` lines, or as JSON. */
export function reportDiagnostics(
  io: Io,
  diagnostics: Diagnostic[],
  format: "text" | "json",
): void {
  const sorted = sortDiagnostics(diagnostics);
  if (format === "json") {
    io.stdout(`${JSON.stringify(sorted, null, 2)}\n`);
    return;
  }
  for (const d of sorted) io.stderr(`${formatDiagnostic(d)}\n`);
  const errors = sorted.filter((d) => d.severity === "fel").length;
  const warnings = sorted.length - errors;
  if (sorted.length > 0) {
    io.stderr(
      `${errors} ${errors === 1 ? "fel" : "fel"}, ${warnings} ${warnings === 1 ? "varning" : "varningar"}\n`,
    );
  }
}

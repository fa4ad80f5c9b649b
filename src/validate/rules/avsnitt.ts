import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, Avsnitt } from "../../model.js";
import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

function check(
  file: SourceFile,
  sections: readonly Avsnitt[],
  base: (string | number)[],
): Diagnostic[] {
  return sections.flatMap((s, i) => {
    const path = [...base, i];
    const out: Diagnostic[] = [];
    if (s.utan_rubrik && s.rubrik) {
      out.push(
        diagnosticAt(
          file,
          [...path, "rubrik"],
          "varning",
          "avsnitt-rubrik-oanvand",
          "Avsnittet har utan_rubrik: true, så rubriken skrivs inte ut. Ta bort rubrik eller utan_rubrik.",
        ),
      );
    }
    if (!s.klausul && !s.rubrik && !s.utan_rubrik) {
      out.push(
        diagnosticAt(
          file,
          path,
          "fel",
          "avsnitt-rubrik-saknas",
          "Avsnittet saknar både klausul och rubrik. Ange klausul: <namn> eller rubrik: <text>.",
        ),
      );
    }
    if (!s.klausul && !s.text && !s.avsnitt?.length) {
      out.push(
        diagnosticAt(
          file,
          path,
          "fel",
          "avsnitt-tomt",
          "Avsnittet har ingen text, klausul eller underavsnitt.",
        ),
      );
    }
    return [...out, ...check(file, s.avsnitt ?? [], [...path, "avsnitt"])];
  });
}

/**
 * Every section has a heading (its own or its clause's; none with `utan_rubrik`, which then makes
 * a `rubrik` pointless) and some content. What a library clause
 * needs from the data, and which document it belongs in, the compose stage checks: the templates
 * know it (iop check runs both).
 */
export const avsnitt: Rule = {
  id: "avsnitt",
  run(agreement: Agreement) {
    return [
      ...check(agreement.file, agreement.data.avsnitt, ["avsnitt"]),
      ...agreement.bilagor.flatMap((b) => check(b.file, b.data.avsnitt, ["avsnitt"])),
    ];
  },
};

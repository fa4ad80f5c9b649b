import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, Avsnitt } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { diagnosticAt, items } from "./context.js";
import type { Rule } from "./index.js";

function check(
  schema: SchemaErrors,
  file: SourceFile,
  sections: readonly Avsnitt[] | undefined,
  base: (string | number)[],
): Diagnostic[] {
  return items(schema, file, base, sections).flatMap(([s, i]) => {
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
    // What a section lacks is only told when it has no schema error (a key may be misspelt).
    const whole = schema.valid(file, path);
    if (whole && !s.klausul && !s.rubrik && !s.utan_rubrik) {
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
    if (whole && !s.klausul && !s.text && !s.avsnitt?.length) {
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
    return [...out, ...check(schema, file, s.avsnitt, [...path, "avsnitt"])];
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
  run(agreement: Agreement, schema) {
    return [
      ...check(schema, agreement.file, agreement.data.avsnitt, ["avsnitt"]),
      ...agreement.bilagor.flatMap((b) => check(schema, b.file, b.data.avsnitt, ["avsnitt"])),
    ];
  },
};

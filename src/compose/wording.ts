import type { RuleId } from "../diagnostics.js";
/**
 * An agreement's own wording of a clause (`lydelse` on a section): it replaces the clause's
 * default wording (the `{{#lydelse}}…{{/lydelse}}` block of its template) word for word, while
 * the facts in it stay derived from the data: `{start}`, `{exemplar}`, `{forum}` are filled by
 * the clause's field templates (`fält start: …` in its front matter). A field written with a
 * capital (`{Forum}`) starts with a capital. `\{` is a literal brace.
 *
 * Checked: an unknown field, a field whose data is missing, a required field left out (errors),
 * and a field that has a value in the data but the own wording leaves out (a warning: the text
 * may no longer say what the data says). Whether the default wording would print that value
 * (the notice day of a period that is not extended, say) is not asked.
 */

import { capitalize } from "../format.js";
import type { ComposeRoot, SectionView } from "./context.js";
import type { Clause } from "./engine.js";
import { type ComposeProblem, isComposeError } from "./errors.js";

/** `{name}` not preceded by a backslash. */
const FIELD = /(?<!\\)\{([\p{L}_][\p{L}\p{N}_]*)\}/gu;

const fieldList = (clause: Clause) =>
  clause.fields.size > 0
    ? `har fälten ${[...clause.fields.keys()].map((f) => `{${f}}`).join(", ")}`
    : "har inga fält";

const NO_DATA = "uppgiften finns inte i data.";

interface Frame {
  root: ComposeRoot;
  problems: ComposeProblem[];
}

/**
 * The section's own wording with its fields filled in; problems go to `frame.problems` at the
 * `lydelse` of the section, each at its field.
 */
export function ownWording(clause: Clause, section: SectionView, frame: Frame): string {
  const text = section.lydelse || "";
  const path = [...section.sökväg, "lydelse"];
  const report = (message: string, rule: RuleId, offset?: number, severity?: "varning") =>
    frame.problems.push({
      message,
      rule,
      path,
      ...(offset !== undefined ? { offset } : {}),
      ...(severity ? { severity } : {}),
    });
  const values = new Map<string, { value: string } | { error: string }>();
  const fieldValue = (field: string) => {
    let v = values.get(field);
    if (!v) {
      v = fill(clause, field, section, frame);
      values.set(field, v);
    }
    return v;
  };
  const used = new Set<string>();
  const filled = text.replace(FIELD, (whole, written: string, offset: number) => {
    const field = written.charAt(0).toLocaleLowerCase("sv-SE") + written.slice(1);
    if (!clause.fields.has(field)) {
      report(
        `Okänt fält {${written}} i lydelsen. Klausulen ${clause.name} ${fieldList(clause)}.`,
        "lydelse-falt-okant",
        offset,
      );
      return whole;
    }
    used.add(field);
    const v = fieldValue(field);
    if ("error" in v) {
      report(`Fältet {${written}} kan inte fyllas i: ${v.error}`, "lydelse-falt-saknas", offset);
      return whole;
    }
    return written === field ? v.value : capitalize(v.value);
  });
  for (const field of clause.required) {
    // Required where the data has the fact (an electronic signing has no number of copies).
    if (used.has(field) || !("value" in fieldValue(field))) continue;
    report(
      `Lydelsen måste innehålla fältet {${field}}, så att uppgiften härleds ur data och inte skrivs för hand.`,
      "lydelse-falt-kravs",
    );
  }
  for (const field of clause.fields.keys()) {
    if (used.has(field) || clause.required.includes(field)) continue;
    const v = fieldValue(field);
    if ("value" in v) {
      report(
        `Lydelsen använder inte fältet {${field}} ("${v.value}"), som har ett värde i data. Kontrollera att texten säger samma sak som data.`,
        "lydelse-falt-oanvant",
        undefined,
        "varning",
      );
    }
  }
  return filled;
}

/** A field's value, or why it has none. */
function fill(
  clause: Clause,
  field: string,
  section: SectionView,
  frame: Frame,
): { value: string } | { error: string } {
  try {
    const template = clause.fields.get(field);
    const value = template?.(section, { data: frame }).trim() ?? "";
    return value ? { value } : { error: NO_DATA };
  } catch (error) {
    // Strict templates throw a plain Error for a field the data lacks.
    return { error: isComposeError(error) ? error.message : NO_DATA };
  }
}

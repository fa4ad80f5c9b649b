import type { Diagnostic } from "../../diagnostics.js";
import { formatDate } from "../../format.js";
import { dateRange, known, noticeDeadline, periodEnd } from "../../model.js";
import { diagnosticAt, periodEndKey } from "./context.js";
import type { Rule } from "./index.js";

/**
 * The initial period ends at inledande_slut or after månader, not both; dates in order: start ≤ end
 * of the initial period ≤ latest end; a notice rule must leave a day within the initial period on
 * which notice can be given before that period ends. Dates with schema errors are left alone.
 */
export const period: Rule = {
  id: "period",
  run({ data, file }, schema) {
    const out: Diagnostic[] = [];
    const p = data.period;
    const valid = (...path: string[]) => schema.valid(file, ["period", ...path]);
    if (!schema.formed(file, ["period"]) || p === null || typeof p !== "object") return out;
    // The initial period ends at inledande_slut or after månader: exactly one of them is given.
    // That neither is given is only told when the period has no schema error (a key may be
    // misspelt); that both are, when both passed the schema.
    const endKey = periodEndKey(p);
    if (endKey === undefined) {
      const hasMonths = p.månader !== undefined;
      if (hasMonths ? valid("inledande_slut") && valid("månader") : valid()) {
        out.push(
          diagnosticAt(
            file,
            ["period"],
            "fel",
            "period-slut-eller-manader",
            hasMonths
              ? "Ange antingen inledande_slut eller månader för perioden, inte båda."
              : "Perioden saknar slut: ange inledande_slut (sista dagen, månaden eller året) eller månader (periodens längd).",
            "key",
          ),
        );
      }
      return out;
    }
    // Every check compares with the initial period.
    if (!valid("start") || !valid(endKey)) return out;
    const start = dateRange(p.start);
    const endValue = periodEnd(p);
    const end = dateRange(endValue);
    if (end.last < start.first) {
      out.push(
        diagnosticAt(
          file,
          ["period", endKey],
          "fel",
          "period-slut-fore-start",
          `Den inledande perioden slutar (${endValue}) före start (${p.start}).`,
        ),
      );
    }
    const latest = valid("förlängning", "längst_till")
      ? known(p.förlängning)?.längst_till
      : undefined;
    if (latest !== undefined && latest < end.last) {
      out.push(
        diagnosticAt(
          file,
          ["period", "förlängning", "längst_till"],
          "fel",
          "period-langst-till-fore-slut",
          `Förlängningen längst till ${latest} ligger före den inledande periodens slut (${endValue}).`,
        ),
      );
    }
    const notice = valid("uppsägning") ? known(p.uppsägning) : undefined;
    if (notice && end.last >= start.first) {
      const deadline = noticeDeadline(notice, end.last);
      if (deadline !== undefined && (deadline < start.first || deadline >= end.last)) {
        out.push(
          diagnosticAt(
            file,
            ["period", "uppsägning"],
            "fel",
            "uppsagning-efter-slut",
            `Uppsägningen kan inte ges i tid: sista dag blir ${formatDate(deadline)}, utanför den inledande perioden ${formatDate(start.first)}–${formatDate(end.last)}.`,
          ),
        );
      }
    }
    return out;
  },
};

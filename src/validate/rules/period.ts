import { formatDate } from "../../compose/format.js";
import type { Diagnostic } from "../../diagnostics.js";
import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/** First and last day covered by a date ("2025-04-01") or a year ("2018"). */
export function dateRange(value: string): { first: string; last: string } {
  return value.length === 4
    ? { first: `${value}-01-01`, last: `${value}-12-31` }
    : { first: value, last: value };
}

/** The same day of the year (MM-DD) in the year of `iso`, moved back a year when it falls after `iso`. */
function lastOccurrenceOnOrBefore(monthDay: string, iso: string): string {
  const year = Number(iso.slice(0, 4));
  const candidate = `${year}-${monthDay}`;
  return candidate <= iso ? candidate : `${year - 1}-${monthDay}`;
}

function minusMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * Dates in order: start ≤ end of the initial period ≤ latest end; a notice rule must leave a day
 * within the initial period on which notice can be given before that period ends.
 */
export const period: Rule = {
  id: "period",
  run({ data, file }, schema) {
    const out: Diagnostic[] = [];
    const p = data.period;
    const valid = (...path: string[]) => schema.valid(file, ["period", ...path]);
    // Every check compares with the initial period.
    if (!valid("start") || !valid("inledande_slut")) return out;
    const start = dateRange(p.start);
    const end = dateRange(p.inledande_slut);
    if (end.last < start.first) {
      out.push(
        diagnosticAt(
          file,
          ["period", "inledande_slut"],
          "fel",
          "period-slut-fore-start",
          `Den inledande perioden slutar (${p.inledande_slut}) före start (${p.start}).`,
        ),
      );
    }
    const latest = valid("förlängning", "längst_till") ? p.förlängning?.längst_till : undefined;
    if (latest !== undefined && latest < end.last) {
      out.push(
        diagnosticAt(
          file,
          ["period", "förlängning", "längst_till"],
          "fel",
          "period-langst-till-fore-slut",
          `Förlängningen längst till ${latest} ligger före den inledande periodens slut (${p.inledande_slut}).`,
        ),
      );
    }
    const notice = valid("uppsägning") ? p.uppsägning : undefined;
    if (notice && end.last >= start.first) {
      const deadline =
        "senast" in notice && notice.senast !== undefined
          ? lastOccurrenceOnOrBefore(notice.senast, end.last)
          : "månader_före_slut" in notice && notice.månader_före_slut !== undefined
            ? minusMonths(end.last, notice.månader_före_slut)
            : undefined;
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

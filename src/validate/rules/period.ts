import type { Diagnostic } from "../../diagnostics.js";
import { formatDate } from "../../format.js";
import type { SourceFile } from "../../load/source.js";
import { dateRange, known, noticeDeadline, periodEnd } from "../../model.js";
import type { Period } from "../../schemas/types.generated.js";
import { diagnosticAt, periodEndKey } from "./context.js";
import type { Rule } from "./index.js";

/** Whether the value at `period.<path>` passed the schema. */
type Valid = (...path: string[]) => boolean;

/** The first and last day of the initial period, and how its end was written. */
interface Initial {
  start: { first: string; last: string };
  end: { first: string; last: string };
  endValue: string;
}

/**
 * The initial period ends at inledande_slut or after månader: exactly one of them is given.
 * That neither is given is only told when the period has no schema error (a key may be
 * misspelt); that both are, when both passed the schema.
 */
function endKeyProblem(file: SourceFile, p: Period, valid: Valid): Diagnostic[] {
  const hasMonths = p.månader !== undefined;
  if (!(hasMonths ? valid("inledande_slut") && valid("månader") : valid())) return [];
  return [
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
  ];
}

/** The initial period's end before its start. */
function endBeforeStart(
  file: SourceFile,
  p: Period,
  endKey: string,
  { start, end, endValue }: Initial,
): Diagnostic[] {
  if (end.last >= start.first) return [];
  return [
    diagnosticAt(
      file,
      ["period", endKey],
      "fel",
      "period-slut-fore-start",
      `Den inledande perioden slutar (${endValue}) före start (${p.start}).`,
    ),
  ];
}

/** The latest end of an extension (förlängning.längst_till) before the initial period's end. */
function latestBeforeEnd(
  file: SourceFile,
  p: Period,
  valid: Valid,
  { end, endValue }: Initial,
): Diagnostic[] {
  const latest = valid("förlängning", "längst_till")
    ? known(p.förlängning)?.längst_till
    : undefined;
  if (latest === undefined || latest >= end.last) return [];
  return [
    diagnosticAt(
      file,
      ["period", "förlängning", "längst_till"],
      "fel",
      "period-langst-till-fore-slut",
      `Förlängningen längst till ${latest} ligger före den inledande periodens slut (${endValue}).`,
    ),
  ];
}

/** A notice rule whose last day for notice falls outside the initial period. */
function noticeOutside(
  file: SourceFile,
  p: Period,
  valid: Valid,
  { start, end }: Initial,
): Diagnostic[] {
  const notice = valid("uppsägning") ? known(p.uppsägning) : undefined;
  if (!notice || end.last < start.first) return [];
  const deadline = noticeDeadline(notice, end.last);
  if (deadline === undefined || (deadline >= start.first && deadline < end.last)) return [];
  return [
    diagnosticAt(
      file,
      ["period", "uppsägning"],
      "fel",
      "uppsagning-efter-slut",
      `Uppsägningen kan inte ges i tid: sista dag blir ${formatDate(deadline)}, utanför den inledande perioden ${formatDate(start.first)}–${formatDate(end.last)}.`,
    ),
  ];
}

/**
 * The initial period ends at inledande_slut or after månader, not both; dates in order: start ≤ end
 * of the initial period ≤ latest end; a notice rule must leave a day within the initial period on
 * which notice can be given before that period ends. Dates with schema errors are left alone.
 */
export const period: Rule = {
  id: "period",
  run({ data, file }, schema) {
    const p = data.period;
    const valid: Valid = (...path) => schema.valid(file, ["period", ...path]);
    if (!schema.formed(file, ["period"]) || p === null || typeof p !== "object") return [];
    const endKey = periodEndKey(p);
    if (endKey === undefined) return endKeyProblem(file, p, valid);
    // Every check compares with the initial period.
    if (!valid("start") || !valid(endKey)) return [];
    const endValue = periodEnd(p);
    const initial: Initial = { start: dateRange(p.start), end: dateRange(endValue), endValue };
    return [
      ...endBeforeStart(file, p, endKey, initial),
      ...latestBeforeEnd(file, p, valid, initial),
      ...noticeOutside(file, p, valid, initial),
    ];
  },
};

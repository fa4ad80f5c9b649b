import type { Agreement } from "../model.js";
import { agreementTitle } from "../model.js";
import type { Calendar, CalendarEvent } from "./events.js";
import { OPEN_ENDED_YEARS } from "./events.js";
import { type Shift, type WorkingDays, weekday } from "./holidays.js";

/** An event with the working-day shift of its deadline, when the day is not a working day. */
export interface Row extends CalendarEvent {
  weekday: string;
  shift?: Shift;
}

/** The events as rows: a deadline on a day off gets the next working day beside it. */
export const rows = (calendar: Calendar, workingDays: WorkingDays): Row[] =>
  calendar.events.map((e) => {
    const shift = e.deadline ? workingDays(e.date) : undefined;
    return { ...e, weekday: weekday(e.date), ...(shift ? { shift } : {}) };
  });

/** The note beside a shifted deadline, the same in the table and the iCalendar file. */
export const shiftNote = (shift: Shift): string =>
  `${shift.reason}; nästa arbetsdag ${weekday(shift.nextWorkingDay)} ${shift.nextWorkingDay} (information)`;

const table = (header: string[], body: string[][]): string[] => {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)];
};

/** The calendar as a Swedish plain-text report: the terms, then every dated event. */
export function formatTable(
  agreement: Agreement,
  calendar: Calendar,
  list: readonly Row[],
  today: string,
): string {
  const out = [`Kalender för ${agreement.name}: ${agreementTitle(agreement.data)}`, ""];
  out.push(
    ...table(
      ["Period", "Från", "Till och med", "Slag"],
      calendar.terms.map((t) => [
        String(t.number),
        t.start,
        t.end,
        t.number === 1 ? "inledande period" : "automatisk förlängning",
      ]),
    ),
  );
  out.push("");
  if (calendar.openEndedUntil !== undefined) {
    out.push(
      `Förlängningen har inget slutdatum: perioderna visas till och med ${calendar.openEndedUntil} (${OPEN_ENDED_YEARS} år framåt från ${today}).`,
      "",
    );
  }
  out.push(
    ...table(
      ["Datum", "Veckodag", "Händelse", "Anmärkning"],
      list.map((r) => [r.date, r.weekday, r.summary, r.shift ? shiftNote(r.shift) : ""]),
    ),
  );
  if (list.some((r) => r.shift)) {
    out.push(
      "",
      "Anmärkningen är information: den dag som står i överenskommelsen är sista dagen, även när den inte är en arbetsdag.",
    );
  }
  return `${out.join("\n")}\n`;
}

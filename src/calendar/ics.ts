import ical, { ICalAlarmType } from "ical-generator";
import { type Agreement, agreementTitle } from "../model.js";
import { type Row, shiftNote } from "./table.js";

/** Days before a notice deadline that the reminder fires. */
export const REMINDER_DAYS = 14;

const DAY = 24 * 60 * 60;

/** An all-day date as a UTC midnight; ical-generator writes all-day dates from their UTC fields. */
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The calendar as an iCalendar file (RFC 5545): one all-day event per row, with the same summary
 * as the table, and a reminder REMINDER_DAYS days before each notice deadline. Deterministic: the
 * UIDs are derived from the agreement id, the kind of event and its date, and every DTSTAMP is the
 * start of the period, so the same agreement gives the same bytes.
 */
export function formatIcs(agreement: Agreement, list: readonly Row[]): string {
  const title = agreementTitle(agreement.data);
  const calendar = ical({
    name: `IOP ${agreement.name}`,
    prodId: { company: "iop", product: "iop calendar", language: "SV" },
  });
  const stamp = utc(list[0]?.date ?? "1970-01-01");
  for (const row of list) {
    const notes = [title, ...(row.shift ? [`Anmärkning: ${shiftNote(row.shift)}.`] : [])];
    calendar.createEvent({
      id: `${agreement.name}-${row.kind}-${row.date}@iop`,
      stamp,
      start: utc(row.date),
      allDay: true,
      summary: row.summary,
      description: notes.join("\n"),
      ...(row.kind === "uppsagning"
        ? {
            alarms: [
              {
                type: ICalAlarmType.display,
                triggerBefore: REMINDER_DAYS * DAY,
                description: `Om ${REMINDER_DAYS} dagar: ${row.summary}`,
              },
            ],
          }
        : {}),
    });
  }
  // ical-generator ends the last line without the CRLF that RFC 5545 requires of every line.
  return `${calendar.toString()}\r\n`;
}

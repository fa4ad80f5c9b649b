/**
 * Swedish working days, from the maintained `date-holidays` data (country SE). It is loaded only
 * when a calendar is made, so other commands do not pay for it.
 */

/** A day on which a deadline cannot be met in practice, and the next working day. */
export interface Shift {
  /** Why the day is not a working day: "lördag", "söndag" or the holiday's name. */
  reason: string;
  nextWorkingDay: string;
}

export type WorkingDays = (date: string) => Shift | undefined;

const WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

/** The Swedish name of the day of the week of an ISO date. */
export const weekday = (iso: string): string =>
  WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] as string;

const nextDay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * A lookup that tells, for a date, whether it is a Saturday, Sunday, public holiday
 * (`public`) or one of the eves that are days off in practice (`bank`: midsommarafton, julafton,
 * nyårsafton), and if so the next working day. Holidays come from date-holidays by their calendar
 * date (its "YYYY-MM-DD hh:mm:ss" strings), so the answer does not depend on the time zone.
 */
export async function swedishWorkingDays(): Promise<WorkingDays> {
  const { default: Holidays } = await import("date-holidays");
  const holidays = new Holidays("SE");
  const byYear = new Map<number, Map<string, string>>();
  const holiday = (iso: string): string | undefined => {
    const year = Number(iso.slice(0, 4));
    let days = byYear.get(year);
    if (!days) {
      days = new Map();
      for (const h of holidays.getHolidays(year)) {
        if (h.type === "public" || h.type === "bank") days.set(h.date.slice(0, 10), h.name);
      }
      byYear.set(year, days);
    }
    return days.get(iso);
  };
  const offReason = (iso: string): string | undefined => {
    const name = holiday(iso);
    if (name !== undefined) return name;
    const day = weekday(iso);
    return day === "lördag" || day === "söndag" ? day : undefined;
  };
  return (date) => {
    const reason = offReason(date);
    if (reason === undefined) return undefined;
    let next = nextDay(date);
    while (offReason(next) !== undefined) next = nextDay(next);
    return { reason, nextWorkingDay: next };
  };
}

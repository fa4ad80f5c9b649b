/**
 * The dated events of an agreement's period: its terms (the initial period and each automatic
 * extension), the notice deadlines with the day each notice takes effect, and the yearly
 * reporting deadlines the agreement states. Pure: computed from the data alone, through the same
 * period helpers (src/model.ts) that the period rule and the clauses use.
 */
import {
  type Agreement,
  dateRange,
  isSaknas,
  known,
  noticeDeadline,
  partById,
  periodEnd,
  shiftMonths,
} from "../model.js";

export interface Term {
  /** 1 for the initial period, 2 … for each extension. */
  number: number;
  start: string;
  end: string;
}

export type EventKind = "period-start" | "period-slut" | "uppsagning" | "rapport";

export interface CalendarEvent {
  date: string;
  kind: EventKind;
  /** One Swedish line: what happens that day. */
  summary: string;
  /** Whether the contract sets this day as a deadline (which may be shifted to a working day). */
  deadline: boolean;
  /** A notice deadline: the day the notice takes effect. */
  takesEffect?: string;
  /** The term the event belongs to. */
  term: number;
}

export interface Calendar {
  terms: Term[];
  events: CalendarEvent[];
  /** Set when the extensions have no latest end: the last day shown. */
  openEndedUntil?: string;
}

/** How many years ahead an open-ended extension is shown. */
export const OPEN_ENDED_YEARS = 5;

const nextDay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The first date after `iso` that falls on the day of the year `monthDay` (MM-DD). */
const nextOccurrenceAfter = (monthDay: string, iso: string): string => {
  const year = Number(iso.slice(0, 4));
  const candidate = `${year}-${monthDay}`;
  return candidate > iso ? candidate : `${year + 1}-${monthDay}`;
};

/** The end of the term after one that ends on `end`: a calendar year, or twelve months. */
const extendedEnd = (end: string, unit: "kalenderår" | "år"): string =>
  unit === "kalenderår" && end.slice(5) === "12-31"
    ? `${Number(end.slice(0, 4)) + 1}-12-31`
    : shiftMonths(end, 12);

/**
 * The terms: the initial period, then one per automatic extension up to `längst_till`; an
 * extension without a latest end is followed until the first term that ends at least
 * OPEN_ENDED_YEARS years after `today` (so the calendar shows the next five years).
 */
export function terms(
  agreement: Agreement,
  today: string,
): { terms: Term[]; openEndedUntil?: string } {
  const period = agreement.data.period;
  const first = {
    number: 1,
    start: dateRange(period.start).first,
    end: dateRange(periodEnd(period)).last,
  };
  const out: Term[] = [first];
  const extension = known(period.förlängning);
  if (!extension) return { terms: out };
  const latest = extension.längst_till;
  const horizon = latest ?? shiftMonths(today, 12 * OPEN_ENDED_YEARS);
  let last = first;
  while (last.end < horizon) {
    const end = extendedEnd(last.end, extension.enhet);
    last = {
      number: last.number + 1,
      start: nextDay(last.end),
      end: latest !== undefined && end > latest ? latest : end,
    };
    out.push(last);
  }
  return latest === undefined ? { terms: out, openEndedUntil: last.end } : { terms: out };
}

const names = (agreement: Agreement, ids: readonly string[]): string =>
  ids
    .map((id) => partById(agreement.data, id)?.kortnamn ?? partById(agreement.data, id)?.namn ?? id)
    .join(", ");

/** The start and end of one term; the last term's end tells whether the partnership ends there. */
function termEvents(term: Term, final: boolean, extensionUnknown: boolean): CalendarEvent[] {
  return [
    {
      date: term.start,
      kind: "period-start",
      summary:
        term.number === 1
          ? "Den inledande perioden börjar"
          : `Förlängning ${term.number - 1} börjar (period ${term.number})`,
      deadline: false,
      term: term.number,
    },
    {
      date: term.end,
      kind: "period-slut",
      summary: !final
        ? `Period ${term.number} slutar`
        : extensionUnknown
          ? `Period ${term.number} slutar; förlängning: uppgift saknas`
          : `Period ${term.number} slutar; överenskommelsen upphör senast denna dag`,
      deadline: false,
      term: term.number,
    },
  ];
}

type Notice = Parameters<typeof noticeDeadline>[0];

/** The notice deadline of a term with the day the notice takes effect, if it falls in the term. */
function noticeEvent(notice: Notice, term: Term): CalendarEvent | undefined {
  const deadline = noticeDeadline(notice, term.end);
  if (deadline === undefined || deadline < term.start) return undefined;
  const effect =
    "träder_i_kraft" in notice && notice.träder_i_kraft !== undefined
      ? nextOccurrenceAfter(notice.träder_i_kraft, deadline)
      : nextDay(term.end);
  return {
    date: deadline,
    kind: "uppsagning",
    summary: `Sista dag för uppsägning; träder i kraft ${effect}`,
    deadline: true,
    takesEffect: effect,
    term: term.number,
  };
}

/**
 * Yearly reporting deadlines, where the agreement states the day (rapportering[].senast): each
 * one after the first day, up to twelve months after the last term ends.
 */
function reportEvents(agreement: Agreement, list: Term[]): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const first = (list[0] as Term).start;
  const end = (list[list.length - 1] as Term).end;
  const lastReportDay = shiftMonths(end, 12);
  for (const report of agreement.data.uppföljning?.rapportering ?? []) {
    if (report.senast === undefined) continue;
    const who = report.av?.length ? ` (${names(agreement, report.av)})` : "";
    for (let year = Number(first.slice(0, 4)); ; year++) {
      const date = `${year}-${report.senast}`;
      if (date > lastReportDay) break;
      if (date <= first) continue;
      events.push({
        date,
        kind: "rapport",
        summary: `Sista dag för årlig rapportering${who}`,
        deadline: true,
        term: list.findLast((t) => t.start <= date)?.number ?? 1,
      });
    }
  }
  return events;
}

/** Every event of the agreement's calendar, in date order. */
export function calendarOf(agreement: Agreement, today: string): Calendar {
  const { terms: list, openEndedUntil } = terms(agreement, today);
  const events: CalendarEvent[] = [];
  const notice = known(agreement.data.period.uppsägning);
  const lastIsFinal = openEndedUntil === undefined;
  // An extension marked saknas: whether the partnership goes on after the last term is not known.
  const extensionUnknown = isSaknas(agreement.data.period.förlängning);
  for (const term of list) {
    const final = lastIsFinal && term === list[list.length - 1];
    events.push(...termEvents(term, final, extensionUnknown));
    // Notice matters only where the term would otherwise be followed by another.
    if (!notice || final) continue;
    const event = noticeEvent(notice, term);
    if (event) events.push(event);
  }
  events.push(...reportEvents(agreement, list));
  const order: EventKind[] = ["period-slut", "uppsagning", "rapport", "period-start"];
  events.sort((a, b) =>
    a.date === b.date ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.date < b.date ? -1 : 1,
  );
  return openEndedUntil === undefined
    ? { terms: list, events }
    : { terms: list, events, openEndedUntil };
}

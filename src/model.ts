/**
 * The validated agreement as the later stages see it. The data types are generated from the JSON
 * Schemas (src/schemas/types.generated.ts), never written by hand.
 */
import type { SourceFile } from "./load/source.js";
import type {
  Arsbelopp,
  Bilaga,
  Budget,
  Budgetrad,
  Overenskommelse,
  Part,
  Period,
  Saknas,
  Undertecknare,
} from "./schemas/types.generated.js";

export type * from "./schemas/types.generated.js";

export interface BilagaDocument {
  data: Bilaga;
  file: SourceFile;
}

export interface Agreement {
  /** Folder of the agreement. */
  dir: string;
  /** Folder name; the agreement's id. */
  name: string;
  data: Overenskommelse;
  file: SourceFile;
  /** Bilagor sorted by number. */
  bilagor: BilagaDocument[];
}

export const isSaknas = (value: unknown): value is Saknas =>
  typeof value === "object" && value !== null && "saknas" in value;

/** The value, or undefined when it is marked missing. */
export const known = <T>(value: T | Saknas | undefined): T | undefined =>
  value === undefined || isSaknas(value) ? undefined : value;

export const partById = (data: Overenskommelse, id: string): Part | undefined =>
  data.parter.find((p) => p.id === id);

/** The sum of amounts, or undefined when one of them is missing. */
export function amountSum(items: readonly { belopp: number | Saknas }[]): number | undefined {
  let total = 0;
  for (const item of items) {
    if (isSaknas(item.belopp)) return undefined;
    total += item.belopp;
  }
  return total;
}

/**
 * What a budget's total is the sum of: its rows; a budget without rows, its amounts per year
 * (`per_år`).
 */
export const budgetAmounts = (
  budget: Pick<Budget, "rader" | "per_år">,
): readonly (Budgetrad | Arsbelopp)[] =>
  budget.rader?.length ? budget.rader : (budget.per_år ?? []);

/** The total of a budget (see budgetAmounts), or undefined when an amount is missing. */
export const budgetSum = (budget: Pick<Budget, "rader" | "per_år">): number | undefined =>
  amountSum(budgetAmounts(budget));

/** The title of the agreement, or "Uppgift saknas" when it is marked missing. */
export const agreementTitle = (data: Overenskommelse): string =>
  known(data.titel) ?? "Uppgift saknas";

/** How the agreement is signed; a way marked missing signs on paper (one original per party). */
export const signingMode = (data: Overenskommelse): "papper" | "elektronisk" =>
  known(data.signering.sätt) ?? "papper";

/** A party's signatory, unless none is named yet (absent or marked missing). */
export const signatoryOf = (part: Part): Undertecknare | undefined => known(part.undertecknare);

/**
 * The same day `months` later (earlier when negative), or that month's last day when it is
 * shorter: "2025-08-31" + 6 → "2026-02-28".
 */
export function shiftMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * "2025-11" + 5 months → "2026-03"; "2025-11-01" + 5 months → "2026-03-31"; "2025-08-31" + 6
 * months → "2026-02-28".
 */
function addMonths(start: string, months: number): string {
  const year = Number(start.slice(0, 4));
  const month = start.length >= 7 ? Number(start.slice(5, 7)) : 1;
  if (start.length === 10) {
    // The day before the same day `months` later; when that month has no such day, its last.
    const same = shiftMonths(start, months);
    if (same.slice(8) !== start.slice(8)) return same;
    const d = new Date(`${same}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  const last = new Date(Date.UTC(year, month - 1 + months - 1, 1));
  return last.toISOString().slice(0, 7);
}

/**
 * The last day (or month, or year) of the initial period: `inledande_slut`, else derived from
 * `start` and `månader` ("2025-11-01" + 5 → "2026-03-31"). The schema and the period rule make
 * sure one of them is given.
 */
export function periodEnd(period: Period): string {
  if (period.inledande_slut !== undefined) return period.inledande_slut;
  if (period.månader !== undefined) return addMonths(period.start, period.månader);
  return period.start;
}

/** The agreement's main party: the first public one, else the first party. */
export const mainParty = (data: Overenskommelse): Part | undefined =>
  data.parter.find((p) => p.sektor === "offentlig") ?? data.parter[0];

/** Parties that sign the agreement itself (all, unless `undertecknar: false`). */
export const signingParties = (data: Overenskommelse): Part[] =>
  data.parter.filter((p) => p.undertecknar !== false);

/** Parties that sign a bilaga: those listed, else the public parties and the bilaga's party. */
export function bilagaSigners(data: Overenskommelse, bilaga: Bilaga): Part[] {
  const ids = bilaga.undertecknare?.map(signerId) ?? [
    ...data.parter.filter((p) => p.sektor === "offentlig").map((p) => p.id),
    bilaga.part,
  ];
  return [...new Set(ids)].flatMap((id) => partById(data, id) ?? []);
}

/** The parties whose signatory a bilaga names without the title (`utan_titel`). */
export const untitledSigners = (bilaga: Bilaga): Set<string> =>
  new Set((bilaga.undertecknare ?? []).flatMap((e) => (typeof e === "string" ? [] : [e.part])));

/** The party id of an entry of a bilaga's `undertecknare`. */
export const signerId = (entry: NonNullable<Bilaga["undertecknare"]>[number]): string =>
  typeof entry === "string" ? entry : entry.part;

/** First and last day covered by a date ("2025-04-01"), a month ("2025-11") or a year ("2018"). */
export function dateRange(value: string): { first: string; last: string } {
  if (value.length === 4) return { first: `${value}-01-01`, last: `${value}-12-31` };
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    return { first: `${value}-01`, last };
  }
  return { first: value, last: value };
}

/** The same day of the year (MM-DD) in the year of `iso`, moved back a year when it falls after `iso`. */
export function lastOccurrenceOnOrBefore(monthDay: string, iso: string): string {
  const year = Number(iso.slice(0, 4));
  const candidate = `${year}-${monthDay}`;
  return candidate <= iso ? candidate : `${year - 1}-${monthDay}`;
}

/** A notice rule as the period gives it (not marked missing). */
export type NoticeRule = Exclude<NonNullable<Period["uppsägning"]>, Saknas>;

/**
 * The last day on which notice can be given for a term that ends on `termEnd` (a full date): the
 * rule's day of the year on or before that end (`senast: "09-30"`), or `månader_före_slut` months
 * before it.
 */
export function noticeDeadline(notice: NoticeRule, termEnd: string): string | undefined {
  if ("senast" in notice && notice.senast !== undefined)
    return lastOccurrenceOnOrBefore(notice.senast, termEnd);
  if ("månader_före_slut" in notice && notice.månader_före_slut !== undefined)
    return shiftMonths(termEnd, -notice.månader_före_slut);
  return undefined;
}

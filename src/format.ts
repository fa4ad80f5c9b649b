import type { RuleId } from "./diagnostics.js";
/**
 * Swedish formatting (sv-SE) of amounts, dates, days of the year, numbers and missing values, for
 * every stage: the documents (compose), the diagnostics (validate) and the comparison (diff).
 * This is the only place that formats them, so "650 000 kr" is written one way everywhere (with
 * no-break spaces). Every function validates its input and throws a FormatError rather than print
 * "NaN kr" or "undefined". Dates are formatted in UTC so the output is the same in every time zone.
 */

/** A value that cannot be formatted as asked; compose reports it as a template argument error. */
export class FormatError extends Error {
  override readonly name = "FormatError";
  readonly rule: RuleId = "mall-argument";
}

/** What a fact marked `saknas` (missing) reads as, in documents, summaries and messages. */
export const MISSING = "uppgift saknas";

const NBSP = "\u00a0";
const amountFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
const integerFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dayFormat = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

const show = (value: unknown): string => {
  if (typeof value === "string") return `"${value}"`;
  if (value === undefined) return "ett saknat värde";
  if (typeof value === "object" && value !== null) {
    return "saknas" in value ? "ett värde markerat som saknat" : "ett objekt";
  }
  return String(value);
};

const fail = (what: string, value: unknown): never => {
  throw new FormatError(`Kan inte skriva ${show(value)} som ${what}.`);
};

function finiteNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return fail(what, value);
  return value;
}

/** "650 000 kr": sv-SE grouping with a non-breaking space, and a non-breaking space before "kr". */
export function formatAmount(value: unknown): string {
  const n = finiteNumber(value, "belopp");
  if (n < 0) return fail("belopp", value);
  return `${amountFormat.format(n)}${NBSP}kr`;
}

/** "650 000 kr", "ca 40 000 kr" when approximate, "uppgift saknas" when the amount is missing. */
export const formatAmountOrMissing = (amount: number | undefined, approximate = false): string =>
  amount === undefined ? MISSING : `${approximate ? "ca " : ""}${formatAmount(amount)}`;

const signedFormat = new Intl.NumberFormat("sv-SE", {
  maximumFractionDigits: 2,
  signDisplay: "always",
});
const percentFormat = new Intl.NumberFormat("sv-SE", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "always",
});

/** "(+25 000 kr, +3,1 %)": how an amount changed; without the percentage when it was 0. */
export function formatAmountDelta(before: number, after: number): string {
  const diff = `${signedFormat.format(finiteNumber(after, "belopp") - finiteNumber(before, "belopp"))}${NBSP}kr`;
  return before === 0
    ? `(${diff})`
    : `(${diff}, ${percentFormat.format((after - before) / before)})`;
}

/** A count or other number in running text: "4 500". */
export function formatNumber(value: unknown): string {
  return integerFormat.format(finiteNumber(value, "tal"));
}

function parseIsoDate(value: unknown): Date {
  if (typeof value !== "string") return fail("datum", value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return fail("datum (ÅÅÅÅ-MM-DD)", value);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return fail("datum (dagen finns inte)", value);
  }
  return date;
}

/** "1 april 2025", for running text. */
export const formatDate = (value: unknown): string => dateFormat.format(parseIsoDate(value));

/** "2025-04-01", for tables: validated and written as ISO 8601. */
export function formatIsoDate(value: unknown): string {
  parseIsoDate(value);
  return value as string;
}

const monthFormat = new Intl.DateTimeFormat("sv-SE", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * "1 april 2025" for a date, "november 2025" for a month ("2025-11"), "2018" for a year alone
 * (periods the sources give in months or years).
 */
export function formatDateOrYear(value: unknown): string {
  if (typeof value === "string" && /^\d{4}$/.test(value)) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}$/.test(value)) {
    return monthFormat.format(parseIsoDate(`${value}-01`));
  }
  return formatDate(value);
}

/** "30 september" for a day of the year given as "09-30". */
export function formatDayOfYear(value: unknown): string {
  if (typeof value !== "string" || !/^\d{2}-\d{2}$/.test(value)) {
    return fail("dag på året (MM-DD)", value);
  }
  // 2000 is a leap year, so "02-29" is a valid day of the year.
  return dayFormat.format(parseIsoDate(`2000-${value}`));
}

const WORDS = [
  "noll",
  "ett",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
  "tretton",
  "fjorton",
  "femton",
  "sexton",
  "sjutton",
  "arton",
  "nitton",
  "tjugo",
];

/**
 * A number in words, as Swedish writes small counts: "två", "tre", "fyra" … "tjugo"; larger
 * numbers in digits. `genus` chooses the form of 1: "ett exemplar" (neutrum), "en organisation"
 * (utrum). Intl has no spelled-out numbers, hence this table.
 */
export function numberInWords(value: unknown, genus: "neutrum" | "utrum" = "neutrum"): string {
  const n = finiteNumber(value, "antal");
  if (!Number.isInteger(n) || n < 0) return fail("antal", value);
  if (n === 1 && genus === "utrum") return "en";
  return WORDS[n] ?? formatNumber(n);
}

/** First letter upper case (sv-SE), for a name or noun at the start of a sentence. */
export function capitalize(value: unknown): string {
  if (typeof value !== "string" || value === "") return fail("text", value);
  const first = value.codePointAt(0) as number;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase("sv-SE") + value.slice(head.length);
}

/** Swedish genitive: "Socialnämnden i Stockholms stads", "Brottsofferjouren Västerorts"; no extra s after s, x, z. */
export function genitive(value: unknown): string {
  if (typeof value !== "string" || value === "") return fail("namn", value);
  return /[sxz]$/i.test(value) ? value : `${value}s`;
}

/** "A", "A och B", "A, B och C". */
export function joinList(values: unknown): string {
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "string")) {
    return fail("uppräkning", values);
  }
  const items = values as string[];
  return items.length === 1
    ? (items[0] as string)
    : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

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

/*
 * Whole numbers and dates are written here as Intl writes them for sv-SE, without Intl: a fresh
 * process's first Intl formatter loads ICU's number or calendar data, about 13 ms of every
 * `iop build` (more than composing the documents). Fractions, signs and percentages go to Intl,
 * whose formatters are made on first use. test/format.test.ts compares both ways for every day
 * of 1900–2100, every month of the years a date can have (100–9999) and a spread of integers.
 */

/** A function giving what `make` makes, made on the first call. */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "1 041 000", "−5": sv-SE digit groups (no-break spaces) and minus sign (U+2212); integers only. */
function wholeNumber(n: number): string | undefined {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return undefined;
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = out.length; at < digits.length; at += 3) out += NBSP + digits.slice(at, at + 3);
  return n < 0 ? `\u2212${out}` : out;
}

const amountFormat = once(() => new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }));
const integerFormat = once(() => new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }));

/** A date (UTC) as sv-SE writes it in running text: the parts asked for, day, month, year. */
function dateText(date: Date, parts: { day?: true; year?: true }): string {
  const words = [MONTHS[date.getUTCMonth()] as string];
  if (parts.day) words.unshift(String(date.getUTCDate()));
  if (parts.year) words.push(String(date.getUTCFullYear()));
  return words.join(" ");
}

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
  return `${wholeNumber(n) ?? amountFormat().format(n)}${NBSP}kr`;
}

/** "650 000 kr", "ca 40 000 kr" when approximate, "uppgift saknas" when the amount is missing. */
export const formatAmountOrMissing = (amount: number | undefined, approximate = false): string =>
  amount === undefined ? MISSING : `${approximate ? "ca " : ""}${formatAmount(amount)}`;

const signedFormat = once(
  () => new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2, signDisplay: "always" }),
);
const percentFormat = once(
  () =>
    new Intl.NumberFormat("sv-SE", {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: "always",
    }),
);

/** "(+25 000 kr, +3,1 %)": how an amount changed; without the percentage when it was 0. */
export function formatAmountDelta(before: number, after: number): string {
  const diff = `${signedFormat().format(finiteNumber(after, "belopp") - finiteNumber(before, "belopp"))}${NBSP}kr`;
  return before === 0
    ? `(${diff})`
    : `(${diff}, ${percentFormat().format((after - before) / before)})`;
}

/** A count or other number in running text: "4 500". */
export function formatNumber(value: unknown): string {
  const n = finiteNumber(value, "tal");
  return wholeNumber(n) ?? integerFormat().format(n);
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
export const formatDate = (value: unknown): string =>
  dateText(parseIsoDate(value), { day: true, year: true });

/** "2025-04-01", for tables: validated and written as ISO 8601. */
export function formatIsoDate(value: unknown): string {
  parseIsoDate(value);
  return value as string;
}

/**
 * "1 april 2025" for a date, "november 2025" for a month ("2025-11"), "2018" for a year alone
 * (periods the sources give in months or years).
 */
export function formatDateOrYear(value: unknown): string {
  if (typeof value === "string" && /^\d{4}$/.test(value)) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}$/.test(value)) {
    return dateText(parseIsoDate(`${value}-01`), { year: true });
  }
  return formatDate(value);
}

/** "30 september" for a day of the year given as "09-30". */
export function formatDayOfYear(value: unknown): string {
  if (typeof value !== "string" || !/^\d{2}-\d{2}$/.test(value)) {
    return fail("dag på året (MM-DD)", value);
  }
  // 2000 is a leap year, so "02-29" is a valid day of the year.
  return dateText(parseIsoDate(`2000-${value}`), { day: true });
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

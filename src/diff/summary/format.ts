/** Swedish formatting of values in summary lines. */
import { isSaknas, MISSING } from "../../model.js";

/** What a missing value reads as. */
export { MISSING };

const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const signed = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0, signDisplay: "always" });
const percent = new Intl.NumberFormat("sv-SE", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "always",
});

/** "805 000 kr" (non-breaking thousands separator), "ca 40 000 kr", or "uppgift saknas". */
export const kronor = (amount: number | undefined, approximate = false): string =>
  amount === undefined ? MISSING : `${approximate ? "ca " : ""}${number.format(amount)}\u00a0kr`;

/** "(+25 000 kr, +3,1 %)"; without the percentage when the old amount is 0. */
export function delta(before: number, after: number): string {
  const diff = `${signed.format(after - before)}\u00a0kr`;
  return before === 0 ? `(${diff})` : `(${diff}, ${percent.format((after - before) / before)})`;
}

/** "old → new". */
export const arrow = (before: string, after: string): string => `${before} → ${after}`;

/**
 * "650 000 kr → 675 000 kr (+25 000 kr, +3,8 %)": two amounts as written, with the difference
 * when both are known.
 */
export const amountChange = (
  beforeText: string,
  afterText: string,
  before: number | undefined,
  after: number | undefined,
): string =>
  `${arrow(beforeText, afterText)}${before !== undefined && after !== undefined ? ` ${delta(before, after)}` : ""}`;

/** A text value or "uppgift saknas" when it is missing. */
export const orMissing = (value: unknown): string =>
  value === undefined || value === null || isSaknas(value) ? MISSING : String(value);

/** Markdown text as plain text for a summary line: `:part[id]` becomes the party's name. */
export function plain(text: string, partyName: (id: string) => string | undefined): string {
  return text
    .replace(/:part\[([^\]]*)\]/g, (_, id: string) => partyName(id) ?? id)
    .replace(/:avsnitt\[([^\]]*)\]/g, (_, id: string) => `avsnitt ${id}`)
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Formatting helpers: thin wrappers over ../format.ts that validate their arguments. */
import type { HelperDelegate } from "handlebars";
import { budgetSum, isSaknas } from "../../model.js";
import type { Budget, Budgetrad } from "../../schemas/types.generated.js";
import { ComposeError } from "../errors.js";
import {
  capitalize,
  formatAmount,
  formatDate,
  formatDateOrYear,
  formatDayOfYear,
  formatIsoDate,
  formatNumber,
  genitive,
  joinList,
  numberInWords,
} from "../format.js";
import { helper } from "./define.js";

const MISSING = "uppgift saknas";

function rows(budget: unknown): Budgetrad[] {
  const list = (budget as Budget | undefined)?.rader;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ComposeError("Budgeten har inga rader att summera.", "mall-argument");
  }
  return list;
}

/** "650 000 kr", "ca 40 000 kr" when approximate, "uppgift saknas" when missing. */
export function rowAmount(row: unknown): string {
  if (typeof row !== "object" || row === null || !("belopp" in row)) {
    throw new ComposeError("En budgetrad saknar belopp.", "mall-argument");
  }
  const r = row as Budgetrad;
  if (isSaknas(r.belopp)) return MISSING;
  return `${r.ungefärligt ? "ca " : ""}${formatAmount(r.belopp)}`;
}

/** The total of a budget's rows, computed (a declared `summa` is only checked, by `iop check`). */
export function budgetTotal(budget: unknown): string {
  const list = rows(budget);
  const total = budgetSum({ rader: list });
  if (total === undefined) return MISSING;
  return `${list.some((r) => r.ungefärligt) ? "ca " : ""}${formatAmount(total)}`;
}

export const formatHelpers: Record<string, HelperDelegate> = {
  belopp: helper("belopp", 1, ([v]) => formatAmount(v)),
  antal: helper("antal", 1, ([v]) => formatNumber(v)),
  tal: helper("tal", [1, 2], ([v, genus]) => {
    if (genus !== undefined && genus !== "utrum" && genus !== "neutrum") {
      throw new ComposeError(
        `Okänt genus "${String(genus)}" (utrum eller neutrum).`,
        "mall-argument",
      );
    }
    return numberInWords(v, genus);
  }),
  datum: helper("datum", 1, ([v]) => formatDate(v)),
  datumellerår: helper("datumellerår", 1, ([v]) => formatDateOrYear(v)),
  dag: helper("dag", 1, ([v]) => formatDayOfYear(v)),
  isodatum: helper("isodatum", 1, ([v]) => formatIsoDate(v)),
  /** Product of two numbers (a per-inhabitant rate times the population). */
  produkt: helper("produkt", 2, ([a, b]) => {
    if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a * b)) {
      throw new ComposeError("produkt behöver två tal.", "mall-argument");
    }
    return a * b;
  }),
  versal: helper("versal", 1, ([v]) => capitalize(v)),
  genitiv: helper("genitiv", 1, ([v]) => genitive(v)),
  uppräkning: helper("uppräkning", 1, ([v]) => joinList(v)),
  radbelopp: helper("radbelopp", 1, ([v]) => rowAmount(v)),
  summa: helper("summa", 1, ([v]) => budgetTotal(v)),
};

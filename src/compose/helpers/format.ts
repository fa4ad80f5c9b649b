/** Formatting helpers: thin wrappers over src/format.ts that validate their arguments. */
import type { HelperDelegate } from "handlebars";
import {
  capitalize,
  formatAmount,
  formatAmountOrMissing,
  formatDate,
  formatDateOrYear,
  formatDayOfYear,
  formatIsoDate,
  formatNumber,
  genitive,
  joinList,
  MISSING,
  numberInWords,
} from "../../format.js";
import { amountSum, budgetAmounts, isSaknas } from "../../model.js";
import type { Arsbelopp, Budget, Budgetrad } from "../../schemas/types.generated.js";
import { ComposeError } from "../errors.js";
import { helper } from "./define.js";

/** The rows of a budget, else its amounts per year: what its total is the sum of. */
function rows(budget: unknown): readonly (Budgetrad | Arsbelopp)[] {
  const list = budget ? budgetAmounts(budget as Budget) : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ComposeError("Budgeten har inga rader att summera.", "mall-argument");
  }
  return list;
}

/** "1 500 000 kr" for amounts (ca when one is approximate), "uppgift saknas" when one is missing. */
function sumOf(list: readonly (Budgetrad | Arsbelopp)[]): string {
  return formatAmountOrMissing(
    amountSum(list),
    list.some((r) => r.ungefärligt),
  );
}

function yearList(v: unknown): Arsbelopp[] {
  if (!Array.isArray(v) || v.length === 0 || v.some((y) => typeof y?.år !== "number")) {
    throw new ComposeError("Beloppen per år saknas.", "mall-argument");
  }
  return v as Arsbelopp[];
}

/** "650 000 kr", "ca 40 000 kr" when approximate, "uppgift saknas" when missing. */
export function rowAmount(row: unknown): string {
  if (typeof row !== "object" || row === null || !("belopp" in row)) {
    throw new ComposeError("En budgetrad saknar belopp.", "mall-argument");
  }
  const r = row as Budgetrad;
  return formatAmountOrMissing(isSaknas(r.belopp) ? undefined : r.belopp, r.ungefärligt);
}

/**
 * The total of a budget's rows (or, without rows, of its amounts per year), computed (a declared
 * `summa` is only checked, by `iop check`).
 */
export const budgetTotal = (budget: unknown): string => sumOf(rows(budget));

/** How a budget's money is named: "ersättning", "bidrag" or "egenfinansiering". */
function budgetWord(budget: unknown, kind: unknown): string {
  const own = (budget as Budget | undefined)?.benämning;
  if (own) return own;
  if (kind === "ersättning" || kind === "egenfinansiering" || kind === "bidrag") return kind;
  throw new ComposeError(`Okänt slag av budget "${String(kind)}".`, "mall-argument");
}

const DEFINITE: Record<string, string> = {
  ersättning: "ersättningen",
  bidrag: "bidraget",
  egenfinansiering: "egenfinansieringen",
};

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
  /** The noun's form for a count: `{{böj n "månad" "månader"}}`, the singular for 1. */
  böj: helper("böj", 3, ([n, singular, plural]) => {
    if (typeof n !== "number" || typeof singular !== "string" || typeof plural !== "string") {
      throw new ComposeError("böj behöver ett tal och två ordformer.", "mall-argument");
    }
    return n === 1 ? singular : plural;
  }),
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
  /** The total of a list of amounts per year (`per_år`), or of a split (`fördelning`). */
  årssumma: helper("årssumma", 1, ([v]) => sumOf(yearList(v))),
  delsumma: helper("delsumma", 1, ([v]) => {
    if (!Array.isArray(v) || v.length === 0) {
      throw new ComposeError("Fördelningen saknas.", "mall-argument");
    }
    return sumOf(v as Budgetrad[]);
  }),
  /** "2025–2027" for amounts per year (one year: "2025"). */
  årsspann: helper("årsspann", 1, ([v]) => {
    const years = yearList(v).map((y) => y.år);
    const first = Math.min(...years);
    const last = Math.max(...years);
    return first === last ? String(first) : `${first}–${last}`;
  }),
  /**
   * The budget's noun, `form` "grundform" ("bidrag"), "obestämd" ("Bidrag", capitalised for a
   * heading) or "bestämd" ("bidraget"): its own `benämning`, else `slag` ("ersättning" or
   * "egenfinansiering").
   */
  budgetord: helper("budgetord", 3, ([budget, kind, form]) => {
    const word = budgetWord(budget, kind);
    if (form === "grundform") return word;
    if (form === "obestämd") return capitalize(word);
    if (form === "bestämd") return DEFINITE[word] as string;
    throw new ComposeError(
      `Okänd form "${String(form)}" (grundform, obestämd eller bestämd).`,
      "mall-argument",
    );
  }),
  /** The fixed text a fact marked `saknas` is printed as: "uppgift saknas". */
  saknastext: helper("saknastext", 0, () => MISSING),
};

import type { Budget, Budgetrad, Ekonomi } from "../../model.js";
import { budgetSum, known } from "../../model.js";
import { arrow, delta, kronor, MISSING } from "./format.js";
import type { SummaryItem } from "./types.js";

type BudgetKind = "ersattning" | "egenfinansiering";
const LABEL: Record<BudgetKind, string> = {
  ersattning: "Ersättning",
  egenfinansiering: "Egenfinansiering",
};
const FIELD: Record<BudgetKind, "ersättning" | "egenfinansiering"> = {
  ersattning: "ersättning",
  egenfinansiering: "egenfinansiering",
};

interface Total {
  amount?: number;
  approximate: boolean;
  text: string;
}

/** The budget's total: the sum of its rows (missing when a row is), else its `summa`, else its formula. */
function total(budget: Budget): Total {
  const rows = budget.rader ?? [];
  if (rows.length > 0) {
    const approximate = rows.some((r) => r.ungefärligt === true);
    const amount = budgetSum(budget);
    if (amount === undefined) return { approximate, text: MISSING };
    return { amount, approximate, text: kronor(amount, approximate) };
  }
  if (budget.summa !== undefined)
    return { amount: budget.summa, approximate: false, text: kronor(budget.summa) };
  if (budget.formel)
    return { approximate: false, text: `${budget.formel.kronor_per_invånare} kr per invånare` };
  return { approximate: false, text: MISSING };
}

const rowAmount = (row: Budgetrad) => kronor(known(row.belopp), row.ungefärligt === true);
/** "Personal 650 000 kr", "Ersättning (uppgift saknas)". */
const rowText = (row: Budgetrad) =>
  known(row.belopp) === undefined ? `${row.post} (${MISSING})` : `${row.post} ${rowAmount(row)}`;
const postKey = (row: Budgetrad) => row.post.trim().toLocaleLowerCase("sv-SE");

/** "Personal: 650 000 kr → 675 000 kr (+25 000 kr, +3,8 %)"; posts added and removed. */
function postChanges(a: Budget, b: Budget): string[] {
  const oldRows = a.rader ?? [];
  const newRows = b.rader ?? [];
  if (
    oldRows.length === 1 &&
    newRows.length === 1 &&
    postKey(oldRows[0] as Budgetrad) === postKey(newRows[0] as Budgetrad)
  ) {
    return [];
  }
  const oldByPost = new Map(oldRows.map((r) => [postKey(r), r]));
  const newPosts = new Set(newRows.map(postKey));
  const changed: string[] = [];
  const added: string[] = [];
  for (const row of newRows) {
    const before = oldByPost.get(postKey(row));
    if (!before) {
      added.push(rowText(row));
    } else if (rowAmount(before) !== rowAmount(row)) {
      const x = known(before.belopp);
      const y = known(row.belopp);
      changed.push(
        `${row.post}: ${arrow(rowAmount(before), rowAmount(row))}${x !== undefined && y !== undefined ? ` ${delta(x, y)}` : ""}`,
      );
    }
  }
  const removed = oldRows.filter((r) => !newPosts.has(postKey(r))).map(rowText);
  return [
    ...changed,
    ...(removed.length > 0
      ? [`${removed.length === 1 ? "post borttagen" : "poster borttagna"}: ${removed.join(", ")}`]
      : []),
    ...(added.length > 0
      ? [`${added.length === 1 ? "post tillagd" : "poster tillagda"}: ${added.join(", ")}`]
      : []),
  ];
}

const rowsJson = (budget: Budget | undefined) =>
  budget
    ? {
        summa: total(budget).amount ?? null,
        rader: (budget.rader ?? []).map((r) => ({ post: r.post, belopp: known(r.belopp) ?? null })),
      }
    : null;

/**
 * One line per budget that changed: "Ersättning, <part>: 805 000 kr → 830 000 kr (+25 000 kr,
 * +3,1 %)", followed by the posts that changed, were removed or added.
 */
export function budgetChange(
  kind: BudgetKind,
  who: string,
  a: Budget | undefined,
  b: Budget | undefined,
  document?: string,
): SummaryItem[] {
  if (!a && !b) return [];
  const base = { kind, ...(document ? { document } : {}), old: rowsJson(a), new: rowsJson(b) };
  const head = `${LABEL[kind]}, ${who}`;
  if (!a) return [{ ...base, text: `${head}: tillagd, ${total(b as Budget).text}` }];
  if (!b) return [{ ...base, text: `${head}: borttagen (var ${total(a).text})` }];
  const x = total(a);
  const y = total(b);
  const posts = postChanges(a, b);
  if (x.text === y.text && posts.length === 0) return [];
  const sum =
    x.text === y.text
      ? `${y.text} (oförändrad summa)`
      : `${arrow(x.text, y.text)}${x.amount !== undefined && y.amount !== undefined ? ` ${delta(x.amount, y.amount)}` : ""}`;
  return [{ ...base, text: [`${head}: ${sum}`, ...posts].join("; ") }];
}

/** Both budgets of an `ekonomi` entry. */
export const ekonomiChanges = (
  who: string,
  a: Ekonomi | undefined,
  b: Ekonomi | undefined,
  document?: string,
): SummaryItem[] =>
  (["ersattning", "egenfinansiering"] as const).flatMap((kind) =>
    budgetChange(kind, who, a?.[FIELD[kind]], b?.[FIELD[kind]], document),
  );

import { capitalize, formatAmount } from "../../format.js";
import type { Arsbelopp, Budget, Budgetrad, EgenInsats, Ekonomi, Tak } from "../../model.js";
import { amountSum, budgetAmounts, known } from "../../model.js";
import { compareTexts } from "./commitments.js";
import { amountChange, arrow, kronor, MISSING, plain } from "./format.js";
import type { SummaryItem } from "./types.js";

type BudgetKind = "ersattning" | "egenfinansiering";
const LABEL: Record<BudgetKind, string> = {
  ersattning: "Ersättning",
  egenfinansiering: "Egenfinansiering",
};
/** "Ersättning", or the budget's own noun ("Bidrag"): the new version's, else the old one's. */
const label = (kind: BudgetKind, a: Budget | undefined, b: Budget | undefined): string => {
  const own = b?.benämning ?? a?.benämning;
  return own ? capitalize(own) : LABEL[kind];
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

/**
 * The budget's total: the sum of its rows, or without rows of its amounts per year (missing when
 * one is); else its `summa`, else its formula.
 */
function total(budget: Budget): Total {
  const rows = budgetAmounts(budget);
  if (rows.length > 0) {
    const approximate = rows.some((r) => r.ungefärligt === true);
    const amount = amountSum(rows);
    if (amount === undefined) return { approximate, text: MISSING };
    return { amount, approximate, text: kronor(amount, approximate) };
  }
  if (budget.summa !== undefined)
    return { amount: budget.summa, approximate: false, text: kronor(budget.summa) };
  if (budget.formel)
    return {
      approximate: false,
      text: `${formatAmount(budget.formel.kronor_per_invånare)} per invånare`,
    };
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
      changed.push(`${row.post}: ${amountChange(rowAmount(before), rowAmount(row), x, y)}`);
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

/** "2026: 500 000 kr → 600 000 kr (+100 000 kr, +20,0 %)"; years added and removed. */
export function yearChanges(
  a: readonly Arsbelopp[] | undefined,
  b: readonly Arsbelopp[] | undefined,
): string[] {
  const amount = (y: Arsbelopp) => kronor(known(y.belopp), y.ungefärligt === true);
  const oldByYear = new Map((a ?? []).map((y) => [y.år, y]));
  const newYears = new Set((b ?? []).map((y) => y.år));
  const out: string[] = [];
  for (const y of b ?? []) {
    const before = oldByYear.get(y.år);
    if (!before) {
      out.push(`år ${y.år} tillagt: ${amount(y)}`);
    } else if (amount(before) !== amount(y)) {
      const x = known(before.belopp);
      const z = known(y.belopp);
      out.push(`${y.år}: ${amountChange(amount(before), amount(y), x, z)}`);
    }
  }
  for (const y of a ?? []) {
    if (!newYears.has(y.år)) out.push(`år ${y.år} borttaget (var ${amount(y)})`);
  }
  return out;
}

/** "högst 500 000 kr", "upp till 500 000 kr", "inget tak". */
export const ceiling = (tak: Tak | undefined): string =>
  tak ? `${tak.uttryck ?? "högst"} ${kronor(known(tak.belopp))}` : "inget tak";

const rowsJson = (budget: Budget | undefined) =>
  budget
    ? {
        summa: total(budget).amount ?? null,
        rader: (budget.rader ?? []).map((r) => ({ post: r.post, belopp: known(r.belopp) ?? null })),
        per_år: (budget.per_år ?? []).map((y) => ({ år: y.år, belopp: known(y.belopp) ?? null })),
        tak: known(budget.tak?.belopp) ?? null,
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
  const name = label(kind, a, b);
  const head = `${name}, ${who}`;
  // "Bidrag" is neuter ("tillagt"); "Ersättning" and "Egenfinansiering" are not ("tillagd").
  const [added, removed] = name === "Bidrag" ? ["tillagt", "borttaget"] : ["tillagd", "borttagen"];
  if (!a) return [{ ...base, text: `${head}: ${added}, ${total(b as Budget).text}` }];
  if (!b) return [{ ...base, text: `${head}: ${removed} (var ${total(a).text})` }];
  const x = total(a);
  const y = total(b);
  const posts = [
    ...postChanges(a, b),
    ...yearChanges(a.per_år, b.per_år),
    ...(ceiling(a.tak) !== ceiling(b.tak) ? [`tak ${arrow(ceiling(a.tak), ceiling(b.tak))}`] : []),
    ...((a.benämning ?? "") !== (b.benämning ?? "")
      ? [
          `benämning ${arrow(a.benämning ?? LABEL[kind].toLowerCase(), b.benämning ?? LABEL[kind].toLowerCase())}`,
        ]
      : []),
  ];
  if (x.text === y.text && posts.length === 0) return [];
  const sum =
    x.text === y.text
      ? `${y.text} (oförändrad summa)`
      : amountChange(x.text, y.text, x.amount, y.amount);
  return [{ ...base, text: [`${head}: ${sum}`, ...posts].join("; ") }];
}

/** One post of an own contribution as a line: "ideellt arbete: volontärer, 1 200 timmar per år". */
function contributionPost(p: EgenInsats["poster"][number]): string {
  const hours =
    p.timmar === undefined
      ? ""
      : `, ${known(p.timmar) === undefined ? `timmar ${MISSING}` : `${p.timmar} timmar ${p.per === "perioden" ? "under perioden" : `per ${p.per ?? "år"}`}`}`;
  const value =
    p.värde === undefined ? "" : ` (värde ${kronor(known(p.värde), p.ungefärligt === true)})`;
  return `${p.slag}: ${plain(p.beskrivning, () => undefined)}${hours}${value}`;
}

/** The party's own contribution: its `insats` text and the posts of `egen_insats`. */
function contributionChanges(
  who: string,
  a: Ekonomi | undefined,
  b: Ekonomi | undefined,
  document?: string,
): SummaryItem[] {
  const before = [
    ...(a?.insats ? [plain(a.insats, () => undefined)] : []),
    ...(a?.egen_insats?.poster ?? []).map(contributionPost),
  ];
  const after = [
    ...(b?.insats ? [plain(b.insats, () => undefined)] : []),
    ...(b?.egen_insats?.poster ?? []).map(contributionPost),
  ];
  const changes = compareTexts(before, after);
  const parts = [
    ...changes.changed.map((c) => `${arrow(c.old, c.new)}`),
    ...changes.removed.map((t) => `borttagen: ${t}`),
    ...changes.added.map((t) => `tillagd: ${t}`),
  ];
  if (parts.length === 0) return [];
  return [
    {
      kind: "egen-insats",
      text: `Egen insats, ${who}: ${parts.join("; ")}`,
      ...(document ? { document } : {}),
      old: before,
      new: after,
    },
  ];
}

/** Both budgets of an `ekonomi` entry, and the party's own contribution. */
export const ekonomiChanges = (
  who: string,
  a: Ekonomi | undefined,
  b: Ekonomi | undefined,
  document?: string,
): SummaryItem[] => [
  ...(["ersattning", "egenfinansiering"] as const).flatMap((kind) =>
    budgetChange(kind, who, a?.[FIELD[kind]], b?.[FIELD[kind]], document),
  ),
  ...contributionChanges(who, a, b, document),
];

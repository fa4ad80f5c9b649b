import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { amountSum, type Budget, budgetSum, known, type Period } from "../../model.js";
import { checkYears, diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

const kr = (n: number) => `${new Intl.NumberFormat("sv-SE").format(n)} kr`;

/** What a budget's total is the sum of, in the messages. */
const basis = (budget: Budget) =>
  budget.rader?.length ? "raderna" : budget.per_år ? "beloppen per år" : "raderna";

function checkBudget(
  file: SourceFile,
  budget: Budget | undefined,
  path: (string | number)[],
  period: Period,
): Diagnostic[] {
  if (!budget) return [];
  const out: Diagnostic[] = [...checkYears(file, budget.per_år, [...path, "per_år"], period)];
  const total = budgetSum(budget);
  if (budget.summa !== undefined) {
    if (total === undefined) {
      out.push(
        diagnosticAt(
          file,
          [...path, "summa"],
          "varning",
          "budget-summa-okontrollerad",
          `Summan ${kr(budget.summa)} kan inte kontrolleras eftersom belopp saknas på någon rad.`,
        ),
      );
    } else if (total !== budget.summa) {
      out.push(
        diagnosticAt(
          file,
          [...path, "summa"],
          "fel",
          "budget-summa",
          `Angiven summa ${kr(budget.summa)} stämmer inte med ${basis(budget)}, som blir ${kr(total)}.`,
        ),
      );
    }
  }
  // Rows and amounts per year are two splits of the same money.
  if (budget.rader?.length && budget.per_år) {
    const rows = amountSum(budget.rader);
    const years = amountSum(budget.per_år);
    if (rows !== undefined && years !== undefined && rows !== years) {
      out.push(
        diagnosticAt(
          file,
          [...path, "per_år"],
          "fel",
          "budget-per-ar-summa",
          `Beloppen per år blir ${kr(years)} men raderna ${kr(rows)}; de ska vara samma pengar.`,
          true,
        ),
      );
    }
  }
  const ceiling = known(budget.tak?.belopp);
  if (ceiling !== undefined && total !== undefined && total > ceiling) {
    out.push(
      diagnosticAt(
        file,
        [...path, "tak", "belopp"],
        "fel",
        "budget-over-tak",
        `Budgeten blir ${kr(total)}, mer än taket ${kr(ceiling)}.`,
      ),
    );
  }
  return out;
}

/**
 * A declared budget total must equal the sum of its rows (or of its amounts per year; the total is
 * always computed); rows and amounts per year must agree; a budget stays within its ceiling; each
 * year is given once and lies within the period.
 */
export const budget: Rule = {
  id: "budget-summa",
  run(agreement) {
    const out: Diagnostic[] = [];
    const period = agreement.data.period;
    (agreement.data.ekonomi ?? []).forEach((e, i) => {
      out.push(...checkBudget(agreement.file, e.ersättning, ["ekonomi", i, "ersättning"], period));
      out.push(
        ...checkBudget(
          agreement.file,
          e.egenfinansiering,
          ["ekonomi", i, "egenfinansiering"],
          period,
        ),
      );
    });
    for (const b of agreement.bilagor) {
      out.push(
        ...checkBudget(b.file, b.data.ekonomi?.ersättning, ["ekonomi", "ersättning"], period),
      );
      out.push(
        ...checkBudget(
          b.file,
          b.data.ekonomi?.egenfinansiering,
          ["ekonomi", "egenfinansiering"],
          period,
        ),
      );
    }
    return out;
  },
};

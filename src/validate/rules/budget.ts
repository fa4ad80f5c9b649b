import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { type Budget, budgetSum } from "../../model.js";
import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

const kr = (n: number) => `${new Intl.NumberFormat("sv-SE").format(n)} kr`;

function checkBudget(
  file: SourceFile,
  budget: Budget | undefined,
  path: (string | number)[],
): Diagnostic[] {
  if (!budget || budget.summa === undefined) return [];
  const total = budgetSum(budget);
  if (total === undefined) {
    return [
      diagnosticAt(
        file,
        [...path, "summa"],
        "varning",
        "budget-summa-okontrollerad",
        `Summan ${kr(budget.summa)} kan inte kontrolleras eftersom belopp saknas på någon rad.`,
      ),
    ];
  }
  if (total !== budget.summa) {
    return [
      diagnosticAt(
        file,
        [...path, "summa"],
        "fel",
        "budget-summa",
        `Angiven summa ${kr(budget.summa)} stämmer inte med raderna, som blir ${kr(total)}.`,
      ),
    ];
  }
  return [];
}

/** A declared budget total must equal the sum of its rows (the total is always computed). */
export const budget: Rule = {
  id: "budget-summa",
  run(agreement) {
    const out: Diagnostic[] = [];
    (agreement.data.ekonomi ?? []).forEach((e, i) => {
      out.push(...checkBudget(agreement.file, e.ersättning, ["ekonomi", i, "ersättning"]));
      out.push(
        ...checkBudget(agreement.file, e.egenfinansiering, ["ekonomi", i, "egenfinansiering"]),
      );
    });
    for (const b of agreement.bilagor) {
      out.push(...checkBudget(b.file, b.data.ekonomi?.ersättning, ["ekonomi", "ersättning"]));
      out.push(
        ...checkBudget(b.file, b.data.ekonomi?.egenfinansiering, ["ekonomi", "egenfinansiering"]),
      );
    }
    return out;
  },
};

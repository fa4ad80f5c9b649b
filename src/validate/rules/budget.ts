import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { amountSum, type Budget, budgetAmounts, budgetSum, known } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { budgetAmountsValid, checkYears, diagnosticAt, items, kr, periodYears } from "./context.js";
import type { Rule } from "./index.js";

/** What a budget's total is the sum of, in the messages. */
const basis = (budget: Budget) =>
  budgetAmounts(budget) === budget.per_år ? "beloppen per år" : "raderna";

/** A stated `summa` against the sum of the rows or years (undefined when an amount is missing). */
function checkStatedSum(
  file: SourceFile,
  budget: Budget,
  summa: number,
  path: (string | number)[],
  total: number | undefined,
): Diagnostic[] {
  if (total === undefined) {
    return [
      diagnosticAt(
        file,
        [...path, "summa"],
        "varning",
        "budget-summa-okontrollerad",
        `Summan ${kr(summa)} kan inte kontrolleras eftersom ett belopp saknas bland ${basis(budget)}.`,
      ),
    ];
  }
  if (total === summa) return [];
  return [
    diagnosticAt(
      file,
      [...path, "summa"],
      "fel",
      "budget-summa",
      `Angiven summa ${kr(summa)} stämmer inte med ${basis(budget)}, som blir ${kr(total)}.`,
    ),
  ];
}

function checkBudget(
  schema: SchemaErrors,
  file: SourceFile,
  budget: Budget | undefined,
  path: (string | number)[],
  span: { first: number; last: number } | undefined,
): Diagnostic[] {
  if (!budget || !schema.formed(file, path)) return [];
  const valid = (...key: string[]) => schema.valid(file, [...path, ...key]);
  const out: Diagnostic[] = [...checkYears(schema, file, budget.per_år, [...path, "per_år"], span)];
  // A row or year with a schema error would make the sum wrong for a reason already reported.
  const summable = budgetAmountsValid(schema, file, budget, path);
  const total = summable ? budgetSum(budget) : undefined;
  if (summable && budget.summa !== undefined && valid("summa")) {
    out.push(...checkStatedSum(file, budget, budget.summa, path, total));
  }
  // Rows and amounts per year are two splits of the same money.
  if (summable && valid("per_år") && budget.rader?.length && budget.per_år) {
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
          "key",
        ),
      );
    }
  }
  const ceiling = valid("tak") ? known(budget.tak?.belopp) : undefined;
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
 * year is given once and lies within the period. Amounts with schema errors are left alone, and
 * so are the sums they are part of.
 */
export const budget: Rule = {
  id: "budget-summa",
  run(agreement, schema) {
    const out: Diagnostic[] = [];
    const { file } = agreement;
    const span = periodYears(schema, file, agreement.data.period);
    for (const [e, i] of items(schema, file, ["ekonomi"], agreement.data.ekonomi)) {
      out.push(...checkBudget(schema, file, e.ersättning, ["ekonomi", i, "ersättning"], span));
      out.push(
        ...checkBudget(schema, file, e.egenfinansiering, ["ekonomi", i, "egenfinansiering"], span),
      );
    }
    for (const b of agreement.bilagor) {
      if (!schema.formed(b.file, ["ekonomi"])) continue;
      const { ersättning, egenfinansiering } = b.data.ekonomi ?? {};
      out.push(...checkBudget(schema, b.file, ersättning, ["ekonomi", "ersättning"], span));
      out.push(
        ...checkBudget(schema, b.file, egenfinansiering, ["ekonomi", "egenfinansiering"], span),
      );
    }
    return out;
  },
};

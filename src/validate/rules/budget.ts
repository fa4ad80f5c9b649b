import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { type Budget, budgetSum } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { diagnosticAt, items } from "./context.js";
import type { Rule } from "./index.js";

const kr = (n: number) => `${new Intl.NumberFormat("sv-SE").format(n)} kr`;

function checkBudget(
  schema: SchemaErrors,
  file: SourceFile,
  budget: Budget | undefined,
  path: (string | number)[],
): Diagnostic[] {
  // A row with a schema error would make the sum wrong for a reason already reported.
  if (!budget || budget.summa === undefined || !schema.valid(file, path)) return [];
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
  run(agreement, schema) {
    const out: Diagnostic[] = [];
    const { file } = agreement;
    for (const [e, i] of items(schema, file, ["ekonomi"], agreement.data.ekonomi)) {
      out.push(...checkBudget(schema, file, e.ersättning, ["ekonomi", i, "ersättning"]));
      out.push(
        ...checkBudget(schema, file, e.egenfinansiering, ["ekonomi", i, "egenfinansiering"]),
      );
    }
    for (const b of agreement.bilagor) {
      if (!schema.formed(b.file, ["ekonomi"])) continue;
      const { ersättning, egenfinansiering } = b.data.ekonomi ?? {};
      out.push(...checkBudget(schema, b.file, ersättning, ["ekonomi", "ersättning"]));
      out.push(...checkBudget(schema, b.file, egenfinansiering, ["ekonomi", "egenfinansiering"]));
    }
    return out;
  },
};

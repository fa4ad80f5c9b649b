import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { amountSum, type Budget, budgetSum, known } from "../../model.js";
import {
  budgetAmountsValid,
  checkYears,
  diagnosticAt,
  itemIds,
  items,
  kr,
  partyName,
  periodYears,
} from "./context.js";
import type { Rule } from "./index.js";

/**
 * The partnership's funding (`finansiering`): its split names parties of the agreement, each once;
 * the split and the amounts per year stay within the ceiling; each year once and within the
 * period; and what a party is paid (its ersättning, in the agreement or its bilaga) stays within
 * its share. Values with schema errors are left alone, and so are the sums they are part of; a
 * party is only reported unknown when every party passed the schema (its id may be misspelt).
 */
export const finansiering: Rule = {
  id: "finansiering",
  run({ data, file, bilagor }, schema) {
    const f = data.finansiering;
    if (!f || !schema.formed(file, ["finansiering"])) return [];
    const valid = (...path: (string | number)[]) => schema.valid(file, ["finansiering", ...path]);
    const out: Diagnostic[] = [
      ...checkYears(
        schema,
        file,
        f.per_år,
        ["finansiering", "per_år"],
        periodYears(schema, file, data.period),
      ),
    ];
    const ceiling = valid("tak") ? known(f.tak?.belopp) : undefined;
    const over = (total: number | undefined, path: (string | number)[], what: string) => {
      if (ceiling !== undefined && total !== undefined && total > ceiling) {
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "finansiering-over-tak",
            `${what} blir ${kr(total)}, mer än partnerskapets tak ${kr(ceiling)}.`,
            "key",
          ),
        );
      }
    };
    if (f.fördelning && valid("fördelning")) {
      over(amountSum(f.fördelning), ["finansiering", "fördelning"], "Fördelningen");
    }
    if (f.per_år && valid("per_år")) {
      over(amountSum(f.per_år), ["finansiering", "per_år"], "Beloppen per år");
    }
    const parties = itemIds(schema, file, ["parter"], data.parter);
    const partIndex = new Map(parties.ids.map((p) => [p.id, p.path[1] as number]));
    const seen = new Set<string>();
    for (const [share, i] of items(schema, file, ["finansiering", "fördelning"], f.fördelning)) {
      const path = ["finansiering", "fördelning", i, "part"];
      if (!schema.valid(file, path)) continue;
      const index = partIndex.get(share.part);
      if (index === undefined) {
        if (parties.complete) {
          out.push(
            diagnosticAt(
              file,
              path,
              "fel",
              "finansiering-part-saknas",
              `Parten "${share.part}" finns inte bland parterna.`,
            ),
          );
        }
        continue;
      }
      const name = partyName(schema, file, data.parter, index);
      if (seen.has(share.part)) {
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "finansiering-part-dubblett",
            `${name} förekommer mer än en gång i fördelningen.`,
          ),
        );
      }
      seen.add(share.part);
      const amount = valid("fördelning", i, "belopp") ? known(share.belopp) : undefined;
      if (amount === undefined) continue;
      // What the party is paid: its ersättning in the agreement's ekonomi or in its bilaga.
      const paid: { file: SourceFile; budget: Budget | undefined; path: (string | number)[] }[] =
        [];
      for (const [e, j] of items(schema, file, ["ekonomi"], data.ekonomi)) {
        if (schema.valid(file, ["ekonomi", j, "part"]) && e.part === share.part) {
          paid.push({ file, budget: e.ersättning, path: ["ekonomi", j, "ersättning"] });
        }
      }
      for (const b of bilagor) {
        if (!schema.valid(b.file, ["part"]) || b.data.part !== share.part) continue;
        if (!schema.formed(b.file, ["ekonomi"])) continue;
        paid.push({
          file: b.file,
          budget: b.data.ekonomi?.ersättning,
          path: ["ekonomi", "ersättning"],
        });
      }
      for (const p of paid) {
        if (!p.budget || !budgetAmountsValid(schema, p.file, p.budget, p.path)) continue;
        const total = budgetSum(p.budget);
        if (total !== undefined && total > amount) {
          out.push(
            diagnosticAt(
              p.file,
              p.path,
              "fel",
              "finansiering-over-fordelning",
              `Ersättningen till ${name} blir ${kr(total)}, mer än partens del av finansieringen (${kr(amount)}).`,
              "key",
            ),
          );
        }
      }
    }
    return out;
  },
};

import type { Diagnostic } from "../../diagnostics.js";
import { amountSum, budgetSum, known, partById } from "../../model.js";
import { checkYears, diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

const kr = (n: number) => `${new Intl.NumberFormat("sv-SE").format(n)} kr`;

/**
 * The partnership's funding (`finansiering`): its split names parties of the agreement, each once;
 * the split and the amounts per year stay within the ceiling; each year once and within the
 * period; and what a party is paid (its ersättning, in the agreement or its bilaga) stays within
 * its share.
 */
export const finansiering: Rule = {
  id: "finansiering",
  run({ data, file, bilagor }) {
    const f = data.finansiering;
    if (!f) return [];
    const out: Diagnostic[] = [
      ...checkYears(file, f.per_år, ["finansiering", "per_år"], data.period),
    ];
    const ceiling = known(f.tak?.belopp);
    const over = (total: number | undefined, path: (string | number)[], what: string) => {
      if (ceiling !== undefined && total !== undefined && total > ceiling) {
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "finansiering-over-tak",
            `${what} blir ${kr(total)}, mer än partnerskapets tak ${kr(ceiling)}.`,
            true,
          ),
        );
      }
    };
    over(f.fördelning && amountSum(f.fördelning), ["finansiering", "fördelning"], "Fördelningen");
    over(f.per_år && amountSum(f.per_år), ["finansiering", "per_år"], "Beloppen per år");
    const seen = new Set<string>();
    (f.fördelning ?? []).forEach((share, i) => {
      const path = ["finansiering", "fördelning", i, "part"];
      const party = partById(data, share.part);
      if (!party) {
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "finansiering-part-saknas",
            `Parten "${share.part}" finns inte bland parterna.`,
          ),
        );
        return;
      }
      if (seen.has(share.part)) {
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "finansiering-part-dubblett",
            `${party.namn} förekommer mer än en gång i fördelningen.`,
          ),
        );
      }
      seen.add(share.part);
      const amount = known(share.belopp);
      if (amount === undefined) return;
      const paid = [
        ...(data.ekonomi ?? [])
          .filter((e) => e.part === share.part && e.ersättning)
          .map((e) => ({ file, budget: e.ersättning })),
        ...bilagor
          .filter((b) => b.data.part === share.part && b.data.ekonomi?.ersättning)
          .map((b) => ({ file: b.file, budget: b.data.ekonomi?.ersättning })),
      ];
      for (const p of paid) {
        const total = p.budget && budgetSum(p.budget);
        if (total !== undefined && total > amount) {
          out.push(
            diagnosticAt(
              p.file,
              p.file === file
                ? [
                    "ekonomi",
                    (data.ekonomi ?? []).findIndex((e) => e.part === share.part),
                    "ersättning",
                  ]
                : ["ekonomi", "ersättning"],
              "fel",
              "finansiering-over-fordelning",
              `Ersättningen till ${party.namn} blir ${kr(total)}, mer än partens del av finansieringen (${kr(amount)}).`,
              true,
            ),
          );
        }
      }
    });
    return out;
  },
};

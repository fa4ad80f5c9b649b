import type { Diagnostic } from "../../diagnostics.js";
import { partById } from "../../model.js";
import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

/**
 * Bilagor are numbered 1…n without gaps or repeats, each names a party of the agreement (and its
 * listed signers exist), no party has two, and — when there are bilagor at all — every idéburen
 * party has one.
 */
export const bilagor: Rule = {
  id: "bilagor",
  run({ data, file, bilagor: list }) {
    const out: Diagnostic[] = [];
    const seen = new Map<number, string>();
    const byParty = new Map<string, number>();
    for (const { data: b, file: bf } of list) {
      const other = seen.get(b.nummer);
      if (other) {
        out.push(
          diagnosticAt(
            bf,
            ["nummer"],
            "fel",
            "bilaga-nummer-dubblett",
            `Bilaga nummer ${b.nummer} finns redan (${other}).`,
          ),
        );
      }
      seen.set(b.nummer, bf.path);
      if (!partById(data, b.part)) {
        out.push(
          diagnosticAt(
            bf,
            ["part"],
            "fel",
            "bilaga-part-saknas",
            `Parten "${b.part}" finns inte bland överenskommelsens parter (${data.parter.map((p) => p.id).join(", ")}).`,
          ),
        );
      } else {
        const dup = byParty.get(b.part);
        if (dup !== undefined) {
          out.push(
            diagnosticAt(
              bf,
              ["part"],
              "fel",
              "bilaga-part-dubblett",
              `Parten "${b.part}" har redan bilaga ${dup}.`,
            ),
          );
        }
        byParty.set(b.part, b.nummer);
      }
      (b.undertecknare ?? []).forEach((id, i) => {
        if (!partById(data, id)) {
          out.push(
            diagnosticAt(
              bf,
              ["undertecknare", i],
              "fel",
              "bilaga-undertecknare-saknas",
              `Undertecknaren "${id}" finns inte bland överenskommelsens parter.`,
            ),
          );
        }
      });
    }
    const numbers = [...seen.keys()].sort((a, b) => a - b);
    numbers.forEach((n, i) => {
      if (n !== i + 1 && !numbers.includes(i + 1)) {
        const b = list.find((x) => x.data.nummer === n);
        if (b) {
          out.push(
            diagnosticAt(
              b.file,
              ["nummer"],
              "fel",
              "bilaga-nummer-lucka",
              `Bilagorna ska numreras 1, 2, 3 … utan luckor; bilaga ${i + 1} saknas före bilaga ${n}.`,
            ),
          );
        }
      }
    });
    if (list.length > 0) {
      data.parter.forEach((p, i) => {
        if (p.sektor === "idéburen" && !byParty.has(p.id)) {
          out.push(
            diagnosticAt(
              file,
              ["parter", i],
              "varning",
              "bilaga-saknas-for-part",
              `${p.namn} har ingen bilaga med sina åtaganden.`,
            ),
          );
        }
      });
    }
    return out;
  },
};

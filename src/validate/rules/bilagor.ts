import type { Diagnostic } from "../../diagnostics.js";
import { signerId } from "../../model.js";
import { diagnosticAt, itemIds, items } from "./context.js";
import type { Rule } from "./index.js";

/**
 * Bilagor are numbered 1…n without gaps or repeats, each names a party of the agreement (and its
 * listed signers exist), no party has two, and — when there are bilagor at all — every idéburen
 * party has one. A number or party with a schema error is left out, and the checks that need all
 * of them (gaps, unknown parties, parties without a bilaga) are then not made.
 */
export const bilagor: Rule = {
  id: "bilagor",
  run({ data, file, bilagor: list }, schema) {
    const out: Diagnostic[] = [];
    const parties = itemIds(schema, file, ["parter"], data.parter);
    const known = new Set(parties.ids.map((p) => p.id));
    const seen = new Map<number, string>();
    /** Each party with a bilaga, and that bilaga's number (unless it has a schema error). */
    const byParty = new Map<string, number | undefined>();
    let allNumbers = true;
    let allParts = true;
    for (const { data: b, file: bf } of list) {
      const numbered = schema.valid(bf, ["nummer"]);
      allNumbers &&= numbered;
      const other = numbered ? seen.get(b.nummer) : undefined;
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
      if (numbered) seen.set(b.nummer, bf.path);
      const named = schema.valid(bf, ["part"]);
      allParts &&= named;
      if (named && parties.complete && !known.has(b.part)) {
        out.push(
          diagnosticAt(
            bf,
            ["part"],
            "fel",
            "bilaga-part-saknas",
            `Parten "${b.part}" finns inte bland överenskommelsens parter (${[...known].join(", ")}).`,
          ),
        );
      } else if (named) {
        if (byParty.has(b.part)) {
          const dup = byParty.get(b.part);
          out.push(
            diagnosticAt(
              bf,
              ["part"],
              "fel",
              "bilaga-part-dubblett",
              `Parten "${b.part}" har redan ${dup === undefined ? "en bilaga" : `bilaga ${dup}`}.`,
            ),
          );
        }
        byParty.set(b.part, numbered ? b.nummer : undefined);
      }
      if (!parties.complete) continue;
      for (const [entry, i] of items(schema, bf, ["undertecknare"], b.undertecknare)) {
        const id = signerId(entry);
        if (!known.has(id) && schema.valid(bf, ["undertecknare", i])) {
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
      }
    }
    const numbers = [...seen.keys()].sort((a, b) => a - b);
    numbers.forEach((n, i) => {
      if (allNumbers && n !== i + 1 && !numbers.includes(i + 1)) {
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
    if (list.length > 0 && allParts) {
      for (const [p, i] of items(schema, file, ["parter"], data.parter)) {
        if (schema.valid(file, ["parter", i]) && p.sektor === "idéburen" && !byParty.has(p.id)) {
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
      }
    }
    return out;
  },
};

import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { type Agreement, amountSum, type Budget, budgetSum, known } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
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

type Finansiering = NonNullable<Agreement["data"]["finansiering"]>;
type Share = NonNullable<Finansiering["fördelning"]>[number];

/** A budget that pays a party: where it is, and its path there. */
interface Paid {
  file: SourceFile;
  budget: Budget | undefined;
  path: (string | number)[];
}

/** The split and the amounts per year (when they passed the schema) over the ceiling. */
function overCeiling(schema: SchemaErrors, file: SourceFile, f: Finansiering): Diagnostic[] {
  const valid = (...path: (string | number)[]) => schema.valid(file, ["finansiering", ...path]);
  const ceiling = valid("tak") ? known(f.tak?.belopp) : undefined;
  if (ceiling === undefined) return [];
  const sums: [number | undefined, string, string][] = [];
  if (f.fördelning && valid("fördelning")) {
    sums.push([amountSum(f.fördelning), "fördelning", "Fördelningen"]);
  }
  if (f.per_år && valid("per_år")) sums.push([amountSum(f.per_år), "per_år", "Beloppen per år"]);
  return sums.flatMap(([total, key, what]) =>
    total !== undefined && total > ceiling
      ? [
          diagnosticAt(
            file,
            ["finansiering", key],
            "fel",
            "finansiering-over-tak",
            `${what} blir ${kr(total)}, mer än partnerskapets tak ${kr(ceiling)}.`,
            "key",
          ),
        ]
      : [],
  );
}

/** What the party is paid: its ersättning in the agreement's ekonomi or in its bilaga. */
function paidTo(schema: SchemaErrors, agreement: Agreement, part: string): Paid[] {
  const { data, file, bilagor } = agreement;
  const paid: Paid[] = [];
  for (const [e, j] of items(schema, file, ["ekonomi"], data.ekonomi)) {
    if (schema.valid(file, ["ekonomi", j, "part"]) && e.part === part) {
      paid.push({ file, budget: e.ersättning, path: ["ekonomi", j, "ersättning"] });
    }
  }
  for (const b of bilagor) {
    if (!schema.valid(b.file, ["part"]) || b.data.part !== part) continue;
    if (!schema.formed(b.file, ["ekonomi"])) continue;
    paid.push({
      file: b.file,
      budget: b.data.ekonomi?.ersättning,
      path: ["ekonomi", "ersättning"],
    });
  }
  return paid;
}

/** Each payment to a party (whose amounts passed the schema) that is more than its share. */
function paidOverShare(
  schema: SchemaErrors,
  paid: readonly Paid[],
  name: string,
  amount: number,
): Diagnostic[] {
  return paid.flatMap((p) => {
    if (!p.budget || !budgetAmountsValid(schema, p.file, p.budget, p.path)) return [];
    const total = budgetSum(p.budget);
    if (total === undefined || total <= amount) return [];
    return [
      diagnosticAt(
        p.file,
        p.path,
        "fel",
        "finansiering-over-fordelning",
        `Ersättningen till ${name} blir ${kr(total)}, mer än partens del av finansieringen (${kr(amount)}).`,
        "key",
      ),
    ];
  });
}

/**
 * One share of the split: its party unknown (when all parties are there) or named twice, and
 * what the party is paid over its share. `seen` collects the parties met so far.
 */
function shareProblems(
  schema: SchemaErrors,
  agreement: Agreement,
  parties: { index: Map<string, number>; complete: boolean },
  [share, i]: [Share, number],
  seen: Set<string>,
): Diagnostic[] {
  const { data, file } = agreement;
  const path = ["finansiering", "fördelning", i, "part"];
  if (!schema.valid(file, path)) return [];
  const index = parties.index.get(share.part);
  if (index === undefined) {
    if (!parties.complete) return [];
    return [
      diagnosticAt(
        file,
        path,
        "fel",
        "finansiering-part-saknas",
        `Parten "${share.part}" finns inte bland parterna.`,
      ),
    ];
  }
  const out: Diagnostic[] = [];
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
  const valid = schema.valid(file, ["finansiering", "fördelning", i, "belopp"]);
  const amount = valid ? known(share.belopp) : undefined;
  if (amount === undefined) return out;
  return [...out, ...paidOverShare(schema, paidTo(schema, agreement, share.part), name, amount)];
}

/**
 * The partnership's funding (`finansiering`): its split names parties of the agreement, each once;
 * the split and the amounts per year stay within the ceiling; each year once and within the
 * period; and what a party is paid (its ersättning, in the agreement or its bilaga) stays within
 * its share. Values with schema errors are left alone, and so are the sums they are part of; a
 * party is only reported unknown when every party passed the schema (its id may be misspelt).
 */
export const finansiering: Rule = {
  id: "finansiering",
  run(agreement, schema) {
    const { data, file } = agreement;
    const f = data.finansiering;
    if (!f || !schema.formed(file, ["finansiering"])) return [];
    const ids = itemIds(schema, file, ["parter"], data.parter);
    const parties = {
      index: new Map(ids.ids.map((p) => [p.id, p.path[1] as number])),
      complete: ids.complete,
    };
    const seen = new Set<string>();
    const shares = items(schema, file, ["finansiering", "fördelning"], f.fördelning);
    return [
      ...checkYears(
        schema,
        file,
        f.per_år,
        ["finansiering", "per_år"],
        periodYears(schema, file, data.period),
      ),
      ...overCeiling(schema, file, f),
      ...shares.flatMap((entry) => shareProblems(schema, agreement, parties, entry, seen)),
    ];
  },
};

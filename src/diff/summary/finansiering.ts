import { known, type Overenskommelse } from "../../model.js";
import { ceiling, yearChanges } from "./budget.js";
import type { SummaryContext } from "./context.js";
import { amountChange, arrow, kronor } from "./format.js";
import type { SummaryItem } from "./types.js";

/**
 * The partnership's funding: "Finansiering: tak högst 2 400 000 kr → högst 2 600 000 kr; <part>:
 * 800 000 kr → 900 000 kr (+100 000 kr, +12,5 %); 2026: …", parties in the split matched by
 * identity, years by year.
 */
export function financeChanges(ctx: SummaryContext): SummaryItem[] {
  const a = ctx.old.data.finansiering;
  const b = ctx.new.data.finansiering;
  if (!a && !b) return [];
  const parts: string[] = [];
  if (!a) parts.push("tillagd");
  if (!b) parts.push("borttagen");
  if (ceiling(a?.tak) !== ceiling(b?.tak))
    parts.push(`tak ${arrow(ceiling(a?.tak), ceiling(b?.tak))}`);
  if ((a?.benämning ?? "ersättning") !== (b?.benämning ?? "ersättning")) {
    parts.push(`benämning ${arrow(a?.benämning ?? "ersättning", b?.benämning ?? "ersättning")}`);
  }
  parts.push(...shareChanges(ctx, a?.fördelning ?? [], b?.fördelning ?? []));
  parts.push(...yearChanges(a?.per_år, b?.per_år));
  if (parts.length === 0) return [];
  return [
    {
      kind: "finansiering",
      text: `Finansiering: ${parts.join("; ")}`,
      document: "overenskommelse",
      old: a ?? null,
      new: b ?? null,
    },
  ];
}

type Share = NonNullable<NonNullable<Overenskommelse["finansiering"]>["fördelning"]>[number];

/** The split between parties, matched by identity: shares added, changed and removed. */
function shareChanges(ctx: SummaryContext, a: Share[], b: Share[]): string[] {
  const parts: string[] = [];
  const oldShares = new Map(a.map((s) => [ctx.parties.newIdOf.get(s.part) ?? `-${s.part}`, s]));
  const newShares = new Map(b.map((s) => [s.part, s]));
  for (const [id, s] of newShares) {
    const who = ctx.newName(id) ?? id;
    const before = oldShares.get(id);
    const x = before && known(before.belopp);
    const y = known(s.belopp);
    if (!before) parts.push(`${who} tillagd i fördelningen: ${kronor(y)}`);
    else if (kronor(x) !== kronor(y)) {
      parts.push(`${who}: ${amountChange(kronor(x), kronor(y), x, y)}`);
    }
  }
  for (const [id, s] of oldShares) {
    if (!newShares.has(id)) {
      const who = ctx.oldName(s.part) ?? s.part;
      parts.push(`${who} borttagen ur fördelningen (var ${kronor(known(s.belopp))})`);
    }
  }
  return parts;
}

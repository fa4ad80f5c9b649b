import { isSaknas } from "../../model.js";
import type { Overenskommelse } from "../../schemas/types.generated.js";
import type { SummaryContext } from "./context.js";
import { arrow, MISSING, plain } from "./format.js";
import type { SummaryItem } from "./types.js";

type Definition = NonNullable<Overenskommelse["definitioner"]>[number];
const key = (d: Definition) => d.term.trim().toLocaleLowerCase("sv-SE");

/** "Definition tillagd: <term>", "Definition borttagen: …", "Definition ändrad: <term>: old → new". */
export function definitionChanges(ctx: SummaryContext): SummaryItem[] {
  const meaning = (d: Definition, name: (id: string) => string | undefined) =>
    isSaknas(d.betydelse) ? MISSING : plain(d.betydelse, name);
  const before = ctx.old.data.definitioner ?? [];
  const after = ctx.new.data.definitioner ?? [];
  const oldByTerm = new Map(before.map((d) => [key(d), d]));
  const newTerms = new Set(after.map(key));
  const items: SummaryItem[] = [];
  for (const d of after) {
    const old = oldByTerm.get(key(d));
    if (!old) {
      items.push({
        kind: "definition-tillagd",
        text: `Definition tillagd: ${d.term}: ${meaning(d, ctx.newName)}`,
        document: "overenskommelse",
        new: d,
      });
    } else if (meaning(old, ctx.oldName) !== meaning(d, ctx.newName)) {
      items.push({
        kind: "definition-andrad",
        text: `Definition ändrad: ${d.term}: ${arrow(meaning(old, ctx.oldName), meaning(d, ctx.newName))}`,
        document: "overenskommelse",
        old,
        new: d,
      });
    }
  }
  for (const d of before) {
    if (!newTerms.has(key(d))) {
      items.push({
        kind: "definition-borttagen",
        text: `Definition borttagen: ${d.term}`,
        document: "overenskommelse",
        old: d,
      });
    }
  }
  return items;
}

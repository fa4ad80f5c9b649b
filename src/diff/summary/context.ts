import type { Agreement, Part } from "../../model.js";
import { known } from "../../model.js";

/** Parties of two versions matched by identity: organisationsnummer, else id. */
export interface PartyMatch {
  pairs: { old: Part; new: Part }[];
  removed: Part[];
  added: Part[];
  /** Old party id → matching new party id. */
  newIdOf: Map<string, string>;
}

export function matchParties(oldParts: readonly Part[], newParts: readonly Part[]): PartyMatch {
  const pairs: PartyMatch["pairs"] = [];
  const left = new Set(newParts);
  const take = (find: (p: Part) => boolean) => {
    for (const candidate of left) {
      if (find(candidate)) {
        left.delete(candidate);
        return candidate;
      }
    }
    return undefined;
  };
  const unmatched: Part[] = [];
  for (const p of oldParts) {
    const orgnr = known(p.organisationsnummer);
    const match = orgnr ? take((q) => known(q.organisationsnummer) === orgnr) : undefined;
    if (match) pairs.push({ old: p, new: match });
    else unmatched.push(p);
  }
  const removed: Part[] = [];
  for (const p of unmatched) {
    const match = take((q) => q.id === p.id);
    if (match) pairs.push({ old: p, new: match });
    else removed.push(p);
  }
  // Keep the new version's order.
  pairs.sort((a, b) => newParts.indexOf(a.new) - newParts.indexOf(b.new));
  return {
    pairs,
    removed,
    added: newParts.filter((p) => left.has(p)),
    newIdOf: new Map(pairs.map((p) => [p.old.id, p.new.id])),
  };
}

/** Both versions and what is shared between the summary's parts. */
export interface SummaryContext {
  old: Agreement;
  new: Agreement;
  parties: PartyMatch;
  /** A party's name by id in the old or new version. */
  oldName(id: string): string | undefined;
  newName(id: string): string | undefined;
}

export function summaryContext(oldAgreement: Agreement, newAgreement: Agreement): SummaryContext {
  const oldNames = new Map(oldAgreement.data.parter.map((p) => [p.id, p.namn]));
  const newNames = new Map(newAgreement.data.parter.map((p) => [p.id, p.namn]));
  return {
    old: oldAgreement,
    new: newAgreement,
    parties: matchParties(oldAgreement.data.parter, newAgreement.data.parter),
    oldName: (id) => oldNames.get(id),
    newName: (id) => newNames.get(id),
  };
}

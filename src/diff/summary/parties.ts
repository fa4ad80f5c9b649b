import { known, type Part, signatoryOf } from "../../model.js";
import type { SummaryContext } from "./context.js";
import { arrow, MISSING } from "./format.js";
import type { SummaryItem } from "./types.js";

const described = (p: Part) => {
  const orgnr = known(p.organisationsnummer);
  return orgnr ? `${p.namn} (organisationsnummer ${orgnr})` : p.namn;
};

const signatory = (p: Part): string => {
  if (p.undertecknar === false) return "undertecknar inte";
  const s = signatoryOf(p);
  if (!s) return MISSING;
  const name = known(s.namn);
  const title = known(s.titel);
  return name && title ? `${name}, ${title}` : (name ?? title ?? MISSING);
};

/**
 * Parties added, removed or changed (name, organisationsnummer, sector, förvaltning), and their
 * signatories.
 */
export function partyChanges({ parties }: SummaryContext): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const { old: a, new: b } of parties.pairs) {
    items.push(...partyChanged(a, b), ...signatoryChanged(a, b));
  }
  for (const p of parties.removed) {
    items.push({ kind: "part-borttagen", text: `Part borttagen: ${described(p)}`, old: p.id });
  }
  for (const p of parties.added) {
    items.push({ kind: "part-tillagd", text: `Part tillagd: ${described(p)}`, new: p.id });
  }
  return items;
}

/** What a party's own fields read in the summary item. */
const partFields = (p: Part) => ({
  id: p.id,
  namn: p.namn,
  organisationsnummer: p.organisationsnummer,
  sektor: p.sektor,
  förvaltning: p.förvaltning ?? null,
});

/** A party in both versions whose name, organisationsnummer, sector or förvaltning changed. */
function partyChanged(a: Part, b: Part): SummaryItem[] {
  const orgnr = (p: Part) => known(p.organisationsnummer);
  const changes = [
    a.namn !== b.namn ? `namn ${arrow(a.namn, b.namn)}` : "",
    orgnr(a) !== orgnr(b)
      ? `organisationsnummer ${arrow(orgnr(a) ?? MISSING, orgnr(b) ?? MISSING)}`
      : "",
    a.sektor !== b.sektor ? `sektor ${arrow(a.sektor, b.sektor)}` : "",
    (a.förvaltning ?? "") !== (b.förvaltning ?? "")
      ? `förvaltning ${arrow(a.förvaltning ?? "ingen", b.förvaltning ?? "ingen")}`
      : "",
  ].filter(Boolean);
  if (changes.length === 0) return [];
  return [
    {
      kind: "part-andrad",
      text: `Part ändrad: ${b.namn}: ${changes.join("; ")}`,
      old: partFields(a),
      new: partFields(b),
    },
  ];
}

function signatoryChanged(a: Part, b: Part): SummaryItem[] {
  if (signatory(a) === signatory(b)) return [];
  return [
    {
      kind: "undertecknare-andrad",
      text: `Undertecknare ändrad: ${b.namn}: ${arrow(signatory(a), signatory(b))}`,
      old: signatory(a),
      new: signatory(b),
    },
  ];
}

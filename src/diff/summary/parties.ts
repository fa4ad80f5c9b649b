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
    const changes = [
      a.namn !== b.namn ? `namn ${arrow(a.namn, b.namn)}` : "",
      known(a.organisationsnummer) !== known(b.organisationsnummer)
        ? `organisationsnummer ${arrow(known(a.organisationsnummer) ?? MISSING, known(b.organisationsnummer) ?? MISSING)}`
        : "",
      a.sektor !== b.sektor ? `sektor ${arrow(a.sektor, b.sektor)}` : "",
      (a.förvaltning ?? "") !== (b.förvaltning ?? "")
        ? `förvaltning ${arrow(a.förvaltning ?? "ingen", b.förvaltning ?? "ingen")}`
        : "",
    ].filter(Boolean);
    if (changes.length > 0) {
      items.push({
        kind: "part-andrad",
        text: `Part ändrad: ${b.namn}: ${changes.join("; ")}`,
        old: {
          id: a.id,
          namn: a.namn,
          organisationsnummer: a.organisationsnummer,
          sektor: a.sektor,
          förvaltning: a.förvaltning ?? null,
        },
        new: {
          id: b.id,
          namn: b.namn,
          organisationsnummer: b.organisationsnummer,
          sektor: b.sektor,
          förvaltning: b.förvaltning ?? null,
        },
      });
    }
    if (signatory(a) !== signatory(b)) {
      items.push({
        kind: "undertecknare-andrad",
        text: `Undertecknare ändrad: ${b.namn}: ${arrow(signatory(a), signatory(b))}`,
        old: signatory(a),
        new: signatory(b),
      });
    }
  }
  for (const p of parties.removed) {
    items.push({ kind: "part-borttagen", text: `Part borttagen: ${described(p)}`, old: p.id });
  }
  for (const p of parties.added) {
    items.push({ kind: "part-tillagd", text: `Part tillagd: ${described(p)}`, new: p.id });
  }
  return items;
}

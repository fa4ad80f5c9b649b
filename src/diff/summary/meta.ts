import type { Overenskommelse } from "../../model.js";
import type { SummaryContext } from "./context.js";
import { arrow, orMissing } from "./format.js";
import type { SummaryItem, SummaryKind } from "./types.js";

const field = (kind: SummaryKind, label: string, before: unknown, after: unknown): SummaryItem[] =>
  orMissing(before) === orMissing(after)
    ? []
    : [
        {
          kind,
          text: `${label}: ${arrow(orMissing(before), orMissing(after))}`,
          document: "overenskommelse",
          ...(before === undefined ? {} : { old: before }),
          ...(after === undefined ? {} : { new: after }),
        },
      ];

/** "kommunstyrelsen 2025-03-12 (§ 45)", with "uppgift saknas" for each part marked missing. */
function decision(beslut: Overenskommelse["beslut"]): string {
  if (!beslut) return "inget";
  const referens = beslut.referens === undefined ? "" : ` (${orMissing(beslut.referens)})`;
  return `${orMissing(beslut.organ)} ${orMissing(beslut.datum)}${referens}`;
}

/**
 * The agreement's title, diarienummer, status, version date, way of signing, the idéburna
 * parties' collective name and the decision.
 */
export function metaChanges({ old, new: next }: SummaryContext): SummaryItem[] {
  const a = old.data;
  const b = next.data;
  return [
    ...field("titel", "Titel", a.titel, b.titel),
    ...field("diarienummer", "Diarienummer", a.diarienummer, b.diarienummer),
    ...field("status", "Status", a.status, b.status),
    ...field("versionsdatum", "Versionsdatum", a.versionsdatum, b.versionsdatum),
    ...field("signering", "Undertecknande", a.signering.sätt, b.signering.sätt),
    ...field("samlingsnamn", "Samlingsnamn", a.samlingsnamn ?? "inget", b.samlingsnamn ?? "inget"),
    ...field("beslut", "Beslut", decision(a.beslut), decision(b.beslut)),
  ];
}

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

/** The agreement's title, diarienummer, status, version date and way of signing. */
export function metaChanges({ old, new: next }: SummaryContext): SummaryItem[] {
  const a = old.data;
  const b = next.data;
  return [
    ...field("titel", "Titel", a.titel, b.titel),
    ...field("diarienummer", "Diarienummer", a.diarienummer, b.diarienummer),
    ...field("status", "Status", a.status, b.status),
    ...field("versionsdatum", "Versionsdatum", a.versionsdatum, b.versionsdatum),
    ...field("signering", "Undertecknande", a.signering.sätt, b.signering.sätt),
  ];
}

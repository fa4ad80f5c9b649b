/**
 * The data-level change summary between two versions of an agreement: one Swedish line per
 * change, in a fixed order (the agreement's facts, the period, parties, the partnership's funding
 * and economy, goals, joint commitments, definitions, bilagor and their budgets and commitments,
 * then sections).
 */
import { type Agreement, agreementTitle, known, type Overenskommelse } from "../../model.js";
import type { DocumentRedline } from "../redline.js";
import { bilagaChanges, bilagaLabel, textListChanges } from "./bilagor.js";
import { ekonomiChanges } from "./budget.js";
import { summaryContext } from "./context.js";
import { definitionChanges } from "./definitions.js";
import { financeChanges } from "./finansiering.js";
import { metaChanges } from "./meta.js";
import { partyChanges } from "./parties.js";
import { periodChanges } from "./period.js";
import { sectionChanges } from "./sections.js";
import type { SummaryItem } from "./types.js";

export { matchBilagor } from "./bilagor.js";
export { matchParties, type PartyMatch } from "./context.js";
export type { SummaryItem, SummaryKind } from "./types.js";

/** The agreement-level `ekonomi` entries (agreements without bilagor), matched by party. */
function agreementEconomy(ctx: ReturnType<typeof summaryContext>): SummaryItem[] {
  const a = ctx.old.data.ekonomi ?? [];
  const b = ctx.new.data.ekonomi ?? [];
  const keyOld = (e: (typeof a)[number], i: number) =>
    e.part ? (ctx.parties.newIdOf.get(e.part) ?? `-${e.part}`) : `#${i}`;
  const keyNew = (e: (typeof b)[number], i: number) => (e.part ? e.part : `#${i}`);
  const oldByKey = new Map(a.map((e, i) => [keyOld(e, i), e]));
  const newByKey = new Map(b.map((e, i) => [keyNew(e, i), e]));
  const keys = [...new Set([...newByKey.keys(), ...oldByKey.keys()])];
  return keys.flatMap((key) => {
    const before = oldByKey.get(key);
    const after = newByKey.get(key);
    const party = after?.part ?? before?.part;
    const who =
      (party && (ctx.newName(party) ?? ctx.oldName(party))) || agreementTitle(ctx.new.data);
    return ekonomiChanges(who, before, after, "overenskommelse");
  });
}

export function summarize(
  oldAgreement: Agreement,
  newAgreement: Agreement,
  redlines: readonly DocumentRedline[] = [],
): SummaryItem[] {
  const ctx = summaryContext(oldAgreement, newAgreement);
  const labels = new Map<string, string>(
    newAgreement.bilagor.map((b) => [`bilaga-${b.data.nummer}`, bilagaLabel(b, ctx.newName)]),
  );
  /** Changes to a list of texts of the agreement itself (its goals, its joint commitments). */
  const agreementList = (
    noun: "Mål" | "Gemensamt åtagande",
    points: (data: Overenskommelse) => readonly string[],
  ) =>
    textListChanges(
      noun,
      undefined,
      points(oldAgreement.data),
      points(newAgreement.data),
      "overenskommelse",
      ctx.oldName,
      ctx.newName,
    );
  return [
    ...metaChanges(ctx),
    ...periodChanges(ctx),
    ...partyChanges(ctx),
    ...financeChanges(ctx),
    ...agreementEconomy(ctx),
    ...agreementList("Mål", (d) => known(d.mål)?.punkter ?? []),
    ...agreementList("Gemensamt åtagande", (d) => known(d.gemensamma_åtaganden)?.punkter ?? []),
    ...definitionChanges(ctx),
    ...bilagaChanges(ctx),
    ...sectionChanges(redlines, labels),
  ];
}

import { type BilagaDocument, known } from "../../model.js";
import { ekonomiChanges } from "./budget.js";
import { compareTexts } from "./commitments.js";
import type { SummaryContext } from "./context.js";
import { plain } from "./format.js";
import type { SummaryItem, SummaryKind } from "./types.js";

/**
 * "bilaga 2, Brottsofferjouren Västerort", or with the bilaga's own title "bilaga 4, Socialnämndens
 * verksamheter (Socialnämnden i Stockholms stad)".
 */
export function bilagaLabel(
  bilaga: BilagaDocument,
  name: (id: string) => string | undefined,
): string {
  const party = name(bilaga.data.part) ?? bilaga.data.part;
  return `bilaga ${bilaga.data.nummer}, ${bilaga.data.titel ? `${bilaga.data.titel} (${party})` : party}`;
}

/** Old and new bilagor matched by their party. */
export function matchBilagor(ctx: SummaryContext): {
  pairs: { old: BilagaDocument; new: BilagaDocument }[];
  removed: BilagaDocument[];
  added: BilagaDocument[];
} {
  const newByParty = new Map(ctx.new.bilagor.map((b) => [b.data.part, b]));
  const pairs: { old: BilagaDocument; new: BilagaDocument }[] = [];
  const removed: BilagaDocument[] = [];
  const matched = new Set<BilagaDocument>();
  for (const b of ctx.old.bilagor) {
    const partyId = ctx.parties.newIdOf.get(b.data.part);
    const match = partyId === undefined ? undefined : newByParty.get(partyId);
    if (match && !matched.has(match)) {
      matched.add(match);
      pairs.push({ old: b, new: match });
    } else {
      removed.push(b);
    }
  }
  pairs.sort((x, y) => x.new.data.nummer - y.new.data.nummer);
  return { pairs, removed, added: ctx.new.bilagor.filter((b) => !matched.has(b)) };
}

type Noun = "Åtagande" | "Kvalitetsmål" | "Mål" | "Gemensamt åtagande";
const KINDS: Record<Noun, [SummaryKind, SummaryKind, SummaryKind]> = {
  "Gemensamt åtagande": [
    "gemensamt-atagande-tillagt",
    "gemensamt-atagande-borttaget",
    "gemensamt-atagande-andrat",
  ],
  Åtagande: ["atagande-tillagt", "atagande-borttaget", "atagande-andrat"],
  Kvalitetsmål: ["kvalitetsmal-tillagt", "kvalitetsmal-borttaget", "kvalitetsmal-andrat"],
  Mål: ["mal-tillagt", "mal-borttaget", "mal-andrat"],
};

/**
 * "Åtagande tillagt, <part>: …", "Kvalitetsmål ändrat, <part>: old → new" … (the three nouns are
 * neuter: tillagt, borttaget, ändrat).
 */
export function textListChanges(
  noun: Noun,
  who: string | undefined,
  before: readonly string[],
  after: readonly string[],
  document: string,
  oldName: (id: string) => string | undefined,
  newName: (id: string) => string | undefined,
): SummaryItem[] {
  const [addedKind, removedKind, changedKind] = KINDS[noun];
  const at = who ? `, ${who}` : "";
  const changes = compareTexts(before, after);
  return [
    ...changes.changed.map((c) => ({
      kind: changedKind,
      text: `${noun} ändrat${at}: ${plain(c.old, oldName)} → ${plain(c.new, newName)}`,
      document,
      old: c.old,
      new: c.new,
    })),
    ...changes.removed.map((text) => ({
      kind: removedKind,
      text: `${noun} borttaget${at}: ${plain(text, oldName)}`,
      document,
      old: text,
    })),
    ...changes.added.map((text) => ({
      kind: addedKind,
      text: `${noun} tillagt${at}: ${plain(text, newName)}`,
      document,
      new: text,
    })),
  ];
}

/** Bilagor added or removed; for the others, their budgets, commitments and quality targets. */
export function bilagaChanges(ctx: SummaryContext): SummaryItem[] {
  const { pairs, removed, added } = matchBilagor(ctx);
  const items: SummaryItem[] = [];
  for (const { old: a, new: b } of pairs) {
    const document = `bilaga-${b.data.nummer}`;
    const who = ctx.newName(b.data.part) ?? b.data.part;
    items.push(...ekonomiChanges(who, a.data.ekonomi, b.data.ekonomi, document));
    items.push(
      ...textListChanges(
        "Åtagande",
        who,
        known(a.data.åtaganden)?.punkter ?? [],
        known(b.data.åtaganden)?.punkter ?? [],
        document,
        ctx.oldName,
        ctx.newName,
      ),
      ...textListChanges(
        "Kvalitetsmål",
        who,
        (a.data.kvalitetsmål?.punkter ?? []).map((p) => p.text),
        (b.data.kvalitetsmål?.punkter ?? []).map((p) => p.text),
        document,
        ctx.oldName,
        ctx.newName,
      ),
    );
  }
  for (const b of removed) {
    items.push({
      kind: "bilaga-borttagen",
      text: `Bilaga borttagen: ${bilagaLabel(b, ctx.oldName)}`,
      document: `bilaga-${b.data.nummer}`,
      old: b.data.part,
    });
  }
  for (const b of added) {
    items.push({
      kind: "bilaga-tillagd",
      text: `Bilaga tillagd: ${bilagaLabel(b, ctx.newName)}`,
      document: `bilaga-${b.data.nummer}`,
      new: b.data.part,
    });
  }
  return items;
}

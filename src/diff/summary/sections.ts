import type { DocumentRedline, SectionChange } from "../redline.js";
import { arrow } from "./format.js";
import type { SummaryItem } from "./types.js";

const numbered = (number: string | undefined, heading: string) =>
  number ? `${heading} (${number})` : heading;

/**
 * Sections added, removed, moved or renamed, from the redlines. Sections of a bilaga added or
 * removed as a whole are not listed (the bilaga is); sections moved along with their enclosing
 * section are not listed (it is); renumbering alone is not a change, nor is a section losing or
 * gaining its number (`numrerad: false`). An unnumbered section is named by its heading alone.
 */
export function sectionChanges(
  redlines: readonly DocumentRedline[],
  labels: ReadonlyMap<string, string>,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const doc of redlines) {
    if (doc.status === "added" || doc.status === "removed") continue;
    const item = itemMaker(doc, labels);
    for (const s of doc.sections) {
      const summary = sectionItem(s, item);
      if (summary) items.push(summary);
    }
  }
  return items;
}

type ItemOf = (
  kind: SummaryItem["kind"],
  verb: string,
  detail: string,
  s: SectionChange,
) => SummaryItem;

/** Builds the summary items of one document's sections ("Avsnitt <verb>, Bilaga 2: …"). */
function itemMaker(doc: DocumentRedline, labels: ReadonlyMap<string, string>): ItemOf {
  const where = doc.kind === "bilaga" ? `, ${labels.get(doc.name) ?? doc.name}` : "";
  return (kind, verb, detail, s) => ({
    kind,
    text: `Avsnitt ${verb}${where}: ${detail}`,
    document: doc.name,
    // The section as it stands in each version it is in; `nummer` null when unnumbered there.
    ...(s.status !== "added"
      ? { old: { nummer: s.oldNumber ?? null, rubrik: s.oldHeading ?? s.heading } }
      : {}),
    ...(s.status !== "removed" ? { new: { nummer: s.newNumber ?? null, rubrik: s.heading } } : {}),
  });
}

/** The summary item of one section, if it is listed. */
function sectionItem(s: SectionChange, item: ItemOf): SummaryItem | undefined {
  if (!s.heading && s.oldHeading && (s.status === "changed" || s.status === "unchanged")) {
    // Its heading was removed (the section is `utan_rubrik` now): its text stays.
    return item("avsnitt-omdopt", "står nu utan rubrik", numbered(s.oldNumber, s.oldHeading), s);
  }
  if (!s.heading && s.status !== "moved") return undefined;
  switch (s.status) {
    case "added":
      return item("avsnitt-tillagt", "tillagt", numbered(s.newNumber, s.heading), s);
    case "removed":
      return item("avsnitt-borttaget", "borttaget", numbered(s.oldNumber, s.heading), s);
    case "moved":
      return s.place === "to" && !s.withParent ? moved(s, Boolean(s.changed), item) : undefined;
    default:
      return inPlaceItem(s, item);
  }
}

/** A section compared in place: moved in the outline, or renamed. */
function inPlaceItem(s: SectionChange, item: ItemOf): SummaryItem | undefined {
  if (s.parentChanged) return moved(s, s.status === "changed", item);
  if (s.oldHeading) return item("avsnitt-omdopt", "omdöpt", arrow(s.oldHeading, s.heading), s);
  return undefined;
}

/** "Avsnitt flyttat: <heading> (<old> → <new>; tidigare rubrik: …; även ändrat)". */
function moved(s: SectionChange, changed: boolean, item: ItemOf): SummaryItem {
  const details = [
    s.oldNumber && s.newNumber ? arrow(s.oldNumber, s.newNumber) : "",
    s.oldHeading ? `tidigare rubrik: ${s.oldHeading}` : "",
    changed ? "även ändrat" : "",
  ].filter(Boolean);
  const detail = details.length > 0 ? ` (${details.join("; ")})` : "";
  return item("avsnitt-flyttat", "flyttat", `${s.heading}${detail}`, s);
}

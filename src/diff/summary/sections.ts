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
    const where = doc.kind === "bilaga" ? `, ${labels.get(doc.name) ?? doc.name}` : "";
    const item = (
      kind: SummaryItem["kind"],
      verb: string,
      detail: string,
      s: SectionChange,
    ): SummaryItem => ({
      kind,
      text: `Avsnitt ${verb}${where}: ${detail}`,
      document: doc.name,
      // The section as it stands in each version it is in; `nummer` null when unnumbered there.
      ...(s.status !== "added"
        ? { old: { nummer: s.oldNumber ?? null, rubrik: s.oldHeading ?? s.heading } }
        : {}),
      ...(s.status !== "removed"
        ? { new: { nummer: s.newNumber ?? null, rubrik: s.heading } }
        : {}),
    });
    /** "Avsnitt flyttat: <heading> (<old> → <new>; tidigare rubrik: …; även ändrat)". */
    const moved = (s: SectionChange, changed: boolean): SummaryItem => {
      const details = [
        s.oldNumber && s.newNumber ? arrow(s.oldNumber, s.newNumber) : "",
        s.oldHeading ? `tidigare rubrik: ${s.oldHeading}` : "",
        changed ? "även ändrat" : "",
      ].filter(Boolean);
      const detail = details.length > 0 ? ` (${details.join("; ")})` : "";
      return item("avsnitt-flyttat", "flyttat", `${s.heading}${detail}`, s);
    };
    for (const s of doc.sections) {
      if (!s.heading && s.oldHeading && (s.status === "changed" || s.status === "unchanged")) {
        // Its heading was removed (the section is `utan_rubrik` now): its text stays.
        items.push(
          item("avsnitt-omdopt", "står nu utan rubrik", numbered(s.oldNumber, s.oldHeading), s),
        );
        continue;
      }
      if (!s.heading && s.status !== "moved") continue;
      switch (s.status) {
        case "added":
          items.push(item("avsnitt-tillagt", "tillagt", numbered(s.newNumber, s.heading), s));
          break;
        case "removed":
          items.push(item("avsnitt-borttaget", "borttaget", numbered(s.oldNumber, s.heading), s));
          break;
        case "moved":
          if (s.place === "to" && !s.withParent) items.push(moved(s, Boolean(s.changed)));
          break;
        case "changed":
        case "unchanged":
          if (s.parentChanged) items.push(moved(s, s.status === "changed"));
          else if (s.oldHeading)
            items.push(item("avsnitt-omdopt", "omdöpt", arrow(s.oldHeading, s.heading), s));
          break;
      }
    }
  }
  return items;
}

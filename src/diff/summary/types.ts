/**
 * The change summary: what changed in the data, one Swedish line per change, keyed by identity
 * (parties by organisationsnummer, bilagor by party, budget rows by post, sections by id).
 */

/** Stable kinds of summary items (the `kind` of the JSON output). */
export type SummaryKind =
  | "titel"
  | "diarienummer"
  | "status"
  | "versionsdatum"
  | "signering"
  | "period"
  | "uppsagning"
  | "part-tillagd"
  | "part-borttagen"
  | "part-andrad"
  | "undertecknare-andrad"
  | "bilaga-tillagd"
  | "bilaga-borttagen"
  | "ersattning"
  | "egenfinansiering"
  | "avsnitt-tillagt"
  | "avsnitt-borttaget"
  | "avsnitt-flyttat"
  | "avsnitt-omdopt"
  | "mal-tillagt"
  | "mal-borttaget"
  | "mal-andrat"
  | "atagande-tillagt"
  | "atagande-borttaget"
  | "atagande-andrat"
  | "kvalitetsmal-tillagt"
  | "kvalitetsmal-borttaget"
  | "kvalitetsmal-andrat"
  | "samlingsnamn"
  | "beslut"
  | "finansiering"
  | "egen-insats"
  | "gemensamt-atagande-tillagt"
  | "gemensamt-atagande-borttaget"
  | "gemensamt-atagande-andrat"
  | "definition-tillagd"
  | "definition-borttagen"
  | "definition-andrad";

export interface SummaryItem {
  kind: SummaryKind;
  /** The change as one Swedish line, e.g. "Status: utkast → beslutad". */
  text: string;
  /** The document it concerns, when it is one document: "overenskommelse" or "bilaga-N". */
  document?: string;
  /** The old and the new value, for tools (plain JSON values; absent when there is none). */
  old?: unknown;
  new?: unknown;
}

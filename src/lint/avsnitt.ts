import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile } from "../load/source.js";
import type { Agreement, Avsnitt } from "../model.js";
import { diagnosticAt, items } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";
import type { SectionKey as RequiredSectionKey } from "./rule-ids.js";

/** What identifies a section: its clause, id, heading, and the body an `organ` section names. */
interface SectionKey {
  clause?: string;
  id?: string;
  heading?: string;
  organ?: string;
}

/**
 * A section every IOP should have (the list of issue 14, as `iop new` writes them): found when a
 * section of the agreement or of a bilaga, at any depth, uses one of its clauses, or has an id or
 * heading that matches. The rule id is `saknat-avsnitt-<key>`.
 */
interface Required {
  key: RequiredSectionKey;
  /** How the warning names it (Swedish). */
  label: string;
  clauses: string[];
  /** Matched against the section's id (ASCII) and its heading (lower case). */
  words: RegExp;
  /** For organisation: an `organ` clause naming a body of this type in `styrning`. */
  organType?: string;
  /** For uppsägning: the period clause, when the period states the notice (its sentence says
   * how and when the agreement is given notice). */
  periodNotice?: true;
}

/** Words of an id or heading; a compound counts ("avtalsperiod" is about the period). */
const w = (source: string): RegExp => new RegExp(source, "u");

export const REQUIRED_SECTIONS: Required[] = [
  { key: "bakgrund", label: "bakgrund", clauses: ["bakgrund"], words: w("bakgrund") },
  { key: "parter", label: "parter", clauses: ["parter"], words: w("parter|parterna") },
  {
    key: "vardegrund",
    label: "utgångspunkt eller värdegrund",
    clauses: ["vardegrund"],
    words: w("utgångspunkt|utgangspunkt|värdegrund|vardegrund"),
  },
  {
    key: "syfte-och-mal",
    label: "syfte och mål",
    clauses: ["syfte-och-mal", "syfte", "mal"],
    words: w("syfte|mål(?![\\p{L}])|mal(?![a-z])|målsättning|malsattning"),
  },
  { key: "malgrupp", label: "målgrupp", clauses: ["malgrupp"], words: w("målgrupp|malgrupp") },
  {
    key: "styrgrupp",
    label: "organisation med styrgrupp",
    clauses: [],
    words: w("styrgrupp"),
    organType: "styrgrupp",
  },
  {
    key: "ataganden",
    label: "åtaganden",
    clauses: ["gemensamma-ataganden", "bilaga-ataganden"],
    words: w("åtagande|atagande"),
  },
  {
    key: "uppfoljning",
    label: "uppföljning",
    clauses: ["uppfoljning"],
    words: w("uppföljning|uppfoljning|återrapportering"),
  },
  {
    key: "ekonomi",
    label: "ekonomi",
    clauses: ["ekonomi", "finansiering", "ersattning", "egenfinansiering"],
    words: w("ekonomi|ersättning|ersattning|finansiering|bidrag"),
  },
  { key: "period", label: "period", clauses: ["period"], words: w("period|avtalstid") },
  {
    key: "uppsagning",
    label: "uppsägning",
    clauses: ["uppsagning"],
    words: w("uppsägning|uppsagning"),
    periodNotice: true,
  },
  {
    key: "andringar",
    label: "ändringar och tillägg",
    clauses: ["andringar"],
    words: w("ändring|andring|tillägg|tillagg"),
  },
  {
    key: "brister",
    label: "brister och återkrav",
    clauses: ["brister", "aterkrav"],
    words: w("brist|återkrav|aterkrav|återbetalning|hävning|havning"),
  },
  { key: "oenighet", label: "oenighet", clauses: ["oenighet"], words: w("oenighet|tvist") },
  {
    key: "signering",
    label: "signering",
    clauses: ["signering"],
    words: w("signering|underskrift|undertecknande"),
  },
];

export const SECTION_RULE_PREFIX = "saknat-avsnitt";

/**
 * The sections at `path`, subsections included, as far as they passed the schema; `complete` is
 * false when one has a schema error (a clause or heading may be misspelt, so a section cannot be
 * said to be missing).
 */
function collect(
  schema: SchemaErrors,
  file: SourceFile,
  sections: readonly Avsnitt[] | undefined,
  path: (string | number)[],
  into: { keys: SectionKey[]; complete: boolean },
): void {
  if (!schema.valid(file, path)) into.complete = false;
  for (const [s, i] of items(schema, file, path, sections)) {
    const at = [...path, i];
    const ok = (key: string) => schema.valid(file, [...at, key]);
    const key: SectionKey = {};
    if (typeof s.klausul === "string" && ok("klausul")) key.clause = s.klausul;
    if (typeof s.id === "string" && ok("id")) key.id = s.id;
    if (typeof s.rubrik === "string" && ok("rubrik")) key.heading = s.rubrik.toLowerCase();
    const organ = s.parametrar?.organ;
    if (typeof organ === "string" && schema.valid(file, [...at, "parametrar", "organ"])) {
      key.organ = organ;
    }
    into.keys.push(key);
    collect(schema, file, s.avsnitt, [...at, "avsnitt"], into);
  }
}

/**
 * The sections every IOP should have that neither the agreement nor any bilaga has: one warning
 * each, at the agreement's `avsnitt`. Nothing is said while a section has a schema error.
 */
export function missingSections(agreement: Agreement, schema: SchemaErrors): Diagnostic[] {
  const found = { keys: [] as SectionKey[], complete: true };
  collect(schema, agreement.file, agreement.data.avsnitt, ["avsnitt"], found);
  for (const b of agreement.bilagor) collect(schema, b.file, b.data.avsnitt, ["avsnitt"], found);
  if (!found.complete) return [];
  const bodies = new Map<string, string>();
  for (const [body, i] of items(schema, agreement.file, ["styrning"], agreement.data.styrning)) {
    if (schema.valid(agreement.file, ["styrning", i])) bodies.set(body.id, body.typ);
  }
  const notice =
    schema.valid(agreement.file, ["period", "uppsägning"]) &&
    agreement.data.period?.uppsägning !== undefined;
  const has = (r: Required) =>
    found.keys.some(
      (k) =>
        (k.clause !== undefined && r.clauses.includes(k.clause)) ||
        (k.id !== undefined && r.words.test(k.id)) ||
        (k.heading !== undefined && r.words.test(k.heading)) ||
        (r.periodNotice === true && notice && k.clause === "period") ||
        (r.organType !== undefined &&
          k.clause === "organ" &&
          k.organ !== undefined &&
          bodies.get(k.organ) === r.organType),
    );
  return REQUIRED_SECTIONS.filter((r) => !has(r)).map((r) =>
    diagnosticAt(
      agreement.file,
      ["avsnitt"],
      "varning",
      `${SECTION_RULE_PREFIX}-${r.key}`,
      `Överenskommelsen saknar ett avsnitt om ${r.label}, som varje IOP bör ha (varken klausul, id eller rubrik hittades i överenskommelsen eller bilagorna).`,
      "key",
    ),
  );
}

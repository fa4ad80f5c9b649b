import { markdownPaths } from "../../compose/view.js";
import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, Avsnitt } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { diagnosticAt, itemIds, items, walk } from "./context.js";
import type { Rule } from "./index.js";

/** Text directives that refer to a party or a section: `:part[id]`, `:avsnitt[id]`. */
export const REFERENCE = /:(part|avsnitt)\[([^\]]*)\]/g;

type Ids = ReturnType<typeof itemIds>;

/** Section ids of one document, with their paths, depth first; complete as in `itemIds`. */
function sectionIds(
  schema: SchemaErrors,
  file: SourceFile,
  sections: readonly Avsnitt[] | undefined,
  base: (string | number)[] = ["avsnitt"],
): Ids {
  const own = itemIds(schema, file, base, sections);
  // Each id's path is [...base, i, "id"]: index them by i, to put each before its subsections'.
  const ownAt = new Map(own.ids.map((x) => [x.path[base.length], x]));
  const ids: Ids["ids"] = [];
  let complete = own.complete;
  for (const [s, i] of items(schema, file, base, sections)) {
    const mine = ownAt.get(i);
    if (mine) ids.push(mine);
    const below = sectionIds(schema, file, s.avsnitt, [...base, i, "avsnitt"]);
    ids.push(...below.ids);
    complete &&= below.complete;
  }
  return { ids, complete };
}

/** The ids of sections without a number (an unnumbered one and all below it) and without a heading. */
function sectionKinds(
  schema: SchemaErrors,
  file: SourceFile,
  sections: readonly Avsnitt[] | undefined,
  base: (string | number)[] = ["avsnitt"],
  inUnnumbered = false,
  out = { unnumbered: new Set<string>(), headingless: new Set<string>() },
): { unnumbered: Set<string>; headingless: Set<string> } {
  for (const [s, i] of items(schema, file, base, sections)) {
    const unnumbered = inUnnumbered || s.numrerad === false;
    if (s.id && unnumbered) out.unnumbered.add(s.id);
    if (s.id && s.utan_rubrik === true) out.headingless.add(s.id);
    sectionKinds(schema, file, s.avsnitt, [...base, i, "avsnitt"], unnumbered, out);
  }
  return out;
}

/**
 * Text that ends in the word "avsnitt" (any form) or "§", which a reference to an unnumbered
 * section repeats: "i avsnittet avsnittet ”Bilagor”".
 */
const SECTION_WORD = /(?:^|[^\p{L}])(?:avsnitt|avsnittet|avsnitten|§)\s*$/iu;

function duplicates(items: Ids["ids"], file: SourceFile, what: string): Diagnostic[] {
  const seen = new Set<string>();
  return items.flatMap(({ id, path }) => {
    if (seen.has(id))
      return [
        diagnosticAt(
          file,
          path,
          "fel",
          "id-dubblett",
          `${what} "${id}" förekommer mer än en gång; id måste vara unika.`,
        ),
      ];
    seen.add(id);
    return [];
  });
}

/** A set of known ids, or undefined when some id has a schema error (nothing can be ruled out). */
const known = ({ ids, complete }: Ids): Set<string> | undefined =>
  complete ? new Set(ids.map((x) => x.id)) : undefined;

function checkDocument(
  schema: SchemaErrors,
  file: SourceFile,
  value: unknown,
  sections: readonly Avsnitt[] | undefined,
  parties: Set<string> | undefined,
  bodies: Set<string> | undefined,
  kind: "overenskommelse" | "bilaga",
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Only Markdown text has references; a plain field (a title, a name) prints `:avsnitt[x]` as is.
  const markdown = markdownPaths(value, kind);
  const ids = sectionIds(schema, file, sections);
  const sectionSet = known(ids);
  const { unnumbered, headingless } = sectionKinds(schema, file, sections);
  out.push(...duplicates(ids.ids, file, "Avsnittets id"));
  const missing = (
    path: (string | number)[],
    kind: "part" | "organ" | "avsnitt",
    id: string,
    knownIds: Set<string> | undefined,
    valueOffset?: number,
  ) => {
    if (!knownIds || knownIds.has(id)) return;
    out.push(
      diagnosticAt(
        file,
        path,
        "fel",
        `hanvisning-${kind}`,
        `Hänvisningen till ${kind === "part" ? "parten" : kind === "organ" ? "styrningsorganet" : "avsnittet"} "${id}" går inte att lösa upp. Kända id: ${[...knownIds].join(", ") || "inga"}.`,
        valueOffset,
      ),
    );
  };
  walk(schema, file, value, (v, path) => {
    if (typeof v !== "string") return;
    for (const m of markdown.has(path.join("/")) ? v.matchAll(REFERENCE) : []) {
      // REFERENCE matches only these two kinds.
      const kind = m[1] as "part" | "avsnitt";
      const id = m[2] ?? "";
      // Point at the id itself: after ":", the kind and "[".
      const at = m.index + kind.length + 2;
      missing(path, kind, id, kind === "part" ? parties : sectionSet, at);
      if (kind !== "avsnitt") continue;
      if (unnumbered.has(id) && SECTION_WORD.test(v.slice(0, m.index))) {
        out.push(
          diagnosticAt(
            file,
            path,
            "varning",
            "hanvisning-onumrerat-avsnitt",
            `Avsnittet "${id}" har inget nummer, så ${m[0]} skrivs som avsnittet ”rubriken”: ordet före hänvisningen blir dubbelt. Stryk det.`,
            at,
          ),
        );
      }
      if (headingless.has(id)) {
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "hanvisning-avsnitt-utan-rubrik",
            `Hänvisningen till avsnittet "${id}" går inte att skriva ut: avsnittet har varken rubrik eller nummer (utan_rubrik). Hänvisa till ett avsnitt med rubrik.`,
            at,
          ),
        );
      }
    }
    const last = path[path.length - 1];
    if (path[path.length - 2] !== "parametrar") return;
    if (last === "forum" || last === "organ") missing(path, "organ", v, bodies);
    if (last === "part") missing(path, "part", v, parties);
  });
  return out;
}

/**
 * Every reference resolves: `:part[id]` and `:avsnitt[id]` in text, clause parameters naming a
 * party or governance body, and the parties named by ekonomi and rapportering. Ids are unique.
 * When an id of the parties, bodies or sections has a schema error, references to that kind are
 * not checked: the reference may be to the id the user is fixing. A section `utan_rubrik` has
 * neither number nor heading to refer to: a reference to it is an error. One to an unnumbered
 * section reads `avsnittet ”Rubrik”`: after the word "avsnitt" that is a warning.
 */
export const hanvisningar: Rule = {
  id: "hanvisningar",
  run(agreement: Agreement, schema) {
    const { data, file } = agreement;
    const partyIds = itemIds(schema, file, ["parter"], data.parter);
    const bodyIds = itemIds(schema, file, ["styrning"], data.styrning);
    const parties = known(partyIds);
    const bodies = known(bodyIds);
    const out: Diagnostic[] = [
      ...duplicates(partyIds.ids, file, "Partens id"),
      ...duplicates(bodyIds.ids, file, "Organets id"),
      ...checkDocument(schema, file, data, data.avsnitt, parties, bodies, "overenskommelse"),
      ...agreement.bilagor.flatMap((b) =>
        checkDocument(schema, b.file, b.data, b.data.avsnitt, parties, bodies, "bilaga"),
      ),
    ];
    if (!parties) return out;
    const partyRef = (id: string, path: (string | number)[]) => {
      if (!parties.has(id) && schema.valid(file, path))
        out.push(
          diagnosticAt(
            file,
            path,
            "fel",
            "hanvisning-part",
            `Parten "${id}" finns inte bland parterna.`,
          ),
        );
    };
    for (const [e, i] of items(schema, file, ["ekonomi"], data.ekonomi)) {
      if (e.part !== undefined) partyRef(e.part, ["ekonomi", i, "part"]);
    }
    const rapportering = ["uppföljning", "rapportering"];
    for (const [r, i] of items(schema, file, rapportering, data.uppföljning?.rapportering)) {
      for (const [id, j] of items(schema, file, [...rapportering, i, "av"], r.av))
        partyRef(id, [...rapportering, i, "av", j]);
    }
    return out;
  },
};

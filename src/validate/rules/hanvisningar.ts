import { markdownPaths } from "../../compose/view.js";
import type { Diagnostic } from "../../diagnostics.js";
import type { TextDirectiveAt } from "../../document/parse.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, Avsnitt } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { diagnosticAt, directivesIn, itemIds, items, walk } from "./context.js";
import type { Rule } from "./index.js";

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

/** The known ids a document's references are checked against. */
interface Known {
  parties: Set<string> | undefined;
  bodies: Set<string> | undefined;
  sections: Set<string> | undefined;
  /** Sections without a number (an unnumbered one and all below it) and without a heading. */
  unnumbered: Set<string>;
  headingless: Set<string>;
}

type Path = (string | number)[];
const WHAT = { part: "parten", organ: "styrningsorganet", avsnitt: "avsnittet" } as const;

/** A reference to an id that is not known (nothing is said when the ids are not all known). */
function unresolved(
  file: SourceFile,
  path: Path,
  kind: keyof typeof WHAT,
  id: string,
  knownIds: Set<string> | undefined,
  valueOffset?: number,
): Diagnostic[] {
  if (!knownIds || knownIds.has(id)) return [];
  return [
    diagnosticAt(
      file,
      path,
      "fel",
      `hanvisning-${kind}`,
      `Hänvisningen till ${WHAT[kind]} "${id}" går inte att lösa upp. Kända id: ${[...knownIds].join(", ") || "inga"}.`,
      valueOffset,
    ),
  ];
}

/** What a reference to a section must not be: to one without heading, or repeat "avsnitt". */
function sectionReference(
  file: SourceFile,
  path: Path,
  text: string,
  ref: TextDirectiveAt,
  known: Known,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const id = ref.label;
  if (known.unnumbered.has(id) && SECTION_WORD.test(text.slice(0, ref.start))) {
    out.push(
      diagnosticAt(
        file,
        path,
        "varning",
        "hanvisning-onumrerat-avsnitt",
        `Avsnittet "${id}" har inget nummer, så ${text.slice(ref.start, ref.end)} skrivs som avsnittet ”rubriken”: ordet före hänvisningen blir dubbelt. Stryk det.`,
        ref.labelStart,
      ),
    );
  }
  if (known.headingless.has(id)) {
    out.push(
      diagnosticAt(
        file,
        path,
        "fel",
        "hanvisning-avsnitt-utan-rubrik",
        `Hänvisningen till avsnittet "${id}" går inte att skriva ut: avsnittet har varken rubrik eller nummer (utan_rubrik). Hänvisa till ett avsnitt med rubrik.`,
        ref.labelStart,
      ),
    );
  }
  return out;
}

/** The `:part[id]` and `:avsnitt[id]` directives of one Markdown text, each pointed at its id. */
function textReferences(file: SourceFile, path: Path, text: string, known: Known): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of directivesIn(file, text)) {
    if (ref.name === "part") {
      out.push(...unresolved(file, path, "part", ref.label, known.parties, ref.labelStart));
    } else if (ref.name === "avsnitt") {
      out.push(...unresolved(file, path, "avsnitt", ref.label, known.sections, ref.labelStart));
      out.push(...sectionReference(file, path, text, ref, known));
    }
  }
  return out;
}

/** A clause parameter that names a party or a governance body. */
function parameterReference(file: SourceFile, path: Path, value: string, known: Known) {
  if (path[path.length - 2] !== "parametrar") return [];
  const last = path[path.length - 1];
  if (last === "forum" || last === "organ")
    return unresolved(file, path, "organ", value, known.bodies);
  if (last === "part") return unresolved(file, path, "part", value, known.parties);
  return [];
}

function checkDocument(
  schema: SchemaErrors,
  file: SourceFile,
  value: unknown,
  sections: readonly Avsnitt[] | undefined,
  ids: { parties: Set<string> | undefined; bodies: Set<string> | undefined },
  kind: "overenskommelse" | "bilaga",
): Diagnostic[] {
  // Only Markdown text has references; a plain field (a title, a name) prints `:avsnitt[x]` as is.
  const markdown = markdownPaths(value, kind);
  const sectionList = sectionIds(schema, file, sections);
  const targets: Known = {
    ...ids,
    sections: known(sectionList),
    ...sectionKinds(schema, file, sections),
  };
  const out: Diagnostic[] = [...duplicates(sectionList.ids, file, "Avsnittets id")];
  walk(schema, file, value, (v, path) => {
    if (typeof v !== "string") return;
    if (markdown.has(path.join("/"))) out.push(...textReferences(file, path, v, targets));
    out.push(...parameterReference(file, path, v, targets));
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
      ...checkDocument(schema, file, data, data.avsnitt, { parties, bodies }, "overenskommelse"),
      ...agreement.bilagor.flatMap((b) =>
        checkDocument(schema, b.file, b.data, b.data.avsnitt, { parties, bodies }, "bilaga"),
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

import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, Avsnitt } from "../../model.js";
import { diagnosticAt, walk } from "./context.js";
import type { Rule } from "./index.js";

/** Text directives that refer to a party or a section: `:part[id]`, `:avsnitt[id]`. */
export const REFERENCE = /:(part|avsnitt)\[([^\]]*)\]/g;

/** Section ids of one document, with their paths, depth first. */
export function sectionIds(
  sections: readonly Avsnitt[],
  base: (string | number)[] = ["avsnitt"],
  inUnnumbered = false,
): { id: string; path: (string | number)[]; headingless: boolean; unnumbered: boolean }[] {
  return sections.flatMap((s, i) => {
    const unnumbered = inUnnumbered || s.numrerad === false;
    const headingless = s.utan_rubrik === true;
    return [
      ...(s.id ? [{ id: s.id, path: [...base, i, "id"], headingless, unnumbered }] : []),
      ...sectionIds(s.avsnitt ?? [], [...base, i, "avsnitt"], unnumbered),
    ];
  });
}

/** Text that ends in the word "avsnitt" or "§", which a reference to an unnumbered section repeats. */
const SECTION_WORD = /(?:^|[^\p{L}])(?:avsnitt|avsnitten|§)\s*$/iu;

function duplicates(
  items: { id: string; path: (string | number)[] }[],
  file: SourceFile,
  what: string,
): Diagnostic[] {
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

function checkDocument(
  agreement: Agreement,
  file: SourceFile,
  value: unknown,
  sections: readonly Avsnitt[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const parties = new Set(agreement.data.parter.map((p) => p.id));
  const bodies = new Set((agreement.data.styrning ?? []).map((o) => o.id));
  const ids = sectionIds(sections);
  const sectionSet = new Set(ids.map((s) => s.id));
  const headingless = new Set(ids.filter((s) => s.headingless).map((s) => s.id));
  const unnumbered = new Set(ids.filter((s) => s.unnumbered).map((s) => s.id));
  out.push(...duplicates(ids, file, "Avsnittets id"));
  const missing = (path: (string | number)[], kind: string, id: string, known: Set<string>) =>
    out.push(
      diagnosticAt(
        file,
        path,
        "fel",
        `hanvisning-${kind}`,
        `Hänvisningen till ${kind === "part" ? "parten" : kind === "organ" ? "styrningsorganet" : "avsnittet"} "${id}" går inte att lösa upp. Kända id: ${[...known].join(", ") || "inga"}.`,
      ),
    );
  walk(value, (v, path) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(REFERENCE)) {
        const [, kind, id = ""] = m;
        if (kind === "part" && !parties.has(id)) missing(path, "part", id, parties);
        if (kind === "avsnitt" && !sectionSet.has(id)) missing(path, "avsnitt", id, sectionSet);
        const before = v.slice(0, m.index);
        if (kind === "avsnitt" && unnumbered.has(id) && SECTION_WORD.test(before)) {
          out.push(
            diagnosticAt(
              file,
              path,
              "varning",
              "hanvisning-onumrerat-avsnitt",
              `Avsnittet "${id}" har inget nummer, så ${m[0]} skrivs som avsnittet ”rubriken”: ordet före hänvisningen blir dubbelt. Stryk det.`,
            ),
          );
        }
        if (kind === "avsnitt" && headingless.has(id)) {
          out.push(
            diagnosticAt(
              file,
              path,
              "fel",
              "hanvisning-avsnitt-utan-rubrik",
              `Hänvisningen till avsnittet "${id}" går inte att skriva ut: avsnittet har varken rubrik eller nummer (utan_rubrik). Hänvisa till ett avsnitt med rubrik.`,
            ),
          );
        }
      }
    }
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    if (typeof v !== "string" || parent !== "parametrar") return;
    if ((last === "forum" || last === "organ") && !bodies.has(v)) missing(path, "organ", v, bodies);
    if (last === "part" && !parties.has(v)) missing(path, "part", v, parties);
  });
  return out;
}

/**
 * Every reference resolves: `:part[id]` and `:avsnitt[id]` in text, clause parameters naming a
 * party or governance body, and the parties named by ekonomi and rapportering. Ids are unique.
 * A section `utan_rubrik` has neither number nor heading to refer to: a reference to it is an
 * error. One to an unnumbered section reads `avsnittet ”Rubrik”`: after the word "avsnitt" that is
 * a warning.
 */
export const hanvisningar: Rule = {
  id: "hanvisningar",
  run(agreement) {
    const { data, file } = agreement;
    const out: Diagnostic[] = [
      ...duplicates(
        data.parter.map((p, i) => ({ id: p.id, path: ["parter", i, "id"] })),
        file,
        "Partens id",
      ),
      ...duplicates(
        (data.styrning ?? []).map((o, i) => ({ id: o.id, path: ["styrning", i, "id"] })),
        file,
        "Organets id",
      ),
      ...checkDocument(agreement, file, data, data.avsnitt),
      ...agreement.bilagor.flatMap((b) => checkDocument(agreement, b.file, b.data, b.data.avsnitt)),
    ];
    const parties = new Set(data.parter.map((p) => p.id));
    const partyRef = (id: string, path: (string | number)[]) => {
      if (!parties.has(id))
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
    for (const [i, e] of (data.ekonomi ?? []).entries()) {
      if (e.part !== undefined) partyRef(e.part, ["ekonomi", i, "part"]);
    }
    for (const [i, r] of (data.uppföljning?.rapportering ?? []).entries()) {
      for (const [j, id] of r.av.entries())
        partyRef(id, ["uppföljning", "rapportering", i, "av", j]);
    }
    return out;
  },
};

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
): { id: string; path: (string | number)[] }[] {
  return sections.flatMap((s, i) => [
    ...(s.id ? [{ id: s.id, path: [...base, i, "id"] }] : []),
    ...sectionIds(s.avsnitt ?? [], [...base, i, "avsnitt"]),
  ]);
}

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
  out.push(...duplicates(ids, file, "Avsnittets id"));
  const missing = (
    path: (string | number)[],
    kind: string,
    id: string,
    known: Set<string>,
    valueOffset?: number,
  ) =>
    out.push(
      diagnosticAt(
        file,
        path,
        "fel",
        `hanvisning-${kind}`,
        `Hänvisningen till ${kind === "part" ? "parten" : kind === "organ" ? "styrningsorganet" : "avsnittet"} "${id}" går inte att lösa upp. Kända id: ${[...known].join(", ") || "inga"}.`,
        valueOffset,
      ),
    );
  walk(value, (v, path) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(REFERENCE)) {
        const [, kind = "", id = ""] = m;
        // Point at the id itself: after ":", the kind and "[".
        const at = m.index + kind.length + 2;
        if (kind === "part" && !parties.has(id)) missing(path, "part", id, parties, at);
        if (kind === "avsnitt" && !sectionSet.has(id)) missing(path, "avsnitt", id, sectionSet, at);
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

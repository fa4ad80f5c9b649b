import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, Avsnitt, Bilaga, Overenskommelse } from "../../model.js";
import { diagnosticAt } from "./context.js";
import type { Rule } from "./index.js";

type Klausul = NonNullable<Avsnitt["klausul"]>;

/** What each library clause needs from the data; a message when it is not there. */
const NEEDS: Partial<
  Record<Klausul, (a: Overenskommelse, s: Avsnitt, b?: Bilaga) => string | undefined>
> = {
  bakgrund: (a) => (a.bakgrund ? undefined : "överenskommelsens bakgrund"),
  syfte: (a) => (a.syfte ? undefined : "överenskommelsens syfte"),
  mal: (a) => (a.mål ? undefined : "överenskommelsens mål"),
  "syfte-och-mal": (a) => (a.syfte && a.mål ? undefined : "överenskommelsens syfte och mål"),
  malgrupp: (a) => (a.målgrupp ? undefined : "överenskommelsens målgrupp"),
  vardegrund: (a) => (a.värdegrund ? undefined : "överenskommelsens värdegrund"),
  uppfoljning: (a) => (a.uppföljning ? undefined : "uppföljning"),
  klagomal: (a) => (a.uppföljning?.klagomål ? undefined : "uppföljning › klagomål"),
  organ: (_a, s) =>
    s.parametrar?.organ ? undefined : "parametrar › organ (vilket styrningsorgan)",
  uppsagning: (a) => (a.period.uppsägning ? undefined : "period › uppsägning"),
  ekonomi: (a) => (a.ekonomi?.length ? undefined : "ekonomi"),
  "bilaga-ataganden": (a, _s, b) =>
    b?.åtaganden || b?.kvalitetsmål
      ? a.mål
        ? undefined
        : "överenskommelsens mål"
      : "åtaganden eller kvalitetsmål",
  ersattning: (_a, _s, b) => (b?.ekonomi?.ersättning ? undefined : "ekonomi › ersättning"),
  egenfinansiering: (_a, _s, b) =>
    b?.ekonomi?.egenfinansiering ? undefined : "ekonomi › egenfinansiering",
};

const BILAGA_ONLY: ReadonlySet<Klausul> = new Set([
  "bilaga-inledning",
  "bilaga-part",
  "bilaga-ataganden",
  "ersattning",
  "egenfinansiering",
  "andringslogg",
]);
const AGREEMENT_ONLY: ReadonlySet<Klausul> = new Set(["parter", "bilagor", "ekonomi"]);

function check(
  file: SourceFile,
  a: Overenskommelse,
  sections: readonly Avsnitt[],
  b: Bilaga | undefined,
  base: (string | number)[],
): Diagnostic[] {
  return sections.flatMap((s, i) => {
    const path = [...base, i];
    const out: Diagnostic[] = [];
    if (!s.klausul && !s.rubrik) {
      out.push(
        diagnosticAt(
          file,
          path,
          "fel",
          "avsnitt-rubrik-saknas",
          "Avsnittet saknar både klausul och rubrik. Ange klausul: <namn> eller rubrik: <text>.",
        ),
      );
    }
    if (!s.klausul && !s.text && !s.avsnitt?.length) {
      out.push(
        diagnosticAt(
          file,
          path,
          "fel",
          "avsnitt-tomt",
          "Avsnittet har ingen text, klausul eller underavsnitt.",
        ),
      );
    }
    if (s.klausul) {
      if (b && AGREEMENT_ONLY.has(s.klausul)) {
        out.push(
          diagnosticAt(
            file,
            [...path, "klausul"],
            "fel",
            "klausul-fel-dokument",
            `Klausulen ${s.klausul} hör till överenskommelsen, inte till en bilaga.`,
          ),
        );
      } else if (!b && BILAGA_ONLY.has(s.klausul)) {
        out.push(
          diagnosticAt(
            file,
            [...path, "klausul"],
            "fel",
            "klausul-fel-dokument",
            `Klausulen ${s.klausul} hör till en bilaga, inte till överenskommelsen.`,
          ),
        );
      } else {
        const lacking = NEEDS[s.klausul]?.(a, s, b);
        if (lacking) {
          out.push(
            diagnosticAt(
              file,
              [...path, "klausul"],
              "fel",
              "klausul-data-saknas",
              `Klausulen ${s.klausul} återges från data som saknas: ${lacking}.`,
            ),
          );
        }
      }
    }
    return [...out, ...check(file, a, s.avsnitt ?? [], b, [...path, "avsnitt"])];
  });
}

/** Sections have a heading, content, and the data their library clause renders from. */
export const avsnitt: Rule = {
  id: "avsnitt",
  run(agreement: Agreement) {
    return [
      ...check(agreement.file, agreement.data, agreement.data.avsnitt, undefined, ["avsnitt"]),
      ...agreement.bilagor.flatMap((b) =>
        check(b.file, agreement.data, b.data.avsnitt, b.data, ["avsnitt"]),
      ),
    ];
  },
};

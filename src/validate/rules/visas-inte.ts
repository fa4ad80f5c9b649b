import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement } from "../../model.js";
import { clausesOf, diagnosticAt, parameterValues } from "./context.js";
import type { Rule } from "./index.js";

/**
 * Which clauses print a fact of the data. A fact given in the YAML that no section of any
 * document prints is a warning: it would be signed as if agreed, yet appear nowhere.
 */
const AGREEMENT_FACTS: { key: string; label: string; clauses: string[] }[] = [
  { key: "beslut", label: "beslut", clauses: ["beslut"] },
  { key: "bakgrund", label: "bakgrund", clauses: ["bakgrund"] },
  { key: "syfte", label: "syfte", clauses: ["syfte", "syfte-och-mal"] },
  { key: "mål", label: "mål", clauses: ["mal", "syfte-och-mal", "bilaga-ataganden"] },
  { key: "målgrupp", label: "målgrupp", clauses: ["malgrupp"] },
  { key: "värdegrund", label: "värdegrund", clauses: ["vardegrund"] },
  { key: "ekonomi", label: "ekonomi", clauses: ["ekonomi"] },
  { key: "finansiering", label: "finansiering", clauses: ["finansiering"] },
  {
    key: "gemensamma_åtaganden",
    label: "gemensamma åtaganden",
    clauses: ["gemensamma-ataganden"],
  },
  { key: "definitioner", label: "definitioner", clauses: ["definitioner"] },
  { key: "bilagor_inledning", label: "bilagor inledning", clauses: ["bilagor"] },
  { key: "period", label: "period", clauses: ["period", "bilaga-inledning", "uppsagning"] },
];

const BILAGA_FACTS: { path: string[]; label: string; clauses: string[] }[] = [
  { path: ["ekonomi", "ersättning"], label: "ekonomi › ersättning", clauses: ["ersattning"] },
  {
    path: ["ekonomi", "egenfinansiering"],
    label: "ekonomi › egenfinansiering",
    clauses: ["egenfinansiering"],
  },
  { path: ["ekonomi", "insats"], label: "ekonomi › insats", clauses: ["egen-insats"] },
  { path: ["ekonomi", "egen_insats"], label: "ekonomi › egen insats", clauses: ["egen-insats"] },
  { path: ["åtaganden"], label: "åtaganden", clauses: ["bilaga-ataganden"] },
  { path: ["kvalitetsmål"], label: "kvalitetsmål", clauses: ["bilaga-ataganden"] },
  { path: ["övriga_åtaganden"], label: "övriga åtaganden", clauses: ["bilaga-ataganden"] },
  { path: ["mål_inledning"], label: "mål inledning", clauses: ["bilaga-ataganden"] },
  { path: ["ändringslogg"], label: "ändringslogg", clauses: ["andringslogg"] },
];

const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

const warning = (file: SourceFile, path: (string | number)[], message: string): Diagnostic =>
  diagnosticAt(file, path, "varning", "uppgift-visas-inte", message, true);

const clauseList = (clauses: string[]) =>
  clauses.map((c) => `klausul: ${c}`).join(clauses.length > 2 ? ", " : " eller ");

/**
 * Data that is given but printed in no document: a fact whose clauses no section uses, a body
 * (`styrning`) no section names, a signatory of a party that does not sign, a party's
 * `beskrivning` without a `bilaga-part` section for it, an `uppföljning.klagomål` without a
 * `klagomal` section.
 */
export const visasInte: Rule = {
  id: "uppgift-visas-inte",
  run(agreement: Agreement) {
    const { data, file } = agreement;
    const out: Diagnostic[] = [];
    const everywhere = clausesOf(data.avsnitt);
    for (const b of agreement.bilagor) clausesOf(b.data.avsnitt, everywhere);
    const record = data as unknown as Record<string, unknown>;
    for (const fact of AGREEMENT_FACTS) {
      if (record[fact.key] === undefined) continue;
      if (fact.clauses.some((c) => everywhere.has(c))) continue;
      out.push(
        warning(
          file,
          [fact.key],
          `Uppgiften ${fact.label} visas inte i något dokument. Lägg till ett avsnitt med ${clauseList(fact.clauses)}, eller ta bort uppgiften.`,
        ),
      );
    }
    const u = data.uppföljning;
    if (u) {
      const { klagomål, ...rest } = u;
      if (Object.keys(rest).length > 0 && !everywhere.has("uppfoljning")) {
        out.push(
          warning(
            file,
            ["uppföljning"],
            "Uppgiften uppföljning visas inte i något dokument. Lägg till ett avsnitt med klausul: uppfoljning, eller ta bort uppgiften.",
          ),
        );
      }
      if (klagomål !== undefined && !everywhere.has("klagomal")) {
        out.push(
          warning(
            file,
            ["uppföljning", "klagomål"],
            "Uppgiften uppföljning › klagomål visas inte i något dokument. Lägg till ett avsnitt med klausul: klagomal, eller ta bort uppgiften.",
          ),
        );
      }
    }
    // A body is printed by an organ section, or named as another clause's forum or organ.
    const named = parameterValues(data.avsnitt, "organ");
    parameterValues(data.avsnitt, "forum", named);
    for (const b of agreement.bilagor) {
      parameterValues(b.data.avsnitt, "organ", named);
      parameterValues(b.data.avsnitt, "forum", named);
    }
    (data.styrning ?? []).forEach((organ, i) => {
      if (!named.has(organ.id)) {
        out.push(
          warning(
            file,
            ["styrning", i],
            `Styrningsorganet ${organ.namn} (${organ.id}) visas inte i något dokument. Lägg till ett avsnitt med klausul: organ och parametrar: { organ: ${organ.id} }, eller ta bort det.`,
          ),
        );
      }
    });
    // A party's description is printed by the bilaga-part section of a bilaga about it.
    const described = new Set<string>();
    for (const b of agreement.bilagor) {
      const parts = parameterValues(b.data.avsnitt, "part");
      if (clausesOf(b.data.avsnitt).has("bilaga-part") && parts.size === 0) {
        described.add(b.data.part);
      }
      for (const p of parts) described.add(p);
    }
    data.parter.forEach((part, i) => {
      if (part.undertecknar === false && part.undertecknare !== undefined) {
        out.push(
          warning(
            file,
            ["parter", i, "undertecknare"],
            `${part.namn} undertecknar inte (undertecknar: false), så undertecknaren visas inte. Ta bort undertecknare eller undertecknar: false.`,
          ),
        );
      }
      if (part.beskrivning !== undefined && !described.has(part.id)) {
        out.push(
          warning(
            file,
            ["parter", i, "beskrivning"],
            `Beskrivningen av ${part.namn} visas inte: ingen bilaga har ett avsnitt med klausul: bilaga-part för parten.`,
          ),
        );
      }
    });
    for (const b of agreement.bilagor) {
      const own = clausesOf(b.data.avsnitt);
      for (const fact of BILAGA_FACTS) {
        if (at(b.data, fact.path) === undefined) continue;
        if (fact.clauses.some((c) => own.has(c))) continue;
        out.push(
          warning(
            b.file,
            fact.path,
            `Uppgiften ${fact.label} visas inte i bilaga ${b.data.nummer}. Lägg till ett avsnitt med ${clauseList(fact.clauses)}, eller ta bort uppgiften.`,
          ),
        );
      }
    }
    return out;
  },
};

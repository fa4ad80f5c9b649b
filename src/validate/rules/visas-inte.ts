import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { agreementSectionUse, diagnosticAt, items, partyName, sectionUse } from "./context.js";
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
  { path: ["mål_punkter"], label: "mål punkter", clauses: ["bilaga-ataganden"] },
];

const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

const warning = (file: SourceFile, path: (string | number)[], message: string): Diagnostic =>
  diagnosticAt(file, path, "varning", "uppgift-visas-inte", message, "key");

const clauseList = (clauses: string[]) =>
  clauses.map((c) => `klausul: ${c}`).join(clauses.length > 2 ? ", " : " eller ");

/**
 * Data that is given but printed in no document: a fact whose clauses no section uses, a body
 * (`styrning`) no section names, a signatory of a party that does not sign, a party's
 * `beskrivning` without a `bilaga-part` section for it, an `uppföljning.klagomål` without a
 * `klagomal` section. Only data that passed the schema is told about, and only when the sections
 * it is looked for in passed it too (a klausul or parameter with a schema error may be the one
 * that prints it).
 */
export const visasInte: Rule = {
  id: "uppgift-visas-inte",
  run(agreement: Agreement, schema: SchemaErrors) {
    const { data, file } = agreement;
    const out: Diagnostic[] = [];
    const valid = (...path: (string | number)[]) => schema.valid(file, path);
    const everywhere = agreementSectionUse(agreement, schema);
    const record = data as unknown as Record<string, unknown>;
    if (everywhere.clausesComplete) {
      for (const fact of AGREEMENT_FACTS) {
        if (record[fact.key] === undefined || !valid(fact.key)) continue;
        if (fact.clauses.some((c) => everywhere.clauses.has(c))) continue;
        out.push(
          warning(
            file,
            [fact.key],
            `Uppgiften ${fact.label} visas inte i något dokument. Lägg till ett avsnitt med ${clauseList(fact.clauses)}, eller ta bort uppgiften.`,
          ),
        );
      }
      const u = data.uppföljning;
      if (u && schema.formed(file, ["uppföljning"])) {
        const { klagomål, ...rest } = u;
        const given = Object.keys(rest).filter((k) => valid("uppföljning", k));
        if (given.length > 0 && !everywhere.clauses.has("uppfoljning")) {
          out.push(
            warning(
              file,
              ["uppföljning"],
              "Uppgiften uppföljning visas inte i något dokument. Lägg till ett avsnitt med klausul: uppfoljning, eller ta bort uppgiften.",
            ),
          );
        }
        if (
          klagomål !== undefined &&
          valid("uppföljning", "klagomål") &&
          !everywhere.clauses.has("klagomal")
        ) {
          out.push(
            warning(
              file,
              ["uppföljning", "klagomål"],
              "Uppgiften uppföljning › klagomål visas inte i något dokument. Lägg till ett avsnitt med klausul: klagomal, eller ta bort uppgiften.",
            ),
          );
        }
      }
    }
    // A body is printed by an organ section, or named as another clause's forum or organ.
    if (everywhere.parametersComplete) {
      const { organ: named, forum } = everywhere.parameters;
      for (const [organ, i] of items(schema, file, ["styrning"], data.styrning)) {
        if (!valid("styrning", i) || named.has(organ.id) || forum.has(organ.id)) continue;
        out.push(
          warning(
            file,
            ["styrning", i],
            `Styrningsorganet ${organ.namn} (${organ.id}) visas inte i något dokument. Lägg till ett avsnitt med klausul: organ och parametrar: { organ: ${organ.id} }, eller ta bort det.`,
          ),
        );
      }
    }
    // A party's description is printed by the bilaga-part section of a bilaga about it. Whom the
    // bilagor describe is known when their sections and parties passed the schema.
    const bilagaUse = new Map(
      agreement.bilagor.map((b) => [b, sectionUse(schema, b.file, b.data.avsnitt)]),
    );
    const described = new Set<string>();
    let allDescribed = true;
    for (const [b, use] of bilagaUse) {
      allDescribed &&= use.clausesComplete && use.parametersComplete;
      if (use.clauses.has("bilaga-part") && use.parameters.part.size === 0) {
        if (schema.valid(b.file, ["part"])) described.add(b.data.part);
        else allDescribed = false;
      }
      for (const p of use.parameters.part) described.add(p);
    }
    for (const [part, i] of items(schema, file, ["parter"], data.parter)) {
      const name = partyName(schema, file, data.parter, i);
      if (
        part.undertecknar === false &&
        part.undertecknare !== undefined &&
        valid("parter", i, "undertecknar") &&
        valid("parter", i, "undertecknare")
      ) {
        out.push(
          warning(
            file,
            ["parter", i, "undertecknare"],
            `${name} undertecknar inte (undertecknar: false), så undertecknaren visas inte. Ta bort undertecknare eller undertecknar: false.`,
          ),
        );
      }
      if (
        allDescribed &&
        part.beskrivning !== undefined &&
        valid("parter", i, "beskrivning") &&
        valid("parter", i, "id") &&
        !described.has(part.id)
      ) {
        out.push(
          warning(
            file,
            ["parter", i, "beskrivning"],
            `Beskrivningen av ${name} visas inte: ingen bilaga har ett avsnitt med klausul: bilaga-part för parten.`,
          ),
        );
      }
    }
    for (const [b, own] of bilagaUse) {
      if (!own.clausesComplete) continue;
      const which = schema.valid(b.file, ["nummer"]) ? `bilaga ${b.data.nummer}` : "bilagan";
      for (const fact of BILAGA_FACTS) {
        if (at(b.data, fact.path) === undefined || !schema.valid(b.file, fact.path)) continue;
        if (fact.clauses.some((c) => own.clauses.has(c))) continue;
        out.push(
          warning(
            b.file,
            fact.path,
            `Uppgiften ${fact.label} visas inte i ${which}. Lägg till ett avsnitt med ${clauseList(fact.clauses)}, eller ta bort uppgiften.`,
          ),
        );
      }
    }
    return out;
  },
};

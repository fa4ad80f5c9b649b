import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement, BilagaDocument } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import {
  agreementSectionUse,
  diagnosticAt,
  items,
  partyName,
  type SectionUse,
  sectionUse,
} from "./context.js";
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

/** Facts of the agreement that no section prints (when all sections' clauses are known). */
function agreementFacts(agreement: Agreement, schema: SchemaErrors, everywhere: SectionUse) {
  const { data, file } = agreement;
  const record = data as unknown as Record<string, unknown>;
  return AGREEMENT_FACTS.flatMap((fact) => {
    if (record[fact.key] === undefined || !schema.valid(file, [fact.key])) return [];
    if (fact.clauses.some((c) => everywhere.clauses.has(c))) return [];
    return [
      warning(
        file,
        [fact.key],
        `Uppgiften ${fact.label} visas inte i något dokument. Lägg till ett avsnitt med ${clauseList(fact.clauses)}, eller ta bort uppgiften.`,
      ),
    ];
  });
}

/** An uppföljning, or its klagomål, that no section prints. */
function followUpFacts(agreement: Agreement, schema: SchemaErrors, everywhere: SectionUse) {
  const { data, file } = agreement;
  const valid = (...path: (string | number)[]) => schema.valid(file, path);
  const u = data.uppföljning;
  if (!u || !schema.formed(file, ["uppföljning"])) return [];
  const out: Diagnostic[] = [];
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
  const complaints = klagomål !== undefined && valid("uppföljning", "klagomål");
  if (complaints && !everywhere.clauses.has("klagomal")) {
    out.push(
      warning(
        file,
        ["uppföljning", "klagomål"],
        "Uppgiften uppföljning › klagomål visas inte i något dokument. Lägg till ett avsnitt med klausul: klagomal, eller ta bort uppgiften.",
      ),
    );
  }
  return out;
}

/** Bodies (styrning) that no section prints: a body is printed by an organ section, or named
 * as another clause's forum or organ. */
function unnamedBodies(agreement: Agreement, schema: SchemaErrors, everywhere: SectionUse) {
  const { data, file } = agreement;
  const { organ: named, forum } = everywhere.parameters;
  return items(schema, file, ["styrning"], data.styrning).flatMap(([organ, i]) => {
    if (!schema.valid(file, ["styrning", i]) || named.has(organ.id) || forum.has(organ.id)) {
      return [];
    }
    return [
      warning(
        file,
        ["styrning", i],
        `Styrningsorganet ${organ.namn} (${organ.id}) visas inte i något dokument. Lägg till ett avsnitt med klausul: organ och parametrar: { organ: ${organ.id} }, eller ta bort det.`,
      ),
    ];
  });
}

/**
 * The parties that a bilaga-part section of a bilaga describes, and whether that is known for
 * all of them: it is when the bilagor's sections and parties passed the schema.
 */
function describedParties(
  schema: SchemaErrors,
  bilagaUse: Map<BilagaDocument, SectionUse>,
): { described: Set<string>; allDescribed: boolean } {
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
  return { described, allDescribed };
}

/**
 * A party's signatory when it does not sign, and its beskrivning when no bilaga-part section
 * prints it (`described` is undefined when that is not known for all bilagor).
 */
function partyFacts(
  agreement: Agreement,
  schema: SchemaErrors,
  described: Set<string> | undefined,
): Diagnostic[] {
  const { data, file } = agreement;
  const valid = (...path: (string | number)[]) => schema.valid(file, path);
  return items(schema, file, ["parter"], data.parter).flatMap(([part, i]) => {
    const out: Diagnostic[] = [];
    const name = partyName(schema, file, data.parter, i);
    const signsNot = part.undertecknar === false && part.undertecknare !== undefined;
    if (signsNot && valid("parter", i, "undertecknar") && valid("parter", i, "undertecknare")) {
      out.push(
        warning(
          file,
          ["parter", i, "undertecknare"],
          `${name} undertecknar inte (undertecknar: false), så undertecknaren visas inte. Ta bort undertecknare eller undertecknar: false.`,
        ),
      );
    }
    const toDescribe = described !== undefined && part.beskrivning !== undefined;
    if (
      toDescribe &&
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
    return out;
  });
}

/** Facts of a bilaga that none of its own sections prints (when their clauses are all known). */
function bilagaFacts(schema: SchemaErrors, b: BilagaDocument, own: SectionUse): Diagnostic[] {
  if (!own.clausesComplete) return [];
  const which = schema.valid(b.file, ["nummer"]) ? `bilaga ${b.data.nummer}` : "bilagan";
  return BILAGA_FACTS.flatMap((fact) => {
    if (at(b.data, fact.path) === undefined || !schema.valid(b.file, fact.path)) return [];
    if (fact.clauses.some((c) => own.clauses.has(c))) return [];
    return [
      warning(
        b.file,
        fact.path,
        `Uppgiften ${fact.label} visas inte i ${which}. Lägg till ett avsnitt med ${clauseList(fact.clauses)}, eller ta bort uppgiften.`,
      ),
    ];
  });
}

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
    const everywhere = agreementSectionUse(agreement, schema);
    const out: Diagnostic[] = [];
    if (everywhere.clausesComplete) {
      out.push(...agreementFacts(agreement, schema, everywhere));
      out.push(...followUpFacts(agreement, schema, everywhere));
    }
    if (everywhere.parametersComplete) out.push(...unnamedBodies(agreement, schema, everywhere));
    const bilagaUse = new Map(
      agreement.bilagor.map((b) => [b, sectionUse(schema, b.file, b.data.avsnitt)]),
    );
    const { described, allDescribed } = describedParties(schema, bilagaUse);
    out.push(...partyFacts(agreement, schema, allDescribed ? described : undefined));
    for (const [b, own] of bilagaUse) out.push(...bilagaFacts(schema, b, own));
    return out;
  },
};

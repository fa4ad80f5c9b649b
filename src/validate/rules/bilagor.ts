import type { Diagnostic } from "../../diagnostics.js";
import type { SourceFile } from "../../load/source.js";
import { type Agreement, type BilagaDocument, signerId } from "../../model.js";
import type { SchemaErrors } from "../schema-errors.js";
import { diagnosticAt, itemIds, items } from "./context.js";
import type { Rule } from "./index.js";

/** What the checks have seen of the bilagor so far. */
interface Seen {
  /** Each bilaga number (that passed the schema) and the file that has it. */
  numbers: Map<number, string>;
  /** Each party with a bilaga, and that bilaga's number (unless it has a schema error). */
  byParty: Map<string, number | undefined>;
  /** Whether every number and every party passed the schema. */
  allNumbers: boolean;
  allParts: boolean;
}

/** The agreement's party ids, and whether they are all there (see itemIds). */
interface Parties {
  known: Set<string>;
  complete: boolean;
}

/** A bilaga number that another bilaga has already; records the number. */
function checkNumber(schema: SchemaErrors, { data: b, file: bf }: BilagaDocument, seen: Seen) {
  const numbered = schema.valid(bf, ["nummer"]);
  seen.allNumbers &&= numbered;
  if (!numbered) return [];
  const other = seen.numbers.get(b.nummer);
  seen.numbers.set(b.nummer, bf.path);
  if (!other) return [];
  return [
    diagnosticAt(
      bf,
      ["nummer"],
      "fel",
      "bilaga-nummer-dubblett",
      `Bilaga nummer ${b.nummer} finns redan (${other}).`,
    ),
  ];
}

/** A bilaga's party that is not a party of the agreement, or that has a bilaga already. */
function checkParty(
  schema: SchemaErrors,
  { data: b, file: bf }: BilagaDocument,
  parties: Parties,
  seen: Seen,
): Diagnostic[] {
  const named = schema.valid(bf, ["part"]);
  seen.allParts &&= named;
  if (!named) return [];
  if (parties.complete && !parties.known.has(b.part)) {
    return [
      diagnosticAt(
        bf,
        ["part"],
        "fel",
        "bilaga-part-saknas",
        `Parten "${b.part}" finns inte bland överenskommelsens parter (${[...parties.known].join(", ")}).`,
      ),
    ];
  }
  const out: Diagnostic[] = [];
  if (seen.byParty.has(b.part)) {
    const dup = seen.byParty.get(b.part);
    out.push(
      diagnosticAt(
        bf,
        ["part"],
        "fel",
        "bilaga-part-dubblett",
        `Parten "${b.part}" har redan ${dup === undefined ? "en bilaga" : `bilaga ${dup}`}.`,
      ),
    );
  }
  seen.byParty.set(b.part, schema.valid(bf, ["nummer"]) ? b.nummer : undefined);
  return out;
}

/** A bilaga's signers that are not among the agreement's parties (when those are all there). */
function checkSigners(
  schema: SchemaErrors,
  { data: b, file: bf }: BilagaDocument,
  parties: Parties,
): Diagnostic[] {
  if (!parties.complete) return [];
  return items(schema, bf, ["undertecknare"], b.undertecknare).flatMap(([entry, i]) => {
    const id = signerId(entry);
    if (parties.known.has(id) || !schema.valid(bf, ["undertecknare", i])) return [];
    return [
      diagnosticAt(
        bf,
        ["undertecknare", i],
        "fel",
        "bilaga-undertecknare-saknas",
        `Undertecknaren "${id}" finns inte bland överenskommelsens parter.`,
      ),
    ];
  });
}

/** Gaps in the numbering 1…n, told at the bilaga after each gap (when all numbers are there). */
function numberGaps(list: readonly BilagaDocument[], seen: Seen): Diagnostic[] {
  if (!seen.allNumbers) return [];
  const numbers = [...seen.numbers.keys()].sort((a, b) => a - b);
  return numbers.flatMap((n, i) => {
    if (n === i + 1 || numbers.includes(i + 1)) return [];
    const b = list.find((x) => x.data.nummer === n);
    if (!b) return [];
    return [
      diagnosticAt(
        b.file,
        ["nummer"],
        "fel",
        "bilaga-nummer-lucka",
        `Bilagorna ska numreras 1, 2, 3 … utan luckor; bilaga ${i + 1} saknas före bilaga ${n}.`,
      ),
    ];
  });
}

/** Idéburna parties without a bilaga, when there are bilagor and all their parties are there. */
function partiesWithout(
  schema: SchemaErrors,
  { data, file }: { data: Agreement["data"]; file: SourceFile },
  list: readonly BilagaDocument[],
  seen: Seen,
): Diagnostic[] {
  if (list.length === 0 || !seen.allParts) return [];
  return items(schema, file, ["parter"], data.parter).flatMap(([p, i]) => {
    if (!schema.valid(file, ["parter", i]) || p.sektor !== "idéburen" || seen.byParty.has(p.id))
      return [];
    return [
      diagnosticAt(
        file,
        ["parter", i],
        "varning",
        "bilaga-saknas-for-part",
        `${p.namn} har ingen bilaga med sina åtaganden.`,
      ),
    ];
  });
}

/**
 * Bilagor are numbered 1…n without gaps or repeats, each names a party of the agreement (and its
 * listed signers exist), no party has two, and — when there are bilagor at all — every idéburen
 * party has one. A number or party with a schema error is left out, and the checks that need all
 * of them (gaps, unknown parties, parties without a bilaga) are then not made.
 */
export const bilagor: Rule = {
  id: "bilagor",
  run({ data, file, bilagor: list }, schema) {
    const ids = itemIds(schema, file, ["parter"], data.parter);
    const parties: Parties = { known: new Set(ids.ids.map((p) => p.id)), complete: ids.complete };
    const seen: Seen = { numbers: new Map(), byParty: new Map(), allNumbers: true, allParts: true };
    const out = list.flatMap((b) => [
      ...checkNumber(schema, b, seen),
      ...checkParty(schema, b, parties, seen),
      ...checkSigners(schema, b, parties),
    ]);
    return [
      ...out,
      ...numberGaps(list, seen),
      ...partiesWithout(schema, { data, file }, list, seen),
    ];
  },
};

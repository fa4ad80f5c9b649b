import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile } from "../load/source.js";
import type { Agreement, Ekonomi } from "../model.js";
import { diagnosticAt, items, partyName } from "../validate/rules/context.js";
import type { SchemaErrors } from "../validate/schema-errors.js";

export const OWN_CONTRIBUTION_RULE = "egen-insats-saknas";

/** The keys of a party's ekonomi that state its own contribution (money or not). */
const OWN_KEYS = ["egenfinansiering", "insats", "egen_insats"] as const;

/**
 * Whether an ekonomi block at `path` states an own contribution: one of its keys is given (a
 * value marked `saknas` counts: `uppgift-saknas` already warns about it), or undefined when the
 * block has a schema error, so a key may be misspelt.
 */
function states(
  schema: SchemaErrors,
  file: SourceFile,
  ekonomi: Ekonomi | undefined,
  path: (string | number)[],
): boolean | undefined {
  if (ekonomi === undefined) return false;
  if (!schema.valid(file, path)) return undefined;
  return OWN_KEYS.some((k) => ekonomi[k] !== undefined);
}

/**
 * For each place a party's contribution may be stated (the agreement's ekonomi items for it, its
 * bilaga): whether it is stated there, or undefined when that cannot be told (a schema error).
 */
function contributionAnswers(
  agreement: Agreement,
  schema: SchemaErrors,
  party: string,
): (boolean | undefined)[] {
  const { file, data } = agreement;
  const answers: (boolean | undefined)[] = [];
  (data.ekonomi ?? []).forEach((e, k) => {
    if (e.part === party) answers.push(states(schema, file, e, ["ekonomi", k]));
  });
  for (const b of agreement.bilagor) {
    if (!schema.valid(b.file, ["part"])) answers.push(undefined);
    else if (b.data.part === party)
      answers.push(states(schema, b.file, b.data.ekonomi, ["ekonomi"]));
  }
  return answers;
}

/**
 * Every idéburen party should state its own contribution (money, staff, premises, volunteer
 * hours) in the agreement's `ekonomi` or its bilaga's: an IOP where only the public party
 * contributes risks being a purchase under procurement law. One warning per such party, at the
 * party. Nothing is said while the data it looks at has a schema error.
 */
export function missingOwnContribution(agreement: Agreement, schema: SchemaErrors): Diagnostic[] {
  const { file, data } = agreement;
  if (!schema.valid(file, ["ekonomi"]) && data.ekonomi !== undefined) return [];
  const out: Diagnostic[] = [];
  for (const [part, i] of items(schema, file, ["parter"], data.parter)) {
    if (!schema.valid(file, ["parter", i, "sektor"]) || !schema.valid(file, ["parter", i, "id"]))
      continue;
    if (part.sektor !== "idéburen") continue;
    const answers = contributionAnswers(agreement, schema, part.id);
    if (answers.includes(true) || answers.includes(undefined)) continue;
    out.push(
      diagnosticAt(
        file,
        ["parter", i],
        "varning",
        OWN_CONTRIBUTION_RULE,
        `${partyName(schema, file, data.parter, i)} har ingen egen insats angiven (egenfinansiering, insats eller egen_insats under ekonomi i överenskommelsen eller partens bilaga). Ett IOP där bara den offentliga parten bidrar riskerar att räknas som ett köp enligt upphandlingsreglerna.`,
      ),
    );
  }
  return out;
}

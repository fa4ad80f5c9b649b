import { isMap, isSeq, parseDocument } from "yaml";
import type { Diagnostic } from "../../src/diagnostics.js";
import { parseSource, type SourceFile } from "../../src/load/source.js";
import type { Agreement } from "../../src/model.js";
import { agreementForRules } from "../../src/validate/index.js";
import { validateSchema } from "../../src/validate/schema.js";
import { SchemaErrors } from "../../src/validate/schema-errors.js";
import { AGREEMENT, BILAGA } from "./fixture.js";

/** Helpers that break a valid YAML text one node at a time (rules on data with schema errors). */

/** Every path to a node of a YAML text, the root left out. */
export function paths(text: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (path.length > 0) out.push(path);
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) visit(item, [...path, i]);
    }
  };
  visit(parseDocument(text).contents, []);
  return out;
}

export const REMOVE = Symbol("remove");
export const BAD_VALUES: unknown[] = [5, "x y", [1], { a: 1 }, { saknas: "x" }, REMOVE];

export function mutate(text: string, path: (string | number)[], value: unknown): string {
  const doc = parseDocument(text);
  if (value === REMOVE) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(value));
  return doc.toString();
}

/**
 * Every breaking of the fixture at one node: each node of the agreement or its bilaga set to each
 * of BAD_VALUES or removed; `what` names the change for a failing expectation.
 */
export function* brokenFixtures(): Generator<{ agreement: string; bilaga: string; what: string }> {
  for (const [which, text] of [
    ["agreement", AGREEMENT],
    ["bilaga", BILAGA],
  ] as const) {
    for (const path of paths(text)) {
      for (const value of BAD_VALUES) {
        const changed = mutate(text, path, value);
        yield {
          agreement: which === "agreement" ? changed : AGREEMENT,
          bilaga: which === "bilaga" ? changed : BILAGA,
          what: `${which} ${path.join(".")} = ${String(value === REMOVE ? "(removed)" : JSON.stringify(value))}`,
        };
      }
    }
  }
}

const source = (name: string, text: string): SourceFile => {
  const { file } = parseSource(name, new TextEncoder().encode(text));
  if (!file) throw new Error(`${name} does not parse`);
  return file;
};

/**
 * An agreement's texts as the rules see them: the schema's diagnostics, and the agreement with
 * what the schema rejected recorded in `schema` (no rule run yet).
 */
export function forRules(
  agreementText: string,
  ...bilagaTexts: string[]
): { agreement: Agreement; schema: SchemaErrors; schemaDiagnostics: Diagnostic[] } {
  const file = source("overenskommelse.yaml", agreementText);
  const bilagor = bilagaTexts.map((text, i) => source(`bilaga-${i + 1}.yaml`, text));
  const schema = new SchemaErrors();
  const schemaDiagnostics = [
    ...validateSchema("agreement", file, schema),
    ...bilagor.flatMap((b) => validateSchema("bilaga", b, schema)),
  ];
  const agreement = agreementForRules(
    { dir: "test-iop", name: "test-iop", agreement: file, bilagor },
    schema,
  );
  return { agreement, schema, schemaDiagnostics };
}

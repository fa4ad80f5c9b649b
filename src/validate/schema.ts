import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Diagnostic } from "../diagnostics.js";
import { locate, type SourceFile } from "../load/source.js";
import { schemaMessage } from "./schema-messages.js";

const schemaDir = new URL("../../schemas/", import.meta.url);
const loadSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, schemaDir), "utf8"));

let compiled: { agreement: ValidateFunction; bilaga: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      // `required` beside a `$ref` (the agreement's ekonomi items) names properties defined in the ref.
      strictRequired: false,
      allowUnionTypes: true,
    });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(loadSchema("gemensam.schema.json"));
    compiled = {
      agreement: ajv.compile(loadSchema("overenskommelse.schema.json")),
      bilaga: ajv.compile(loadSchema("bilaga.schema.json")),
    };
  }
  return compiled;
}

/** Splits an ajv instancePath ("/parter/0/namn") into a YAML path. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Validates a parsed file against its schema and maps each error to the YAML node it concerns.
 * Errors inside `oneOf` alternatives that only mark a value missing (`saknas`) are folded so the
 * user sees the real problem, not the alternative.
 */
export function validateSchema(kind: "agreement" | "bilaga", file: SourceFile): Diagnostic[] {
  const validate = validators()[kind];
  if (validate(file.value)) return [];
  const errors = simplify(validate.errors ?? []);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const { message, rule, atKey, extraPath } = schemaMessage(error, file.value);
    const path = [...pointerToPath(error.instancePath), ...extraPath];
    const { line, col } = locate(file, path, atKey);
    const key = `${line}:${col}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: file.path, line, col, severity: "fel", message, rule });
  }
  return out;
}

/**
 * Drops errors from the `saknas` alternative of a `oneOf` (the user meant the real value), and a
 * `oneOf` error itself when a more specific error exists at or below the same value.
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => !e.schemaPath.includes("/$defs/saknas/"));
  const specific = kept.filter((e) => e.keyword !== "oneOf");
  return kept.filter(
    (e) =>
      e.keyword !== "oneOf" ||
      !specific.some(
        (o) => o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`),
      ),
  );
}

import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics.js";
import { pointerSegments } from "../json-pointer.js";
import { locate, type SourceFile, type YamlPath } from "../load/source.js";
import { validators } from "./precompiled.js";
import type { SchemaErrors } from "./schema-errors.js";
import { schemaMessage } from "./schema-messages.js";

/** Splits an ajv instancePath ("/parter/0/namn") into a YAML path. */
export function pointerToPath(pointer: string): (string | number)[] {
  return pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Keywords about a list as a whole (its length, repeats): each item is valid or not on its own. */
const LIST_KEYWORDS = new Set(["minItems", "maxItems", "uniqueItems"]);

/** The path of the node an ajv error makes invalid (see SchemaErrors), or undefined for none. */
function errorNode(error: ErrorObject): YamlPath | undefined {
  if (LIST_KEYWORDS.has(error.keyword)) return undefined;
  const path = pointerToPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  const key = p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty;
  return typeof key === "string" ? [...path, key] : path;
}

/**
 * Validates a parsed file against its schema and maps each error to the YAML node it concerns.
 * Errors inside `oneOf` alternatives that only mark a value missing (`saknas`) are folded so the
 * user sees the real problem, not the alternative. Every node with an error is added to `found`.
 */
export function validateSchema(
  kind: "agreement" | "bilaga",
  file: SourceFile,
  found?: SchemaErrors,
): Diagnostic[] {
  const validate = validators[kind];
  if (validate(file.value)) return [];
  for (const error of validate.errors ?? []) {
    const node = errorNode(error);
    if (node) found?.add(file, node);
  }
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

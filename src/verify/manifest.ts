/**
 * Reading an output folder's manifest.json for `iop verify`: parsed, then checked against
 * schemas/manifest.schema.json with ajv (the schema the Manifest type is generated from), so the
 * later phases can walk it safely. Every problem is a Swedish message.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { pointerSegments } from "../json-pointer.js";
import { MANIFEST_FILE, type Manifest } from "../package/manifest.js";
import { schemaMessage } from "../validate/schema-messages.js";

let validator: ValidateFunction | undefined;

/** The manifest validator, compiled on first use (ajv, the compiler, is loaded only for this). */
async function manifestValidator(): Promise<ValidateFunction> {
  if (!validator) {
    const { createAjv, MANIFEST_SCHEMA } = await import("../validate/ajv.js");
    validator = createAjv().getSchema(MANIFEST_SCHEMA) as ValidateFunction;
  }
  return validator;
}

/** "/documents/0/copies/1" → "documents[0].copies[1]". */
const placeOf = (pointer: string): string =>
  pointerSegments(pointer)
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join("");

/** A Swedish message for one schema error in manifest.json, led by the place it concerns. */
function manifestMessage(error: ErrorObject, manifest: unknown): string {
  if (error.instancePath === "" && error.keyword === "type")
    return "manifest.json är inget JSON-objekt";
  const message =
    error.keyword === "required"
      ? `Nyckeln "${String((error.params as { missingProperty?: unknown }).missingProperty)}" saknas.`
      : schemaMessage(error, manifest).message;
  const place = placeOf(error.instancePath);
  return place ? `${place}: ${message}` : message;
}

/** The schema problems of a parsed manifest.json, in Swedish; none when it is valid. */
export async function manifestProblems(value: unknown): Promise<string[]> {
  const validate = await manifestValidator();
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map((e) => manifestMessage(e, value)))];
}

export type ManifestRead = { manifest: Manifest } | { problems: string[] };

/** Reads and checks `dir`/manifest.json. */
export async function readManifest(dir: string): Promise<ManifestRead> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return {
      problems: [missing ? "manifest.json saknas i mappen" : "manifest.json är ingen giltig JSON"],
    };
  }
  const problems = await manifestProblems(parsed);
  return problems.length > 0 ? { problems } : { manifest: parsed as Manifest };
}

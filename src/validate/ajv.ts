import { Ajv2020, type Options } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readSchema } from "../paths.js";

const loadSchema = (name: string) => readSchema(name) as Record<string, unknown>;

/** The document schemas by validator name. */
export const DOCUMENT_SCHEMAS = {
  agreement: "overenskommelse.schema.json",
  bilaga: "bilaga.schema.json",
} as const;

/** The schema of an output folder's manifest.json (checked by `iop verify`, src/verify/manifest.ts). */
export const MANIFEST_SCHEMA = "manifest.schema.json";

/**
 * The one ajv configuration: used to compile at run time (tests, library use) and, with
 * `code.source`, to generate the standalone validators the bundled CLI ships (scripts/bundle.mjs).
 */
export function createAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    // `required` beside a `$ref` (the agreement's ekonomi items) names properties defined in the ref.
    strictRequired: false,
    allowUnionTypes: true,
    ...extra,
  });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(loadSchema("gemensam.schema.json"));
  for (const file of Object.values(DOCUMENT_SCHEMAS)) ajv.addSchema(loadSchema(file));
  ajv.addSchema(loadSchema(MANIFEST_SCHEMA));
  return ajv;
}

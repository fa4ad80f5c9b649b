import type { ValidateFunction } from "ajv";

/**
 * The JSON Schema validators of the two kinds of file. This module compiles them at run time from
 * schemas/ (ajv, the compiler, is loaded only for this). The bundled CLI replaces the module with
 * ajv standalone code generated from the same schemas and options (scripts/bundle.mjs), which saves
 * compiling them at every start and keeps top-level `await` out of the bundle.
 */
export interface Validators {
  agreement: ValidateFunction;
  bilaga: ValidateFunction;
}

async function compileValidators(): Promise<Validators> {
  const { createAjv, DOCUMENT_SCHEMAS } = await import("./ajv.js");
  const ajv = createAjv();
  const get = (file: string) => ajv.getSchema(file) as ValidateFunction;
  return { agreement: get(DOCUMENT_SCHEMAS.agreement), bilaga: get(DOCUMENT_SCHEMAS.bilaga) };
}

export const validators: Validators = await compileValidators();

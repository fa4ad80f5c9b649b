import type { ValidateFunction } from "ajv";

/**
 * Validators compiled ahead of time. This stub says "none": the validators are compiled at run
 * time from schemas/. The bundled CLI replaces this module with ajv standalone code generated from
 * the same schemas and options (scripts/bundle.mjs), which saves compiling them at every start.
 */
export interface Validators {
  agreement: ValidateFunction;
  bilaga: ValidateFunction;
}

export const precompiled: Validators | undefined = undefined;

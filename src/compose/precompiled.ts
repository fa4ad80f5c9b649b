/**
 * Templates precompiled ahead of time, by path in templates/ ("partials/parter.hbs"; a clause's
 * heading as "klausuler/<name>.hbs#rubrik"), each with the SHA-256 of the source it was made
 * from. This stub says "none": templates are compiled at run time. The bundled CLI replaces this
 * module with `Handlebars.precompile` output for every template (scripts/bundle.mjs), which saves
 * compiling them at every start; a template edited or added since is compiled at run time.
 */
export interface PrecompiledTemplate {
  sha256: string;
  spec: unknown;
}

export const precompiled: Record<string, PrecompiledTemplate> | undefined = undefined;

/**
 * Templates precompiled ahead of time, by path in templates/ ("partials/parter.hbs"; a clause's
 * heading as "klausuler/<name>.hbs#rubrik"). This stub says "none": templates are compiled at run
 * time. The bundled CLI replaces this module with `Handlebars.precompile` output for every
 * template (scripts/bundle.mjs), which saves compiling them at every start.
 */
export const precompiled: Record<string, unknown> | undefined = undefined;

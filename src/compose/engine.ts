/**
 * The Handlebars environment: one isolated instance with iop's helpers, the document templates,
 * the partials and the clause library, compiled once per process (`engine()` caches it).
 *
 * Layout of `templates/`:
 * - `overenskommelse.hbs`, `bilaga.hbs`: the two document templates;
 * - `partials/<name>.hbs`: recurring blocks, used as `{{> name}}`;
 * - `klausuler/<name>.hbs`: one clause per file, used as the partial `klausuler/<name>`. A clause
 *   starts with a front-matter comment whose `rubrik:` line is the default heading (itself a
 *   template, e.g. the body's name) and whose optional `endast: bilaga` line restricts the clause
 *   to bilagor:
 *
 *       {{!--
 *       rubrik: Bakgrund
 *       --}}
 *
 *   A clause with wording marks it `{{#lydelse}}…{{/lydelse}}`; an agreement may replace that
 *   wording with its own (`lydelse` on the section), in which `{name}` fields are filled from the
 *   data by the clause's `fält name: <template>` lines. `kräver: a b` names the fields the own
 *   wording must contain (the number of copies, the dates of the period). `förutsätter: mål syfte`
 *   names the agreement's data that the default wording speaks of: a warning when it is missing.
 */

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Handlebars from "handlebars";
import { sha256 } from "../hash.js";
import { templateDir } from "../paths.js";
import { registerHelpers } from "./helpers/index.js";
import { precompiled } from "./precompiled.js";

export type Template = Handlebars.TemplateDelegate;

export interface Clause {
  name: string;
  /** Renders the default heading, with the section as context. */
  heading: Template;
  /** Set when the clause only makes sense in one kind of document. */
  only?: "bilaga" | "overenskommelse";
  /** The clause has a default wording (`{{#lydelse}}…{{/lydelse}}`) an own wording can replace. */
  worded: boolean;
  /** The data fields an agreement's own wording may use as `{name}`, each a template. */
  fields: Map<string, Template>;
  /** The fields an agreement's own wording must contain. */
  required: string[];
  /** The agreement's data its default wording speaks of (`förutsätter: mål syfte`). */
  presupposes: string[];
}

export interface Engine {
  hb: typeof Handlebars;
  documents: { overenskommelse: Template; bilaga: Template };
  clauses: Map<string, Clause>;
}

/** strict: a missing field is an error, not an empty string; noEscape: we escape for Markdown. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

const read = (path: string): string => readFileSync(new URL(path, templateDir), "utf8");

const hbsFiles = (folder: string): string[] =>
  readdirSync(new URL(folder, templateDir))
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((f) => f.slice(0, -4));

/**
 * Reads the `key: value` lines of a clause's leading `{{!-- … --}}` comment; a field line
 * `fält start: …` has the key "fält start".
 */
export function frontMatter(source: string): Record<string, string> {
  const match = /^\{\{!--([\s\S]*?)--\}\}/.exec(source);
  const out: Record<string, string> = {};
  for (const line of match?.[1]?.split("\n") ?? []) {
    const m = /^\s*([a-zåäö]+(?: [\p{Ll}_]+)?):\s*(.*?)\s*$/u.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** The `fält <name>` entries of a clause's front matter: field name → template source. */
export const fieldSources = (meta: Record<string, string>): [string, string][] =>
  Object.entries(meta)
    .filter(([key]) => key.startsWith("fält "))
    .map(([key, source]) => [key.slice("fält ".length), source]);

/** A clause of templates/klausuler/ from its source: heading, fields and what it needs. */
function loadClause(
  name: string,
  source: string,
  compile: (source: string, key: string) => Template,
): Clause {
  const meta = frontMatter(source);
  if (!meta.rubrik) throw new Error(`templates/klausuler/${name}.hbs has no "rubrik:" line`);
  const only = meta.endast;
  if (only !== undefined && only !== "bilaga" && only !== "overenskommelse") {
    throw new Error(`templates/klausuler/${name}.hbs: "endast: ${only}" is not a document kind`);
  }
  const heading = compile(meta.rubrik, `klausuler/${name}.hbs#rubrik`);
  const fields = new Map(
    fieldSources(meta).map(([field, text]) => [
      field,
      compile(text, `klausuler/${name}.hbs#fält-${field}`),
    ]),
  );
  const required = meta.kräver?.split(/\s+/).filter(Boolean) ?? [];
  const unknown = required.find((field) => !fields.has(field));
  if (unknown !== undefined) {
    throw new Error(`templates/klausuler/${name}.hbs: "kräver: ${unknown}" is not a field`);
  }
  const presupposes = meta.förutsätter?.split(/\s+/).filter(Boolean) ?? [];
  return {
    name,
    heading,
    worded: source.includes("{{#lydelse}}"),
    fields,
    required,
    presupposes,
    ...(only ? { only } : {}),
  };
}

function load(): Engine {
  const hb = Handlebars.create();
  /**
   * The template at `key` (its path in templates/): precompiled, when the bundle has it for this
   * very source, else compiled here.
   */
  const compile = (source: string, key: string): Template => {
    const ahead = precompiled?.[key];
    const spec =
      ahead && ahead.sha256 === sha256(source)
        ? ahead.spec
        : new Function(`return ${compiler().precompile(source, COMPILE_OPTIONS)}`)();
    return hb.template(spec as Parameters<typeof hb.template>[0]);
  };
  for (const name of hbsFiles("partials/")) {
    const key = `partials/${name}.hbs`;
    hb.registerPartial(name, compile(read(key), key));
  }
  const clauses = new Map<string, Clause>();
  for (const name of hbsFiles("klausuler/")) {
    const source = read(`klausuler/${name}.hbs`);
    hb.registerPartial(`klausuler/${name}`, compile(source, `klausuler/${name}.hbs`));
    clauses.set(name, loadClause(name, source, compile));
  }
  const engine: Engine = {
    hb,
    documents: {
      overenskommelse: compile(read("overenskommelse.hbs"), "overenskommelse.hbs"),
      bilaga: compile(read("bilaga.hbs"), "bilaga.hbs"),
    },
    clauses,
  };
  registerHelpers(engine);
  return engine;
}

/**
 * Handlebars with its compiler. The bundled CLI ships only the runtime (its templates are
 * precompiled) and loads the compiler from node_modules, outside the bundle, for a template
 * edited or added since the bundle was made.
 */
function compiler(): typeof Handlebars {
  if (typeof Handlebars.precompile === "function") return Handlebars;
  const load = createRequire(import.meta.url);
  return load("handlebars") as typeof Handlebars;
}

let cached: Engine | undefined;

/** The compiled templates and helpers, loaded on first use. */
export const engine = (): Engine => {
  cached ??= load();
  return cached;
};

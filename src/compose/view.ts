/**
 * The Markdown view of the data: a deep copy in which every string is safe to write into Markdown.
 * Which strings are Markdown is read from the JSON Schemas: a value whose schema is
 * `$defs/text` (type Text) is Markdown and kept as it is (trimmed); every other string (names,
 * ids, diarienummer, budget lines, `saknas` reasons) is escaped with `escapeMarkdown`. Values
 * the schemas do not describe are escaped too, so the default is safe.
 */

import { pointerSegments } from "../json-pointer.js";
import type { Bilaga, Overenskommelse } from "../model.js";
import { readSchema } from "../paths.js";
import { escapeMarkdown } from "./escape.js";

type Schema = Record<string, unknown>;
interface Located {
  node: Schema;
  file: string;
}

const TEXT_DEF = "gemensam.schema.json#/$defs/text";
const schemaFile = (name: string): Schema => readSchema(name) as Schema;

/** Absolute form "file#/pointer" of a $ref seen in `file`. */
const absoluteRef = (ref: string, file: string): string =>
  ref.startsWith("#") ? `${file}${ref}` : ref;

/** The schemas are read once and never change: each $ref is resolved once, each node judged once. */
const refs = new Map<string, Located>();
const textSchemas = new WeakMap<Schema, boolean>();

function resolveRef(ref: string): Located {
  let at = refs.get(ref);
  if (!at) {
    const [file = "", pointer = ""] = ref.split("#");
    let node: unknown = schemaFile(file);
    for (const part of pointerSegments(pointer)) {
      node = (node as Schema)[part];
    }
    at = { node: (node ?? {}) as Schema, file };
    refs.set(ref, at);
  }
  return at;
}

/** Follows $refs; reports whether the chain passed through the Text definition. */
function deref(at: Located): { at: Located; text: boolean } {
  let current = at;
  let text = false;
  for (let i = 0; i < 20 && typeof current.node.$ref === "string"; i++) {
    const ref = absoluteRef(current.node.$ref, current.file);
    if (ref === TEXT_DEF) text = true;
    current = resolveRef(ref);
  }
  return { at: current, text };
}

const alternatives = (at: Located): Located[] =>
  [...((at.node.oneOf ?? []) as Schema[]), ...((at.node.anyOf ?? []) as Schema[])].map((node) => ({
    node,
    file: at.file,
  }));

/** Whether a schema is Text, through $refs and alternatives (a node lies in one file: its key). */
function isTextSchema(at: Located | undefined): boolean {
  if (!at) return false;
  let text = textSchemas.get(at.node);
  if (text === undefined) {
    const ref = deref(at);
    text = ref.text || alternatives(ref.at).some(isTextSchema);
    textSchemas.set(at.node, text);
  }
  return text;
}

/** The alternative of a oneOf/anyOf whose properties cover the object's keys. */
function objectSchema(at: Located, value: Record<string, unknown>): Located | undefined {
  const resolved = deref(at).at;
  if (resolved.node.properties) return resolved;
  for (const alt of alternatives(resolved)) {
    const candidate = objectSchema(alt, value);
    const props = candidate?.node.properties as Schema | undefined;
    if (props && Object.keys(value).every((k) => k in props)) return candidate;
  }
  return undefined;
}

function itemsSchema(at: Located | undefined): Located | undefined {
  if (!at) return undefined;
  const resolved = deref(at).at;
  const items = resolved.node.items as Schema | undefined;
  return items ? { node: items, file: resolved.file } : undefined;
}

/** The schema of each property of an object (undefined for a key the schema does not name). */
function propertySchemas(
  at: Located | undefined,
  record: Record<string, unknown>,
): (key: string) => Located | undefined {
  const schema = at && objectSchema(at, record);
  const props = (schema?.node.properties ?? {}) as Record<string, Schema>;
  return (key) => {
    const prop = props[key];
    return prop && schema ? { node: prop, file: schema.file } : undefined;
  };
}

function walk(value: unknown, at: Located | undefined): unknown {
  if (typeof value === "string") return isTextSchema(at) ? value.trim() : escapeMarkdown(value);
  if (Array.isArray(value)) {
    const items = itemsSchema(at);
    return value.map((v) => walk(v, items));
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const schemaOf = propertySchemas(at, record);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(record)) out[key] = walk(v, schemaOf(key));
    return out;
  }
  return value;
}

/** Adds to `found` the paths of the Markdown strings in `value`, which is at `path`. */
function collectMarkdownPaths(
  value: unknown,
  at: Located | undefined,
  path: (string | number)[],
  found: Set<string>,
): void {
  if (typeof value === "string") {
    if (isTextSchema(at)) found.add(path.join("/"));
  } else if (Array.isArray(value)) {
    const items = itemsSchema(at);
    for (const [i, v] of value.entries()) collectMarkdownPaths(v, items, [...path, i], found);
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const schemaOf = propertySchemas(at, record);
    for (const [key, v] of Object.entries(record)) {
      collectMarkdownPaths(v, schemaOf(key), [...path, key], found);
    }
  }
}

/**
 * The paths (joined with "/") of the data's Markdown strings: the values the schemas type as
 * Text. Every other string is printed literally, so `:avsnitt[x]` in it is no reference.
 */
export function markdownPaths(data: unknown, kind: "overenskommelse" | "bilaga"): Set<string> {
  const found = new Set<string>();
  const file = `${kind}.schema.json`;
  collectMarkdownPaths(data, { node: schemaFile(file), file }, [], found);
  return found;
}

/** The agreement's data with every plain string escaped for Markdown (see the module comment). */
export const agreementView = (data: Overenskommelse): Overenskommelse =>
  walk(data, {
    node: schemaFile("overenskommelse.schema.json"),
    file: "overenskommelse.schema.json",
  }) as Overenskommelse;

/** A bilaga's data with every plain string escaped for Markdown. */
export const bilagaView = (data: Bilaga): Bilaga =>
  walk(data, { node: schemaFile("bilaga.schema.json"), file: "bilaga.schema.json" }) as Bilaga;

/** Helpers for writing agreement YAML with the `yaml` library's Document API. */
import { relative } from "node:path";
import { type Document, isMap, isPair, isScalar, visit } from "yaml";
import { schemaPath } from "../paths.js";

/** Line width of written YAML (the example agreements keep long prose on one line). */
export const LINE_WIDTH = 0;

/** The `# yaml-language-server: $schema=…` line for a file in `dir`, relative to it. */
export const schemaLine = (dir: string, schema: string): string =>
  ` yaml-language-server: $schema=${relative(dir, schemaPath(schema)).split("\\").join("/")}`;

/**
 * The example agreements' style: every `{ saknas: "…" }` map on one line with its reason in
 * quotes, and dates and numbers written as strings (organisationsnummer) in quotes.
 */
export function houseStyle(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && /^\d/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "saknas" && isScalar(pair.value))
        pair.value.type = "QUOTE_DOUBLE";
    },
    Map(_, node) {
      if (
        node.items.length === 1 &&
        isScalar(node.items[0]?.key) &&
        node.items[0].key.value === "saknas"
      )
        node.flow = true;
    },
  });
}

/** A blank line before each of the top-level keys `keys`. */
export function spaceBefore(doc: Document, keys: readonly string[]): void {
  if (!isMap(doc.contents)) return;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && keys.includes(String(pair.key.value))) pair.key.spaceBefore = true;
  }
}

/** Puts a comment (each line a `#` line) right above the key at `path`. */
export function commentKey(doc: Document, path: readonly (string | number)[], text: string): void {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) throw new Error(`no map at ${path.slice(0, -1).join(".")}`);
  const pair = parent.items.find(
    (p) => isPair(p) && isScalar(p.key) && p.key.value === path.at(-1),
  );
  if (!pair || !isScalar(pair.key)) throw new Error(`no key ${path.join(".")}`);
  pair.key.commentBefore = text
    .split("\n")
    .map((l) => ` ${l}`)
    .join("\n");
}

/** Puts a comment above an item of a sequence (the item at `path`). */
export function commentItem(doc: Document, path: readonly (string | number)[], text: string): void {
  const node = doc.getIn(path, true) as { commentBefore?: string | null } | undefined;
  if (!node || typeof node !== "object") throw new Error(`no node at ${path.join(".")}`);
  node.commentBefore = text
    .split("\n")
    .map((l) => ` ${l}`)
    .join("\n");
}

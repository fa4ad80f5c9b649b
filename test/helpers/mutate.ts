import { isMap, isSeq, parseDocument } from "yaml";

/** Helpers that break a valid YAML text one node at a time (rules on data with schema errors). */

/** Every path to a node of a YAML text, the root left out. */
export function paths(text: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (path.length > 0) out.push(path);
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) visit(item, [...path, i]);
    }
  };
  visit(parseDocument(text).contents, []);
  return out;
}

export const REMOVE = Symbol("remove");
export const BAD_VALUES: unknown[] = [5, "x y", [1], { a: 1 }, { saknas: "x" }, REMOVE];

export function mutate(text: string, path: (string | number)[], value: unknown): string {
  const doc = parseDocument(text);
  if (value === REMOVE) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(value));
  return doc.toString();
}

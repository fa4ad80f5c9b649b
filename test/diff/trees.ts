import type {
  Block,
  DocumentTree,
  HeadingNode,
  Inline,
  ListNode,
  ParagraphNode,
} from "../../src/document/types.js";
import { treeOf } from "../fixtures/sample-tree.js";

/** Small builders for hand-made document trees. */
export const t = (value: string): Inline => ({ type: "text", value });

export const h = (depth: 1 | 2 | 3, number: string, text: string, id?: string): HeadingNode => ({
  type: "heading",
  depth,
  number,
  ...(id ? { id } : {}),
  children: [t(text)],
});

export const p = (...children: (string | Inline)[]): ParagraphNode => ({
  type: "paragraph",
  children: children.map((c) => (typeof c === "string" ? t(c) : c)),
});

export const ul = (...items: string[]): ListNode => ({
  type: "list",
  ordered: false,
  items: items.map((item) => [p(item)]),
});

export const tree = (...children: Block[]): DocumentTree =>
  treeOf(children, { author: "Socialnämnden", subject: "IOP", keywords: [], date: "2025-03-25" });

/** Drops undefined fields and merges adjacent text nodes, for comparing trees. */
export function normalize<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v) => {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (const item of v) {
          const last = out[out.length - 1] as { type?: string; value?: string } | undefined;
          if (item && item.type === "text" && last?.type === "text") {
            out[out.length - 1] = { type: "text", value: (last.value ?? "") + item.value };
          } else if (!(item && item.type === "text" && item.value === "")) {
            out.push(item);
          }
        }
        return out;
      }
      return v;
    }),
  );
}

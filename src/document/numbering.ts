/**
 * Section numbering: every top-level heading is a section, numbered 1, 1.1, 1.1.1 in document
 * order without gaps or repeats. A heading never goes more than one level below the previous
 * one (a jump from level 1 to 3 is numbered as level 2), and levels stop at 3. Markdown `##` is
 * level 1 (`#` is the document title), `###` level 2, `####` and deeper level 3.
 */
import type { Heading, RootContent } from "mdast";
import type { SectionInfo } from "./state.js";

/** The `{#id}` a heading ends with in the Markdown source, if any. */
export const HEADING_ID = /[ \t]+\{#([a-z0-9][a-z0-9-]*)\}[ \t]*$/;

export function numberSections(
  nodes: readonly RootContent[],
  raw: (node: Heading) => string,
): { headings: Map<Heading, SectionInfo>; byId: Map<string, string> } {
  const headings = new Map<Heading, SectionInfo>();
  const byId = new Map<string, string>();
  const counters: number[] = [];
  for (const node of nodes) {
    if (node.type !== "heading") continue;
    const level = Math.min(Math.max(node.depth - 1, 1), counters.length + 1, 3) as 1 | 2 | 3;
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    const number = counters.join(".");
    const id = HEADING_ID.exec(raw(node).split("\n")[0] ?? "")?.[1];
    headings.set(node, { number, depth: level, ...(id ? { id } : {}) });
    if (id && !byId.has(id)) byId.set(id, number);
  }
  return { headings, byId };
}

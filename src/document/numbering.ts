/**
 * Section numbering: every top-level heading is a section, numbered 1, 1.1, 1.1.1 in document
 * order without gaps or repeats, restarting in every document. A heading's level is one more
 * than the number of open headings with a smaller Markdown depth (so `##` then `####` `####` are
 * 1, 1.1, 1.2: a skipped depth leaves no gap), and levels stop at 3. In composed documents `##`
 * is level 1 (`#` is the title), `###` level 2, `####` level 3.
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
  const open: number[] = [];
  for (const node of nodes) {
    if (node.type !== "heading") continue;
    while (open.length > 0 && (open[open.length - 1] ?? 0) >= node.depth) open.pop();
    open.push(node.depth);
    const level = Math.min(open.length, 3) as 1 | 2 | 3;
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    const number = counters.join(".");
    const id = HEADING_ID.exec(raw(node).split("\n")[0] ?? "")?.[1];
    headings.set(node, { number, depth: level, ...(id ? { id } : {}) });
    if (id && !byId.has(id)) byId.set(id, number);
  }
  return { headings, byId };
}

/**
 * Section numbering: every top-level heading is a section, numbered 1, 1.1, 1.1.1 in document
 * order without gaps or repeats, restarting in every document. A heading's level is one more
 * than the number of open headings with a smaller Markdown depth (so `##` then `####` `####` are
 * 1, 1.1, 1.2: a skipped depth leaves no gap), and levels stop at 3. In composed documents `##`
 * is level 1 (`#` is the title), `###` level 2, `####` level 3.
 *
 * A heading marked `{.onumrerad}` (a section with `numrerad: false`) takes no number and does not
 * count: the next section at its level gets the number after the last numbered one (Bilagor
 * between 5 and 6 leaves Signering 6). Every heading under it is unnumbered too, so no number
 * repeats or hangs under a section that has none. Its number in the tree is "".
 */
import type { Heading, Nodes, RootContent } from "mdast";
import type { SectionInfo } from "./state.js";

/** The class that marks an unnumbered section's heading: `## Bilagor {#bilagor .onumrerad}`. */
export const UNNUMBERED_CLASS = "onumrerad";

/**
 * The attributes a heading ends with in the Markdown source: `{#id}`, `{#id .onumrerad}` or
 * `{.onumrerad}`. Group 1 is the id, group 2 the class.
 */
export const HEADING_ATTRIBUTES = new RegExp(
  `[ \\t]+\\{(?=[#.])(?:#([a-z0-9][a-z0-9-]*))?(?:[ \\t]*\\.(${UNNUMBERED_CLASS}))?\\}[ \\t]*$`,
);

/** A heading's text as a reader sees it (for references to an unnumbered section), without `{…}`. */
function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? node.children.map(plainText).join("") : "";
}

/** Counts a numbered heading at `level`: "2", "2.1", "2.1.3". */
function nextNumber(counters: number[], level: number): string {
  counters.length = level;
  counters[level - 1] = (counters[level - 1] ?? 0) + 1;
  return counters.join(".");
}

/** A heading's title: its plain text, without the `{#id}` attributes, spaces collapsed. */
const headingTitle = (node: Heading, hasAttributes: boolean): string =>
  (hasAttributes ? plainText(node).replace(HEADING_ATTRIBUTES, "") : plainText(node))
    .replace(/\s+/g, " ")
    .trim();

/** Closes the open headings at `depth` or deeper: a new heading ends them. */
function closeSections(open: { depth: number }[], depth: number): void {
  while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= depth) open.pop();
}

export function numberSections(
  nodes: readonly RootContent[],
  raw: (node: Heading) => string,
): { headings: Map<Heading, SectionInfo>; byId: Map<string, SectionInfo> } {
  const headings = new Map<Heading, SectionInfo>();
  const byId = new Map<string, SectionInfo>();
  const counters: number[] = [];
  /** Markdown depth of each open heading, and whether it is unnumbered. */
  const open: { depth: number; unnumbered: boolean }[] = [];
  for (const node of nodes) {
    if (node.type !== "heading") continue;
    closeSections(open, node.depth);
    const attributes = HEADING_ATTRIBUTES.exec(raw(node).split("\n")[0] ?? "");
    const id = attributes?.[1];
    const unnumbered = Boolean(attributes?.[2]) || open.some((h) => h.unnumbered);
    open.push({ depth: node.depth, unnumbered });
    const level = Math.min(open.length, 3) as 1 | 2 | 3;
    const number = unnumbered ? "" : nextNumber(counters, level);
    const title = headingTitle(node, attributes !== null);
    const info: SectionInfo = { number, depth: level, title, ...(id ? { id } : {}) };
    headings.set(node, info);
    if (id && !byId.has(id)) byId.set(id, info);
  }
  return { headings, byId };
}

/**
 * A document's flat block list cut into sections: each heading with the blocks up to the next
 * heading. Sections are what the redline aligns by identity.
 */
import { inlineText, normalizeWhitespace } from "../document/text.js";
import type { Block, HeadingNode } from "../document/types.js";

export interface Section {
  /** Identity across versions: the heading's id, else its normalised text. */
  key: string;
  /** Undefined for the blocks before the first heading. */
  heading?: HeadingNode;
  /** The blocks after the heading. */
  body: Block[];
  /** Key of the enclosing section (the nearest earlier heading of smaller depth). */
  parent?: string;
  /** Size in blocks, heading included: the alignment prefers to keep heavy sections in place. */
  weight: number;
}

export const PREAMBLE = "#inledning";

export const headingText = (heading: HeadingNode): string =>
  normalizeWhitespace(inlineText(heading.children));

const keyOf = (heading: HeadingNode): string =>
  heading.id ? `id:${heading.id}` : `rubrik:${headingText(heading).toLocaleLowerCase("sv-SE")}`;

export function segment(children: readonly Block[]): Section[] {
  const sections: Section[] = [];
  const seen = new Map<string, number>();
  const open: Section[] = [];
  let current: Section = { key: PREAMBLE, body: [], weight: 0 };
  for (const block of children) {
    if (block.type !== "heading") {
      current.body.push(block);
      continue;
    }
    if (current.heading || current.body.length > 0) sections.push(current);
    let key = keyOf(block);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}#${n}`;
    while (
      open.length > 0 &&
      ((open[open.length - 1] as Section).heading?.depth ?? 0) >= block.depth
    ) {
      open.pop();
    }
    current = { key, heading: block, body: [], weight: 0 };
    const parent = open[open.length - 1];
    if (parent) current.parent = parent.key;
    open.push(current);
  }
  if (current.heading || current.body.length > 0) sections.push(current);
  for (const s of sections) {
    // Twice the size, plus one for top-level sections, so that of two equally long sections the
    // subsection is the one reported as moved.
    s.weight = 2 * (s.body.length + 1) + (s.heading?.depth === 1 ? 1 : 0);
  }
  return sections;
}

/** A section's blocks, heading first. */
export const sectionBlocks = (section: Section): Block[] =>
  section.heading ? [section.heading, ...section.body] : section.body;

/**
 * A document's flat block list cut into sections: each heading with the blocks up to the next
 * heading. Sections are what the redline aligns by identity.
 */
import { blockText, inlineText, normalizeWhitespace, sectionReference } from "../document/text.js";
import type { Block, HeadingNode } from "../document/types.js";
import { keepInOrder } from "./align.js";
import { dice } from "./similarity.js";

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
  const uniqueKey = uniqueKeys();
  const open: Section[] = [];
  let current: Section = { key: PREAMBLE, body: [], weight: 0 };
  for (const block of children) {
    if (block.type !== "heading") {
      current.body.push(block);
      continue;
    }
    if (current.heading || current.body.length > 0) sections.push(current);
    current = { key: uniqueKey(keyOf(block)), heading: block, body: [], weight: 0 };
    const parent = enclosing(open, block.depth);
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

/** Numbers the second and later use of a key: "id:x", "id:x#2", "id:x#3". */
function uniqueKeys(): (key: string) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > 1 ? `${key}#${n}` : key;
  };
}

/** Pops the open sections a heading of `depth` closes; returns the one that encloses it. */
function enclosing(open: Section[], depth: number): Section | undefined {
  while (open.length > 0 && ((open[open.length - 1] as Section).heading?.depth ?? 0) >= depth) {
    open.pop();
  }
  return open[open.length - 1];
}

/** A section's blocks, heading first. */
export const sectionBlocks = (section: Section): Block[] =>
  section.heading ? [section.heading, ...section.body] : section.body;

/** How the sections of two versions correspond, by key, and which of the matched ones moved. */
export interface SectionMatch {
  /** For each new section, the index of the old section with its key, or -1. */
  oldOf: number[];
  /** For each old section, the index of the new section with its key, or -1. */
  newOf: number[];
  /** Matched new sections that keep their relative order (in new order): the anchors. */
  kept: number[];
  /** Matched new sections that moved, and the old sections they came from. */
  movedNew: Set<number>;
  movedOld: Set<number>;
}

/**
 * Matches sections by key; of the matched ones, those that keep their relative order (the
 * heaviest such set, {@link keepInOrder}) stay and the others moved.
 */
export function matchSections(oldSections: Section[], newSections: Section[]): SectionMatch {
  const oldByKey = new Map(oldSections.map((s, i) => [s.key, i]));
  const oldOf = newSections.map((s) => oldByKey.get(s.key) ?? -1);
  const newOf = new Array<number>(oldSections.length).fill(-1);
  oldOf.forEach((i, j) => {
    if (i >= 0) newOf[i] = j;
  });
  const matched = oldOf.flatMap((i, j) => (i >= 0 ? [j] : []));
  // A section now inside another section is reported as moved whatever the order, so it should
  // not anchor the order of the others: it weighs next to nothing.
  const newKeys = new Set(newSections.map((s) => s.key));
  const reparented = (j: number) => {
    const before = (oldSections[oldOf[j] as number] as Section).parent;
    const after = (newSections[j] as Section).parent;
    return before !== after && (before === undefined || newKeys.has(before));
  };
  const keptFlags = keepInOrder(
    matched.map((j) => oldOf[j] as number),
    matched.map((j) => (reparented(j) ? 1e-3 : (newSections[j] as Section).weight)),
  );
  const kept = matched.filter((_, k) => keptFlags[k]);
  const movedNew = new Set(matched.filter((_, k) => !keptFlags[k]));
  const movedOld = new Set([...movedNew].map((j) => oldOf[j] as number));
  return { oldOf, newOf, kept, movedNew, movedOld };
}

/**
 * How alike two sections without a counterpart are (by their whole text), 0 for a section that
 * has one: only those may pair (a renamed heading without id). Texts are computed once.
 */
export function unmatchedSimilarity(
  oldSections: Section[],
  newSections: Section[],
  match: SectionMatch,
): (i: number, j: number) => number {
  const texts = new Map<Section, string>();
  const fullText = (s: Section): string => {
    let text = texts.get(s);
    if (text === undefined) {
      text = sectionBlocks(s).map(blockText).join("\n");
      texts.set(s, text);
    }
    return text;
  };
  return (i, j) =>
    match.newOf[i] === -1 && match.oldOf[j] === -1
      ? dice(fullText(oldSections[i] as Section), fullText(newSections[j] as Section))
      : 0;
}

/**
 * What references to each matched section read in either version: "5.3" → "5.4", or
 * "7" → "avsnittet ”Bilagor”" for a section that lost its number.
 */
export function renumberedReferences(
  oldSections: Section[],
  newSections: Section[],
  oldOf: readonly number[],
): Map<string, string> {
  const renumbered = new Map<string, string>();
  oldOf.forEach((i, j) => {
    const before = referenceOf(oldSections[i]);
    const after = referenceOf(newSections[j]);
    if (before && after && before !== after) renumbered.set(before, after);
  });
  return renumbered;
}

/** What `:avsnitt[id]` reads for a section's heading, if it has one. */
const referenceOf = (section: Section | undefined): string | undefined =>
  section?.heading && sectionReference(section.heading.number, headingText(section.heading));

/**
 * The redline of one document: the new version's blocks with `change` marks, sections aligned by
 * identity (heading id, else heading text) rather than by position.
 *
 * - Renumbering alone is no change: headings carry their new numbers, unmarked.
 * - A section whose identity is found elsewhere is moved: deleted where it was, inserted where it
 *   is (so accepting and rejecting every change still give each version), reported as moved.
 * - Sections without a counterpart are paired by content when a heading without id was renamed.
 * - Inside a matched section, blocks, list items, table rows and words are compared.
 */

import { blockText, sectionReference } from "../document/text.js";
import type { Block, DocumentTree } from "../document/types.js";
import { keepInOrder, pairRun } from "./align.js";
import { type DiffState, diffBlock, diffBlocks, mark } from "./blocks.js";
import { headingText, type Section, sectionBlocks, segment } from "./sections.js";
import { dice, SIMILAR } from "./similarity.js";

export type SectionStatus = "unchanged" | "changed" | "added" | "removed" | "moved";

export interface SectionChange {
  /** Identity: "id:<id>", "rubrik:<heading>", or "#inledning" for blocks before the first heading. */
  key: string;
  /** The section id from the YAML, when it has one. */
  id?: string;
  /** Heading text (new, else old); empty for the blocks before the first heading. */
  heading: string;
  /** The old heading, when it changed (or was removed: `heading` is then ""). */
  oldHeading?: string;
  /** The section's number in each version; left out where it has none (unnumbered, or absent). */
  oldNumber?: string;
  newNumber?: string;
  status: SectionStatus;
  /** For moved sections: whether the content changed as well. */
  changed?: boolean;
  /**
   * For moved sections, which of its two places this entry is: "from" (the old text, deleted)
   * or "to" (the new text, inserted; the entry that is reported).
   */
  place?: "from" | "to";
  /**
   * Set on a section compared in place whose enclosing section changed (it moved in the outline:
   * into, out of or to another section). Its text stays in place, at its new level.
   */
  parentChanged?: boolean;
  /** Moved together with its enclosing section, which is reported instead. */
  withParent?: boolean;
  /** The section's blocks in the redline (heading first). */
  blocks: Block[];
  /**
   * The old heading's level and whether it was numbered, for a section with a heading in both
   * versions (Word's numbering needs them to give the old numbers back when changes are rejected).
   */
  oldDepth?: 1 | 2 | 3;
  oldNumbered?: boolean;
  /**
   * For moved sections: the blocks that are the moved text itself (deleted where it was, inserted
   * where it is), as opposed to changes inside it (words or blocks added since).
   */
  moved?: Block[];
}

export type DocumentStatus = "unchanged" | "changed" | "added" | "removed";

export interface DocumentRedline {
  /** Output base name of the document, e.g. "overenskommelse", "bilaga-1". */
  name: string;
  kind: DocumentTree["kind"];
  title: string;
  status: DocumentStatus;
  /** The new version (the old one when the document was removed) with change marks. */
  tree: DocumentTree;
  /** The old document's name (a bilaga's number may differ), when both versions have it. */
  oldName?: string;
  /** The old document's title, subtitle and other meta, when both versions have the document. */
  oldMeta?: DocumentTree["meta"];
  /** Every section in redline order with what happened to it. */
  sections: SectionChange[];
}

const describe = (section: Section, status: SectionStatus, blocks: Block[]): SectionChange => ({
  key: section.key,
  ...(section.heading?.id ? { id: section.heading.id } : {}),
  heading: section.heading ? headingText(section.heading) : "",
  status,
  blocks,
});

const whole = (
  tree: DocumentTree,
  kind: "ins" | "del",
  status: "added" | "removed",
): DocumentRedline => {
  const sections = segment(tree.children).map((s) => {
    const blocks = sectionBlocks(s).map((b) => mark(b, kind));
    const change = describe(s, status, blocks);
    if (s.heading?.number) change[kind === "ins" ? "newNumber" : "oldNumber"] = s.heading.number;
    return change;
  });
  return {
    name: tree.name,
    kind: tree.kind,
    title: tree.meta.title,
    status,
    tree: { ...tree, children: sections.flatMap((s) => s.blocks) },
    sections,
  };
};

/** Redlines `oldTree` against `newTree`; a missing side means the document was added or removed. */
export function redlineDocument(
  oldTree: DocumentTree | undefined,
  newTree: DocumentTree | undefined,
): DocumentRedline {
  if (!oldTree && !newTree) throw new Error("redlineDocument needs at least one document");
  if (!oldTree) return whole(newTree as DocumentTree, "ins", "added");
  if (!newTree) return whole(oldTree, "del", "removed");

  const oldSections = segment(oldTree.children);
  const newSections = segment(newTree.children);
  const oldByKey = new Map(oldSections.map((s, i) => [s.key, i]));
  const oldOf = newSections.map((s) => oldByKey.get(s.key) ?? -1);
  const newOf = new Array<number>(oldSections.length).fill(-1);
  oldOf.forEach((i, j) => {
    if (i >= 0) newOf[i] = j;
  });

  // What references to each matched section read in either version: "5.3" → "5.4", or
  // "7" → "avsnittet ”Bilagor”" for a section that lost its number.
  const renumbered = new Map<string, string>();
  oldOf.forEach((i, j) => {
    const before = referenceOf(oldSections[i]);
    const after = referenceOf(newSections[j]);
    if (before && after && before !== after) renumbered.set(before, after);
  });

  // Matched sections that keep their relative order stay; the other matched ones moved.
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
  const kept = new Set(matched.filter((_, k) => keptFlags[k]));
  const movedNew = new Set(matched.filter((j) => !kept.has(j)));
  const movedOld = new Set([...movedNew].map((j) => oldOf[j] as number));

  const compare = (o: Section, n: Section) => {
    const state: DiffState = { renumbered, substantive: false };
    const blocks: Block[] = [];
    if (o.heading && n.heading) blocks.push(...diffBlock(o.heading, n.heading, state));
    else if (o.heading || n.heading) {
      // Paired by content across a heading that came or went (a section now `utan_rubrik`
      // whose text opens the document, say): the heading itself is the change.
      if (o.heading) blocks.push(mark(o.heading, "del"));
      if (n.heading) blocks.push(mark(n.heading, "ins"));
      state.substantive = true;
    }
    blocks.push(...diffBlocks(o.body, n.body, state));
    return { blocks, substantive: state.substantive };
  };

  const changes: SectionChange[] = [];
  /** Sections compared where they stand (not moved), to check their parents afterwards. */
  const inPlace: { old: Section; new: Section; change: SectionChange }[] = [];
  const matchedPair = (o: Section, n: Section) => {
    const { blocks, substantive } = compare(o, n);
    const change = describe(n, substantive ? "changed" : "unchanged", blocks);
    if (o.heading?.number) change.oldNumber = o.heading.number;
    if (n.heading?.number) change.newNumber = n.heading.number;
    if (o.heading && (!n.heading || headingText(o.heading) !== headingText(n.heading))) {
      change.oldHeading = headingText(o.heading);
    }
    if (o.heading && n.heading) {
      change.oldDepth = o.heading.depth;
      change.oldNumbered = o.heading.number !== "";
    }
    changes.push(change);
    inPlace.push({ old: o, new: n, change });
  };

  const newIndex = new Map(newSections.map((s, j) => [s.key, j]));
  const texts = new Map<Section, string>();
  const fullText = (s: Section): string => {
    let text = texts.get(s);
    if (text === undefined) {
      text = sectionBlocks(s).map(blockText).join("\n");
      texts.set(s, text);
    }
    return text;
  };
  const anchors: [number, number][] = [
    ...[...kept].map((j) => [oldOf[j] as number, j] as [number, number]),
    [oldSections.length, newSections.length],
  ];
  let oi = 0;
  let nj = 0;
  for (const [ai, aj] of anchors) {
    const oldGap = range(oi, ai);
    const newGap = range(nj, aj);
    const ops = pairRun(oldGap, newGap, {
      key: () => "",
      // Only sections without a counterpart elsewhere may pair (a renamed heading without id).
      similarity: (i, j) =>
        newOf[i] === -1 && oldOf[j] === -1
          ? dice(fullText(oldSections[i] as Section), fullText(newSections[j] as Section))
          : 0,
      threshold: SIMILAR,
    });
    for (const op of ops) {
      if (op.op === "delete") {
        const o = oldSections[op.old] as Section;
        const blocks = sectionBlocks(o).map((b) => mark(b, "del"));
        if (movedOld.has(op.old)) {
          // Reported where it went; here only its old text, deleted.
          const change = describe(o, "moved", blocks);
          change.place = "from";
          change.moved = blocks;
          if (o.heading?.number) change.oldNumber = o.heading.number;
          const to = newSections[newOf[op.old] as number]?.heading?.number;
          if (to) change.newNumber = to;
          changes.push(change);
        } else {
          const change = describe(o, "removed", blocks);
          if (o.heading?.number) change.oldNumber = o.heading.number;
          changes.push(change);
        }
      } else if (op.op === "insert") {
        const n = newSections[op.new] as Section;
        if (movedNew.has(op.new)) {
          const o = oldSections[oldOf[op.new] as number] as Section;
          // The moved text with the changes made inside it: what it kept and gained is moved
          // (inserted here as a whole), what was added stays an insertion within the move. What
          // it lost is left out here: it is in the moved-away text, deleted where it was.
          const moved: Block[] = [];
          const compared = compare(o, n);
          const blocks = compared.blocks.flatMap((b): Block[] => {
            if (b.change === "del") return [];
            if (b.change === "ins") return [b];
            const block = mark(withoutDeletedParts(b), "ins");
            moved.push(block);
            return [block];
          });
          const change = describe(n, "moved", blocks);
          change.place = "to";
          change.moved = moved;
          if (o.heading?.number) change.oldNumber = o.heading.number;
          if (n.heading?.number) change.newNumber = n.heading.number;
          if (o.heading && n.heading && headingText(o.heading) !== headingText(n.heading)) {
            change.oldHeading = headingText(o.heading);
          }
          if (o.heading && n.heading) {
            change.oldDepth = o.heading.depth;
            change.oldNumbered = o.heading.number !== "";
          }
          change.changed = compared.substantive;
          const parent = n.parent;
          if (parent !== undefined && parent === o.parent) {
            if (movedNew.has(newIndex.get(parent) ?? -1)) change.withParent = true;
          }
          changes.push(change);
        } else {
          const blocks = sectionBlocks(n).map((b) => mark(b, "ins"));
          const change = describe(n, "added", blocks);
          if (n.heading?.number) change.newNumber = n.heading.number;
          changes.push(change);
        }
      } else {
        matchedPair(oldSections[op.old] as Section, newSections[op.new] as Section);
      }
    }
    if (ai < oldSections.length && aj < newSections.length) {
      matchedPair(oldSections[ai] as Section, newSections[aj] as Section);
    }
    oi = ai + 1;
    nj = aj + 1;
  }

  // A section kept in place whose enclosing section is another one now (say "Period" that moved
  // into a new "Villkor") moved in the outline: its text stays where it is, with the new level.
  const newKeyOf = new Map<string, string>(inPlace.map((p) => [p.old.key, p.new.key]));
  for (const [j, i] of oldOf.entries()) {
    if (i >= 0) newKeyOf.set((oldSections[i] as Section).key, (newSections[j] as Section).key);
  }
  for (const pair of inPlace) {
    const before =
      pair.old.parent === undefined
        ? undefined
        : (newKeyOf.get(pair.old.parent) ?? `old:${pair.old.parent}`);
    if (before !== pair.new.parent) pair.change.parentChanged = true;
  }

  const changed = changes.some((c) => c.status !== "unchanged" || c.parentChanged);
  return {
    name: newTree.name,
    kind: newTree.kind,
    title: newTree.meta.title,
    status: changed || oldTree.meta.title !== newTree.meta.title ? "changed" : "unchanged",
    tree: { ...newTree, children: changes.flatMap((c) => c.blocks) },
    oldName: oldTree.name,
    oldMeta: oldTree.meta,
    sections: changes,
  };
}

/**
 * A block of moved text without the parts deleted inside it (list items, table rows): the
 * moved-away text shows them, and here, inside an insertion, they could not be rejected.
 */
function withoutDeletedParts(block: Block): Block {
  switch (block.type) {
    case "list":
      return {
        ...block,
        items: block.items
          .map((item) => item.filter((b) => b.change !== "del").map(withoutDeletedParts))
          .filter((item) => item.length > 0),
      };
    case "table": {
      if (!block.rowChanges) return block;
      const keep = block.rowChanges.map((c) => c !== "del");
      const rowChanges = block.rowChanges.filter((_, k) => keep[k]);
      const { rowChanges: _, ...rest } = block;
      return {
        ...rest,
        rows: block.rows.filter((_, k) => keep[k]),
        ...(rowChanges.some((c) => c !== null) ? { rowChanges } : {}),
      };
    }
    default:
      return block;
  }
}

/** What `:avsnitt[id]` reads for a section's heading, if it has one. */
const referenceOf = (section: Section | undefined): string | undefined =>
  section?.heading && sectionReference(section.heading.number, headingText(section.heading));

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

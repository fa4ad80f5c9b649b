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

import type { Block, DocumentTree } from "../document/types.js";
import { alignAroundAnchors } from "./align.js";
import { type DiffState, diffBlock, diffBlocks, mark } from "./blocks.js";
import {
  headingText,
  matchSections,
  renumberedReferences,
  type Section,
  type SectionMatch,
  sectionBlocks,
  segment,
  unmatchedSimilarity,
} from "./sections.js";
import { SIMILAR } from "./similarity.js";

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

/** Numbers of a section in each version, for the sides that have one. */
const numbers = (o: Section | undefined, n: Section | undefined) => ({
  ...(o?.heading?.number ? { oldNumber: o.heading.number } : {}),
  ...(n?.heading?.number ? { newNumber: n.heading.number } : {}),
});

/**
 * The one constructor of a section change: identity and heading from `shown` (the section whose
 * text the entry stands for), then `fields` in the order given (the JSON output keeps it).
 */
const sectionChange = (
  shown: Section,
  status: SectionStatus,
  blocks: Block[],
  fields: Partial<SectionChange> = {},
): SectionChange => ({
  key: shown.key,
  ...(shown.heading?.id ? { id: shown.heading.id } : {}),
  heading: shown.heading ? headingText(shown.heading) : "",
  status,
  blocks,
  ...fields,
});

const whole = (
  tree: DocumentTree,
  kind: "ins" | "del",
  status: "added" | "removed",
): DocumentRedline => {
  const sections = segment(tree.children).map((s) => {
    const blocks = sectionBlocks(s).map((b) => mark(b, kind));
    return sectionChange(
      s,
      status,
      blocks,
      kind === "ins" ? numbers(undefined, s) : numbers(s, undefined),
    );
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

  const redline = new SectionRedline(segment(oldTree.children), segment(newTree.children));
  const changes = redline.changes();
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

/** A section compared where it stands (not moved), kept to check its parent afterwards. */
interface InPlace {
  old: Section;
  new: Section;
  change: SectionChange;
}

/** The redline of the sections of two versions of a document, step by step. */
class SectionRedline {
  private readonly match: SectionMatch;
  private readonly renumbered: Map<string, string>;
  private readonly newIndex: Map<string, number>;
  private readonly inPlace: InPlace[] = [];

  constructor(
    private readonly oldSections: Section[],
    private readonly newSections: Section[],
  ) {
    this.match = matchSections(oldSections, newSections);
    this.renumbered = renumberedReferences(oldSections, newSections, this.match.oldOf);
    this.newIndex = new Map(newSections.map((s, j) => [s.key, j]));
  }

  /** Every section in redline order: the kept ones as anchors, the gaps between them paired. */
  changes(): SectionChange[] {
    const { oldSections, newSections, match } = this;
    const anchors = match.kept.map((j) => [match.oldOf[j] as number, j] as const);
    const ops = alignAroundAnchors(anchors, oldSections.length, newSections.length, {
      key: () => "",
      similarity: unmatchedSimilarity(oldSections, newSections, match),
      threshold: SIMILAR,
    });
    const changes = ops.map((op) => {
      if (op.op === "delete") return this.gone(op.old);
      if (op.op === "insert") return this.came(op.new);
      return this.inPlaceChange(op.old, op.new);
    });
    this.markParentChanges();
    return changes;
  }

  /** The old and new section's blocks compared: heading, then body. */
  private compare(o: Section, n: Section): { blocks: Block[]; substantive: boolean } {
    const state: DiffState = { renumbered: this.renumbered, substantive: false };
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
  }

  /** A section in both versions, compared where it stands. */
  private inPlaceChange(i: number, j: number): SectionChange {
    const o = this.oldSections[i] as Section;
    const n = this.newSections[j] as Section;
    const { blocks, substantive } = this.compare(o, n);
    const change = sectionChange(n, substantive ? "changed" : "unchanged", blocks, {
      ...numbers(o, n),
      ...(o.heading && (!n.heading || headingText(o.heading) !== headingText(n.heading))
        ? { oldHeading: headingText(o.heading) }
        : {}),
      ...(o.heading && n.heading
        ? { oldDepth: o.heading.depth, oldNumbered: o.heading.number !== "" }
        : {}),
    });
    this.inPlace.push({ old: o, new: n, change });
    return change;
  }

  /** An old section not compared in place: removed, or moved away (only its old text, deleted). */
  private gone(i: number): SectionChange {
    const o = this.oldSections[i] as Section;
    const blocks = sectionBlocks(o).map((b) => mark(b, "del"));
    if (!this.match.movedOld.has(i))
      return sectionChange(o, "removed", blocks, numbers(o, undefined));
    // Reported where it went; here only its old text, deleted.
    const to = this.newSections[this.match.newOf[i] as number];
    return sectionChange(o, "moved", blocks, { place: "from", moved: blocks, ...numbers(o, to) });
  }

  /** A new section not compared in place: added, or moved here. */
  private came(j: number): SectionChange {
    const n = this.newSections[j] as Section;
    if (this.match.movedNew.has(j)) return this.movedHere(j);
    return sectionChange(
      n,
      "added",
      sectionBlocks(n).map((b) => mark(b, "ins")),
      numbers(undefined, n),
    );
  }

  /**
   * The moved text with the changes made inside it: what it kept and gained is moved (inserted
   * here as a whole), what was added stays an insertion within the move. What it lost is left out
   * here: it is in the moved-away text, deleted where it was.
   */
  private movedHere(j: number): SectionChange {
    const n = this.newSections[j] as Section;
    const o = this.oldSections[this.match.oldOf[j] as number] as Section;
    const moved: Block[] = [];
    const compared = this.compare(o, n);
    const blocks = compared.blocks.flatMap((b): Block[] => {
      if (b.change === "del") return [];
      if (b.change === "ins") return [b];
      const block = mark(withoutDeletedParts(b), "ins");
      moved.push(block);
      return [block];
    });
    return sectionChange(n, "moved", blocks, {
      place: "to",
      moved,
      ...numbers(o, n),
      ...(o.heading && n.heading && headingText(o.heading) !== headingText(n.heading)
        ? { oldHeading: headingText(o.heading) }
        : {}),
      ...(o.heading && n.heading
        ? { oldDepth: o.heading.depth, oldNumbered: o.heading.number !== "" }
        : {}),
      changed: compared.substantive,
      ...(this.movedWithParent(o, n) ? { withParent: true } : {}),
    });
  }

  /** Whether a moved section's enclosing section is the same and moved too (reported instead). */
  private movedWithParent(o: Section, n: Section): boolean {
    const parent = n.parent;
    return (
      parent !== undefined &&
      parent === o.parent &&
      this.match.movedNew.has(this.newIndex.get(parent) ?? -1)
    );
  }

  /**
   * A section kept in place whose enclosing section is another one now (say "Period" that moved
   * into a new "Villkor") moved in the outline: its text stays where it is, with the new level.
   */
  private markParentChanges(): void {
    const { oldSections, newSections } = this;
    const newKeyOf = new Map<string, string>(this.inPlace.map((p) => [p.old.key, p.new.key]));
    for (const [j, i] of this.match.oldOf.entries()) {
      if (i >= 0) newKeyOf.set((oldSections[i] as Section).key, (newSections[j] as Section).key);
    }
    for (const pair of this.inPlace) {
      const before =
        pair.old.parent === undefined
          ? undefined
          : (newKeyOf.get(pair.old.parent) ?? `old:${pair.old.parent}`);
      if (before !== pair.new.parent) pair.change.parentChanged = true;
    }
  }
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

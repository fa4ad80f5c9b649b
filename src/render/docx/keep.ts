import type { Block } from "../../document/types.js";

/** A closing section longer than this many blocks after its heading is not kept whole. */
const MAX_LEAD = 3;

/**
 * The blocks that lead into the signatures, which the renderer keeps on the page of the first
 * signature block (`w:keepNext` on their paragraphs, see `BlockContext.keepWithNext`), so the
 * signatures never stand alone on a page: the heading of the section the signatures close and the
 * blocks between it and the signatures, when they are at most three; else (a long closing section,
 * or none) the last block before the signatures alone.
 *
 * This is look-ahead across handlers (a paragraph's handler cannot know that signatures follow
 * it), so it is worked out once per tree, before rendering, over the top-level blocks, which is
 * where the document stage puts signatures.
 */
export function leadIntoSignatures(children: readonly Block[]): Set<Block> {
  const lead = new Set<Block>();
  children.forEach((block, at) => {
    if (block.type !== "signatures") return;
    // The heading may stand at most MAX_LEAD blocks before the signatures.
    const window = children.slice(Math.max(0, at - 1 - MAX_LEAD), at);
    const heading = window.findLastIndex((b) => b.type === "heading");
    for (const b of heading >= 0 ? window.slice(heading) : window.slice(-1)) lead.add(b);
  });
  return lead;
}

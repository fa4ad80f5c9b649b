/**
 * Pagination: stacks chunks onto pages of the text area's height.
 *
 * A chain of chunks joined by `keepWithNext` (a heading and the first lines of what follows it, the
 * first two and the last two lines of a paragraph, a table header and its first row, the text before
 * the signatures and the first signature block) goes to the next page whole when it does not fit
 * on this one. Only a chain longer than a whole page is broken, where it overflows. A table row
 * that starts a page gets the table's header row repeated above it.
 */
import type { Chunk } from "./state.js";

export interface Placed {
  chunk: Chunk;
  /** Top of the chunk, from the top of the text area. */
  top: number;
  /** A table header row repeated on a continuation page. */
  repeated?: boolean;
}

export function paginate(chunks: readonly Chunk[], height: number): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = 0;
  let after = 0;
  let current = pages[0] as Placed[];

  const gap = (chunk: Chunk, empty: boolean, prevAfter: number) =>
    empty ? 0 : Math.max(prevAfter, chunk.before);

  /** Where chunks i..j would end, starting at `top` (a fresh page when `fresh`). */
  const extent = (i: number, j: number, fresh: boolean): number => {
    let end = fresh ? 0 : y;
    let prevAfter = after;
    let empty = fresh ? true : current.length === 0;
    const repeat = chunks[i]?.repeat;
    if (fresh && repeat) {
      end = repeat.height;
      prevAfter = repeat.after;
      empty = false;
    }
    for (let k = i; k <= j; k++) {
      const c = chunks[k] as Chunk;
      end += gap(c, empty, prevAfter) + c.height;
      prevAfter = c.after;
      empty = false;
    }
    return end;
  };

  const place = (chunk: Chunk, repeated = false) => {
    y += gap(chunk, current.length === 0, after);
    current.push(repeated ? { chunk, top: y, repeated } : { chunk, top: y });
    y += chunk.height;
    after = chunk.after;
  };

  const newPage = () => {
    current = [];
    pages.push(current);
    y = 0;
    after = 0;
  };

  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] as Chunk;
    let j = i;
    while (j < chunks.length - 1 && (chunks[j] as Chunk).keepWithNext) j++;
    if (current.length > 0 && extent(i, j, false) > height) {
      if (extent(i, j, true) <= height || extent(i, i, false) > height) newPage();
    }
    if (current.length === 0 && chunk.repeat) place(chunk.repeat, true);
    place(chunk);
  }
  return pages;
}

/**
 * Sequence alignment: which items of an old and a new list are the same (unchanged), which were
 * changed (similar but not equal), deleted, inserted or moved.
 *
 * Two strategies, both near-linear in the usual case:
 * - {@link alignSequence} for lists without identity (blocks of a section, list items): a Myers diff
 *   over item fingerprints (the `diff` package), then, inside each run of deletions and insertions,
 *   similar items of the same kind are paired as changed.
 * - {@link keepInOrder} for items with identity (sections): a heaviest increasing subsequence of the
 *   matched pairs decides which stay in place; the others moved.
 */
import { diffArrays } from "diff";

export type AlignOp<T> =
  | { op: "equal"; old: T; new: T }
  | { op: "change"; old: T; new: T }
  | { op: "delete"; old: T }
  | { op: "insert"; new: T };

export interface AlignOptions<T> {
  /** Items with equal keys are equal. */
  key(item: T): string;
  /**
   * How alike two unequal items are, 0–1; pairs at or above `threshold` are "changed", the others
   * deleted and inserted. Return 0 for items that can never pair (e.g. a table and a paragraph).
   */
  similarity(a: T, b: T): number;
  threshold: number;
}

/** Runs of deletions and insertions larger than this are paired greedily by position. */
const MAX_PAIRING_CELLS = 10_000;

export function alignSequence<T>(
  oldItems: T[],
  newItems: T[],
  options: AlignOptions<T>,
): AlignOp<T>[] {
  const oldKeys = oldItems.map(options.key);
  const newKeys = newItems.map(options.key);
  const parts = diffArrays(oldKeys, newKeys);
  const ops: AlignOp<T>[] = [];
  let i = 0;
  let j = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    if (removed.length > 0 || added.length > 0) ops.push(...pairRun(removed, added, options));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) {
      removed.push(...oldItems.slice(i, i + part.count));
      i += part.count;
    } else if (part.added) {
      added.push(...newItems.slice(j, j + part.count));
      j += part.count;
    } else {
      flush();
      for (let k = 0; k < part.count; k++) {
        ops.push({ op: "equal", old: oldItems[i + k] as T, new: newItems[j + k] as T });
      }
      i += part.count;
      j += part.count;
    }
  }
  flush();
  return ops;
}

/** Pairs similar items of a run of deletions and insertions, keeping their order. */
export function pairRun<T>(removed: T[], added: T[], options: AlignOptions<T>): AlignOp<T>[] {
  const pairs =
    removed.length * added.length > MAX_PAIRING_CELLS
      ? pairByPosition(removed, added, options)
      : pairBest(removed, added, options);
  const ops: AlignOp<T>[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [removed.length, added.length] as const]) {
    for (; i < pi; i++) ops.push({ op: "delete", old: removed[i] as T });
    for (; j < pj; j++) ops.push({ op: "insert", new: added[j] as T });
    if (pi < removed.length && pj < added.length) {
      ops.push({ op: "change", old: removed[pi] as T, new: added[pj] as T });
      i++;
      j++;
    }
  }
  return ops;
}

/** The order-preserving pairing with the greatest total similarity (dynamic programming). */
function pairBest<T>(removed: T[], added: T[], options: AlignOptions<T>): [number, number][] {
  if (removed.length === 0 || added.length === 0) return [];
  const sim = similarities(removed, added, options);
  return tracePairs(sim, bestScores(sim));
}

/** Similarity of every removed and added item, -1 below the threshold (row-major, n × m). */
interface SimilarityMatrix {
  n: number;
  m: number;
  at(a: number, b: number): number;
}

function similarities<T>(removed: T[], added: T[], options: AlignOptions<T>): SimilarityMatrix {
  const n = removed.length;
  const m = added.length;
  const sim: number[] = new Array(n * m);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < m; b++) {
      const s = options.similarity(removed[a] as T, added[b] as T);
      sim[a * m + b] = s >= options.threshold ? s : -1;
    }
  }
  return { n, m, at: (a, b) => sim[a * m + b] as number };
}

/** best[a*(m+1)+b]: the best score pairing removed[a..] with added[b..]. */
function bestScores({ n, m, at }: SimilarityMatrix): Float64Array {
  const best = new Float64Array((n + 1) * (m + 1));
  for (let a = n - 1; a >= 0; a--) {
    for (let b = m - 1; b >= 0; b--) {
      const s = at(a, b);
      const skip = Math.max(
        best[(a + 1) * (m + 1) + b] as number,
        best[a * (m + 1) + b + 1] as number,
      );
      best[a * (m + 1) + b] =
        s >= 0 ? Math.max(skip, s + (best[(a + 1) * (m + 1) + b + 1] as number)) : skip;
    }
  }
  return best;
}

/** Walks the best scores from the start and collects the pairs that achieve them. */
function tracePairs({ n, m, at }: SimilarityMatrix, best: Float64Array): [number, number][] {
  const score = (a: number, b: number) => best[a * (m + 1) + b] as number;
  const pairs: [number, number][] = [];
  let a = 0;
  let b = 0;
  while (a < n && b < m) {
    const s = at(a, b);
    if (s >= 0 && score(a, b) === s + score(a + 1, b + 1)) {
      pairs.push([a, b]);
      a++;
      b++;
    } else if (score(a, b) === score(a + 1, b)) {
      a++;
    } else {
      b++;
    }
  }
  return pairs;
}

function pairByPosition<T>(removed: T[], added: T[], options: AlignOptions<T>): [number, number][] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < Math.min(removed.length, added.length); k++) {
    if (options.similarity(removed[k] as T, added[k] as T) >= options.threshold) pairs.push([k, k]);
  }
  return pairs;
}

/**
 * Given matched items listed in new order with their old positions and weights, returns which of
 * them keep their relative order (the heaviest increasing subsequence of old positions); the rest
 * moved. O(n log n) with a Fenwick tree of prefix maxima. Ties go to the earlier candidate.
 */
export function keepInOrder(
  oldPositions: readonly number[],
  weights: readonly number[],
): boolean[] {
  const n = oldPositions.length;
  const size = Math.max(0, ...oldPositions) + 2;
  // Fenwick tree over old positions (1-based) holding [best total, index of the last item].
  const treeScore = new Float64Array(size + 1);
  const treeIndex = new Int32Array(size + 1).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const total = new Float64Array(n);
  const query = (pos: number): [number, number] => {
    let score = 0;
    let index = -1;
    for (let p = pos; p > 0; p -= p & -p) {
      if ((treeScore[p] as number) > score) {
        score = treeScore[p] as number;
        index = treeIndex[p] as number;
      }
    }
    return [score, index];
  };
  const update = (pos: number, score: number, index: number) => {
    for (let p = pos; p <= size; p += p & -p) {
      if (score > (treeScore[p] as number)) {
        treeScore[p] = score;
        treeIndex[p] = index;
      }
    }
  };
  let bestEnd = -1;
  let bestScore = 0;
  for (let k = 0; k < n; k++) {
    const pos = (oldPositions[k] as number) + 1;
    const [score, index] = query(pos - 1);
    total[k] = score + (weights[k] as number);
    prev[k] = index;
    update(pos, total[k] as number, k);
    if ((total[k] as number) > bestScore) {
      bestScore = total[k] as number;
      bestEnd = k;
    }
  }
  const kept = new Array<boolean>(n).fill(false);
  for (let k = bestEnd; k >= 0; k = prev[k] as number) kept[k] = true;
  return kept;
}

/**
 * Aligns two index ranges `0..oldLength` and `0..newLength` around anchors (pairs known to be the
 * same, in increasing order on both sides): each anchor is "equal", and the items in the gap
 * before it are paired by {@link pairRun} (deleted, inserted or changed).
 */
export function alignAroundAnchors(
  anchors: readonly (readonly [number, number])[],
  oldLength: number,
  newLength: number,
  options: AlignOptions<number>,
): AlignOp<number>[] {
  const ops: AlignOp<number>[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...anchors, [oldLength, newLength] as const]) {
    ops.push(...pairRun(range(i, ai), range(j, aj), options));
    if (ai < oldLength && aj < newLength) ops.push({ op: "equal", old: ai, new: aj });
    i = ai + 1;
    j = aj + 1;
  }
  return ops;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

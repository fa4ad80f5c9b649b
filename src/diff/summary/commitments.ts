import { normalizeWhitespace } from "../../document/text.js";
import { dice, SIMILAR } from "../similarity.js";

export interface TextChanges {
  added: string[];
  removed: string[];
  changed: { old: string; new: string }[];
}

/**
 * Compares two lists of commitments, goals or quality targets by content, not position: equal
 * texts are unchanged (wherever they stand); of the rest, the most similar pairs at or above
 * {@link SIMILAR} are changed, and what is left was removed or added.
 */
export function compareTexts(
  oldTexts: readonly string[],
  newTexts: readonly string[],
): TextChanges {
  const oldLeft = [...oldTexts];
  const newLeft: string[] = [];
  for (const text of newTexts) {
    const k = oldLeft.findIndex((o) => normalizeWhitespace(o) === normalizeWhitespace(text));
    if (k >= 0) oldLeft.splice(k, 1);
    else newLeft.push(text);
  }
  const candidates: { i: number; j: number; score: number }[] = [];
  oldLeft.forEach((a, i) => {
    newLeft.forEach((b, j) => {
      const score = dice(a, b);
      if (score >= SIMILAR) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: { i: number; j: number }[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.i) || usedNew.has(c.j)) continue;
    usedOld.add(c.i);
    usedNew.add(c.j);
    pairs.push(c);
  }
  pairs.sort((x, y) => x.j - y.j);
  return {
    changed: pairs.map(({ i, j }) => ({ old: oldLeft[i] as string, new: newLeft[j] as string })),
    removed: oldLeft.filter((_, i) => !usedOld.has(i)),
    added: newLeft.filter((_, j) => !usedNew.has(j)),
  };
}

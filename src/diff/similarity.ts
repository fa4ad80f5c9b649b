/**
 * Word-level similarity of two texts, used to decide whether a commitment, paragraph or section
 * was changed (similar enough to be the same thing) or replaced (deleted and added).
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, without punctuation. */
export function words(text: string): string[] {
  return text.toLocaleLowerCase("sv-SE").match(WORD) ?? [];
}

/**
 * Sørensen–Dice coefficient over the word multisets: 2·|A ∩ B| / (|A| + |B|), from 0 (no word in
 * common) to 1 (same words). Two empty texts are identical (1).
 */
export function dice(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** At or above this similarity two texts are the same item, changed; below it, one replaced the other. */
export const SIMILAR = 0.5;

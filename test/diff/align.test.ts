import { describe, expect, it } from "vitest";
import { alignAroundAnchors, alignSequence, keepInOrder } from "../../src/diff/align.js";
import { dice } from "../../src/diff/similarity.js";

describe("dice", () => {
  it("should be 1 for the same words and 0 for none in common", () => {
    expect(dice("Information om rättsprocessen.", "information om Rättsprocessen")).toBe(1);
    expect(dice("Stödsamtal", "Hjälp vid myndighetskontakter")).toBe(0);
  });

  it("should count shared words over both lengths", () => {
    // 5 of 7 and 6 words: 2·5 / 13.
    expect(
      dice(
        "Information om och hänvisning till andra aktörer.",
        "Information och hänvisning till andra aktiviteter.",
      ),
    ).toBeCloseTo(10 / 13);
  });
});

describe("alignSequence", () => {
  const options = { key: (s: string) => s, similarity: dice, threshold: 0.5 };

  it("should pair a similar item as changed and keep the others equal", () => {
    const ops = alignSequence(["a b c", "d e f", "g h i"], ["a b c", "d e x", "g h i"], options);
    expect(ops.map((o) => o.op)).toEqual(["equal", "change", "equal"]);
  });

  it("should delete and insert items that are not similar", () => {
    const ops = alignSequence(["a b c", "d e f"], ["a b c", "x y z"], options);
    expect(ops.map((o) => o.op)).toEqual(["equal", "delete", "insert"]);
  });
});

describe("keepInOrder", () => {
  it("should keep the heaviest increasing run in place and mark the rest as moved", () => {
    // New order lists old positions 0, 2, 1, 3: either 1 or 2 moved; the lighter one moves.
    expect(keepInOrder([0, 2, 1, 3], [5, 1, 5, 5])).toEqual([true, false, true, true]);
    expect(keepInOrder([0, 2, 1, 3], [5, 5, 1, 5])).toEqual([true, true, false, true]);
  });

  it("should keep everything when nothing moved", () => {
    expect(keepInOrder([0, 1, 2, 3], [1, 1, 1, 1])).toEqual([true, true, true, true]);
  });

  it("should find an increasing run among thousands of sections", () => {
    const n = 20_000;
    const positions = Array.from({ length: n }, (_, k) => (k * 7919) % n);
    const kept = keepInOrder(
      positions,
      positions.map(() => 1),
    );
    const run = positions.filter((_, k) => kept[k]);
    expect(run.every((p, k) => k === 0 || p > (run[k - 1] as number))).toBe(true);
  });
});

describe("alignAroundAnchors", () => {
  const words = { old: ["a", "b c d", "e", "x y"], new: ["a", "e", "b c z", "q"] };
  const options = {
    key: () => "",
    similarity: (i: number, j: number) => dice(words.old[i] ?? "", words.new[j] ?? ""),
    threshold: 0.5,
  };

  it("should keep each anchor equal and pair the gap before it", () => {
    const ops = alignAroundAnchors(
      [
        [0, 0],
        [2, 1],
      ],
      4,
      4,
      options,
    );
    expect(ops).toEqual([
      { op: "equal", old: 0, new: 0 },
      { op: "delete", old: 1 },
      { op: "equal", old: 2, new: 1 },
      // The gap after the last anchor: "x y" and "b c z" share nothing, "q" neither.
      { op: "delete", old: 3 },
      { op: "insert", new: 2 },
      { op: "insert", new: 3 },
    ]);
  });

  it("should pair similar items of a gap as changed", () => {
    const ops = alignAroundAnchors([[0, 0]], 2, 3, options);
    expect(ops).toEqual([
      { op: "equal", old: 0, new: 0 },
      { op: "insert", new: 1 },
      { op: "change", old: 1, new: 2 },
    ]);
  });
});

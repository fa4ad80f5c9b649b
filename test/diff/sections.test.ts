import { describe, expect, it } from "vitest";
import {
  matchSections,
  renumberedReferences,
  segment,
  unmatchedSimilarity,
} from "../../src/diff/sections.js";
import { h, p } from "../helpers/trees.js";

describe("segment", () => {
  it("should cut at headings, give repeated keys a suffix and record the enclosing section", () => {
    const sections = segment([
      p("Inledning."),
      h(1, "1", "Villkor", "villkor"),
      h(2, "1.1", "Period"),
      p("Text."),
      h(2, "1.2", "Period"),
      h(1, "2", "Bilagor"),
    ]);
    expect(sections.map((s) => [s.key, s.parent, s.weight])).toEqual([
      ["#inledning", undefined, 4],
      ["id:villkor", undefined, 3],
      ["rubrik:period", "id:villkor", 4],
      ["rubrik:period#2", "id:villkor", 2],
      ["rubrik:bilagor", undefined, 3],
    ]);
  });
});

describe("matchSections", () => {
  /** A short "Syfte", a long "Period" and a last section without id. */
  const version = (last: string) => [
    h(1, "1", "Syfte", "syfte"),
    p("Kort."),
    h(1, "2", "Period", "period"),
    p("Lång"),
    p("text"),
    p("här."),
    h(1, "3", last),
  ];
  const old = segment(version("Gammal"));

  it("should keep the heaviest sections in order and report the others as moved", () => {
    const now = segment([
      h(1, "1", "Period", "period"),
      p("Lång"),
      p("text"),
      p("här."),
      h(1, "2", "Syfte", "syfte"),
      p("Kort."),
      h(1, "3", "Ny"),
    ]);
    const match = matchSections(old, now);
    expect(match.oldOf).toEqual([1, 0, -1]);
    expect(match.newOf).toEqual([1, 0, -1]);
    expect(match.kept).toEqual([0]);
    expect([...match.movedNew]).toEqual([1]);
    expect([...match.movedOld]).toEqual([0]);
  });

  it("should let only sections without a counterpart pair by content", () => {
    const now = segment(version("Gammal rubrik"));
    const similarity = unmatchedSimilarity(old, now, matchSections(old, now));
    expect(similarity(0, 0)).toBe(0);
    expect(similarity(2, 2)).toBeGreaterThan(0.5);
  });
});

describe("renumberedReferences", () => {
  it("should map what a reference read before to what it reads now", () => {
    const old = segment([h(1, "1", "Syfte", "syfte"), h(1, "2", "Period", "period")]);
    const now = segment([h(1, "1", "Period", "period"), h(1, "", "Syfte", "syfte")]);
    const renumbered = renumberedReferences(old, now, matchSections(old, now).oldOf);
    expect([...renumbered]).toEqual([
      ["2", "1"],
      ["1", "avsnittet ”Syfte”"],
    ]);
  });
});

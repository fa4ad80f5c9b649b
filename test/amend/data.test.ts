import { describe, expect, it } from "vitest";
import { bilagaDataSha256, canonicalJson, latestDate, newEntries } from "../../src/amend/data.js";
import type { Bilaga } from "../../src/model.js";

const entry = (datum: string, beskrivning = "Ändrat.") => ({
  datum,
  beslut: "§ 4",
  beslutat_av: "Styrgruppen",
  beskrivning,
});

const bilaga = (extra: Partial<Bilaga> = {}): Bilaga =>
  ({
    nummer: 1,
    part: "bo",
    åtaganden: { punkter: ["Stödsamtal."] },
    avsnitt: [{ klausul: "bilaga-ataganden" }],
    ...extra,
  }) as Bilaga;

describe("bilagaDataSha256", () => {
  it("should not depend on key order", () => {
    const reordered = {
      avsnitt: bilaga().avsnitt,
      åtaganden: bilaga().åtaganden,
      part: "bo",
      nummer: 1,
    };
    expect(bilagaDataSha256(reordered as Bilaga)).toBe(bilagaDataSha256(bilaga()));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it("should leave the change log out and see every other change", () => {
    const base = bilagaDataSha256(bilaga());
    expect(bilagaDataSha256(bilaga({ ändringslogg: [entry("2026-01-01")] }))).toBe(base);
    expect(
      bilagaDataSha256(bilaga({ åtaganden: { punkter: ["Stödsamtal och chatt."] } })),
    ).not.toBe(base);
  });
});

describe("newEntries", () => {
  it("should return the entries the previous log does not have, compared as data", () => {
    const old = [entry("2025-01-01")];
    expect(newEntries(old, [entry("2025-01-01")])).toEqual([]);
    expect(newEntries(old, [entry("2025-01-01"), entry("2026-03-15")])).toEqual([
      entry("2026-03-15"),
    ]);
    // An old entry reworded counts as new: the log changed, and someone recorded it.
    expect(newEntries(old, [entry("2025-01-01", "Annat.")])).toHaveLength(1);
    expect(newEntries(undefined, undefined)).toEqual([]);
  });

  it("should give the latest date of entries", () => {
    expect(latestDate([entry("2026-03-15"), entry("2025-01-01")])).toBe("2026-03-15");
    expect(latestDate([])).toBeUndefined();
  });
});

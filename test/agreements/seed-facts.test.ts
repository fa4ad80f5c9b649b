import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import {
  type Agreement,
  type Avsnitt,
  type Budget,
  isSaknas,
  known,
  signatoryOf,
} from "../../src/model.js";
import { loadAgreement } from "../../src/validate/index.js";
import {
  AGREEMENTS,
  type AgreementFact,
  type BudgetFact,
  CONDITIONS_CLAUSES,
  type Fact,
  KALMAR_2018,
  KALMAR_2018_EKONOMI,
  type Outline,
  SAKNAS,
  STOCKHOLM_2022,
  STOCKHOLM_2022_TOTAL,
  STOCKHOLM_2025,
} from "./seed-facts.js";

const root = fileURLToPath(new URL("../../agreements/", import.meta.url));

const loaded = new Map<string, { agreement?: Agreement; diagnostics: Diagnostic[] }>();

beforeAll(async () => {
  for (const fact of AGREEMENTS) loaded.set(fact.dir, await loadAgreement(join(root, fact.dir)));
});

/** The loaded agreement; fails the test when it did not load. */
function agreement(fact: AgreementFact): Agreement {
  const result = loaded.get(fact.dir);
  if (!result?.agreement) throw new Error(`${fact.dir} did not load`);
  return result.agreement;
}

/** A data value as a fact: SAKNAS where the data marks it missing. */
const asFact = <T>(value: T | { saknas: string } | undefined): Fact<T> | undefined =>
  isSaknas(value) ? SAKNAS : value;

/** Readable paths of every `saknas` in a data tree (array items by `id`, `post` or index). */
function missingPaths(value: unknown, path = ""): string[] {
  if (isSaknas(value)) return [path];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const o = item as { id?: unknown; post?: unknown } | null;
      const label = typeof o === "object" && o !== null ? (o.id ?? o.post ?? i) : i;
      return missingPaths(item, `${path}[${String(label)}]`);
    });
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => missingPaths(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Every string in a data tree. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function outline(sections: readonly Avsnitt[]): Outline {
  return sections.map((s) =>
    s.avsnitt?.length ? [s.id ?? "?", outline(s.avsnitt)] : (s.id ?? "?"),
  );
}

function flatten(sections: readonly Avsnitt[]): Avsnitt[] {
  return sections.flatMap((s) => [s, ...flatten(s.avsnitt ?? [])]);
}

/** A budget as facts: rows with missing amounts as SAKNAS, the total computed from the rows. */
function budgetFact(budget: Budget | undefined): BudgetFact | undefined {
  if (!budget) return undefined;
  const rader = (budget.rader ?? []).map((r) => ({
    post: r.post,
    belopp: asFact(r.belopp) as Fact<number>,
    ...(r.ungefärligt !== undefined ? { ungefärligt: r.ungefärligt } : {}),
    ...(r.anmärkning !== undefined ? { anmärkning: r.anmärkning } : {}),
  }));
  const summa = rader.some((r) => r.belopp === SAKNAS)
    ? SAKNAS
    : rader.reduce((sum, r) => sum + (r.belopp as number), 0);
  return { rader, summa };
}

for (const fact of AGREEMENTS) {
  describe(fact.dir, () => {
    it("should load without errors", () => {
      const result = loaded.get(fact.dir);
      expect(result?.diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
      expect(result?.agreement).toBeDefined();
    });

    it("should record the diarienummer, kommun, status and benämning of the source", () => {
      const { data } = agreement(fact);
      expect(asFact(data.diarienummer)).toEqual(fact.diarienummer);
      expect(data.kommun).toBe(fact.kommun);
      expect(data.status).toBe(fact.status);
      expect(data.benämning).toBe(fact.benämning);
    });

    it("should record the decision only as far as the sources go", () => {
      const { data } = agreement(fact);
      expect(data.beslut && { organ: data.beslut.organ, datum: asFact(data.beslut.datum) }).toEqual(
        fact.beslut,
      );
    });

    it("should record how the agreement is signed", () => {
      expect(agreement(fact).data.signering).toEqual(fact.signering);
    });

    it("should name every party with its sector, organisationsnummer and address", () => {
      const { data } = agreement(fact);
      expect(
        data.parter.map((p) => ({
          id: p.id,
          namn: p.namn,
          sektor: p.sektor,
          organisationsnummer: asFact(p.organisationsnummer),
          adress: p.adress,
        })),
      ).toEqual(
        fact.parter.map((p) => ({
          id: p.id,
          namn: p.namn,
          sektor: p.sektor,
          organisationsnummer: p.organisationsnummer,
          adress: p.adress,
        })),
      );
    });

    it("should give every party its signatory", () => {
      const { data } = agreement(fact);
      expect(
        data.parter.map((p) => ({
          namn: asFact(signatoryOf(p)?.namn),
          titel: asFact(signatoryOf(p)?.titel),
        })),
      ).toEqual(fact.parter.map((p) => p.undertecknare));
    });

    it("should have the period, its extension and the notice rule", () => {
      expect(agreement(fact).data.period).toEqual(fact.period);
    });

    it("should have the goals of the source, one per point", () => {
      expect(known(agreement(fact).data.mål)?.punkter).toEqual(fact.mål);
    });

    it("should have the governance bodies", () => {
      expect(
        (agreement(fact).data.styrning ?? []).map((o) => ({
          id: o.id,
          typ: o.typ,
          namn: o.namn,
          ...(o.möten?.per_år !== undefined ? { möten_per_år: o.möten.per_år } : {}),
          uppgifter: o.uppgifter?.length ?? 0,
        })),
      ).toEqual(fact.styrning);
    });

    it("should have the follow-up reporting with its statistics", () => {
      const { uppföljning } = agreement(fact).data;
      expect(
        (uppföljning?.rapportering ?? []).map((r) => ({
          av: r.av,
          när: asFact(r.när),
          statistik_uppdelad_på: r.statistik_uppdelad_på ?? [],
        })),
      ).toEqual(fact.rapportering);
      expect(uppföljning?.klagomål).toBe(fact.klagomål);
    });

    it("should keep the source's section order and hierarchy", () => {
      expect(outline(agreement(fact).data.avsnitt)).toEqual(fact.outline);
    });

    it("should render the structured facts through library clauses", () => {
      const byId = Object.fromEntries(
        flatten(agreement(fact).data.avsnitt).map((s) => [s.id, s.klausul]),
      );
      for (const [id, klausul] of Object.entries(fact.klausuler)) {
        expect(byId[id], `section ${id}`).toBe(klausul);
      }
    });

    it("should number the bilagor 1…n with their parties and diarienummer", () => {
      const a = agreement(fact);
      expect(
        a.bilagor.map(({ data: b }) => ({
          nummer: b.nummer,
          part: b.part,
          diarienummer: b.diarienummer ?? a.data.diarienummer,
          ...(b.titel !== undefined ? { titel: b.titel } : {}),
        })),
      ).toEqual(
        fact.bilagor.map((b) => ({
          nummer: b.nummer,
          part: b.part,
          diarienummer: b.diarienummer,
          ...(b.titel !== undefined ? { titel: b.titel } : {}),
        })),
      );
    });

    // Kalmar has no bilagor (004); its economy is checked below.
    if (fact.bilagor.length > 0) {
      it("should have each bilaga's commitments", () => {
        const a = agreement(fact);
        for (const b of fact.bilagor) {
          const data = a.bilagor.find((x) => x.data.nummer === b.nummer)?.data;
          const åtaganden = known(data?.åtaganden);
          expect(åtaganden?.punkter, `bilaga ${b.nummer}`).toHaveLength(b.åtaganden.antal);
          expect(åtaganden?.punkter).toEqual(expect.arrayContaining(b.åtaganden.innehåller));
          expect(åtaganden?.villkor).toBe(b.villkor);
          expect(data?.övriga_åtaganden ?? []).toHaveLength(b.övriga_åtaganden);
        }
      });

      it("should have each bilaga's own wording of the goals where the source has one", () => {
        const a = agreement(fact);
        for (const b of fact.bilagor) {
          const data = a.bilagor.find((x) => x.data.nummer === b.nummer)?.data;
          expect(data?.mål_punkter, `bilaga ${b.nummer}`).toEqual(b.mål_punkter);
        }
      });

      it("should have each bilaga's quality targets, measurable ones with their measure", () => {
        const a = agreement(fact);
        for (const b of fact.bilagor) {
          const data = a.bilagor.find((x) => x.data.nummer === b.nummer)?.data;
          expect(
            (data?.kvalitetsmål?.punkter ?? []).map((p) => ({
              text: p.text,
              ...(p.mått ? { mått: p.mått } : {}),
            })),
            `bilaga ${b.nummer}`,
          ).toEqual(b.kvalitetsmål);
        }
      });

      it("should have each bilaga's budget rows and totals", () => {
        const a = agreement(fact);
        for (const b of fact.bilagor) {
          const ekonomi = a.bilagor.find((x) => x.data.nummer === b.nummer)?.data.ekonomi;
          expect(budgetFact(ekonomi?.ersättning), `bilaga ${b.nummer} ersättning`).toEqual(
            b.ersättning,
          );
          expect(
            budgetFact(ekonomi?.egenfinansiering),
            `bilaga ${b.nummer} egenfinansiering`,
          ).toEqual(b.egenfinansiering);
        }
      });

      it("should declare the totals the source declares", () => {
        const a = agreement(fact);
        for (const b of fact.bilagor) {
          const ekonomi = a.bilagor.find((x) => x.data.nummer === b.nummer)?.data.ekonomi;
          for (const [budget, expected] of [
            [ekonomi?.ersättning, b.ersättning],
            [ekonomi?.egenfinansiering, b.egenfinansiering],
          ] as const) {
            const declared = expected?.summa === SAKNAS ? undefined : expected?.summa;
            expect(budget?.summa, `bilaga ${b.nummer}`).toBe(declared);
          }
        }
      });
    }

    it("should mark exactly the facts the sources lack as saknas", () => {
      const a = agreement(fact);
      const found = [
        ...missingPaths(a.data),
        ...a.bilagor.flatMap(({ data }) =>
          missingPaths(data).map((p) => `bilaga-${data.nummer}:${p}`),
        ),
      ];
      expect(found.sort()).toEqual([...fact.saknas].sort());
    });
  });
}

describe("all agreements", () => {
  it("should contain no word-processor field error", () => {
    for (const fact of AGREEMENTS) {
      const a = agreement(fact);
      const text = [...strings(a.data), ...a.bilagor.flatMap((b) => strings(b.data))];
      expect(
        text.filter((s) => /Error!|Use the Home tab/.test(s)),
        fact.dir,
      ).toEqual([]);
    }
  });

  it("should not spell a party's name in the sources' other ways", () => {
    // 000 §6 and 003 Parter write the same bodies differently.
    const variants = [
      "Stockholms stads socialnämnd",
      "Brottsofferjouren i Stockholm-Gotland",
      "Brottsofferjouren i Södra Stockholm",
      "Brottsofferjouren i Västerort",
      "Socialförvaltningen (organisationsnummer",
    ];
    for (const fact of AGREEMENTS) {
      const a = agreement(fact);
      const text = [...strings(a.data), ...a.bilagor.flatMap((b) => strings(b.data))];
      expect(
        text.filter((s) => variants.some((v) => s.includes(v))),
        fact.dir,
      ).toEqual([]);
    }
  });
});

describe("Stockholm editions", () => {
  it("should use the same party ids, names and organisationsnummer in 2022 and 2025", () => {
    const parties = (fact: AgreementFact) =>
      agreement(fact).data.parter.map((p) => [p.id, p.namn, p.organisationsnummer]);
    expect(parties(STOCKHOLM_2022)).toEqual(parties(STOCKHOLM_2025));
  });

  it("should send the 2025 notice of termination to the styrgrupp", () => {
    const uppsagning = flatten(agreement(STOCKHOLM_2025).data.avsnitt).find(
      (s) => s.klausul === "uppsagning",
    );
    expect(uppsagning?.parametrar?.forum).toBe("styrgrupp");
  });

  it("should add up the 2022 compensation of the three jourer to 2 550 000 kr", () => {
    const total = agreement(STOCKHOLM_2022)
      .bilagor.flatMap((b) => b.data.ekonomi?.ersättning?.rader ?? [])
      .reduce((sum, r) => sum + (isSaknas(r.belopp) ? Number.NaN : r.belopp), 0);
    expect(total).toBe(STOCKHOLM_2022_TOTAL);
  });

  it("should include no 2022 conditions clause that the memo does not describe", () => {
    const used = flatten(agreement(STOCKHOLM_2022).data.avsnitt).map((s) => s.klausul);
    expect(used.filter((k) => k !== undefined && CONDITIONS_CLAUSES.includes(k))).toEqual([]);
  });
});

describe("Kalmar economy", () => {
  const entry = () => {
    const list = agreement(KALMAR_2018).data.ekonomi ?? [];
    expect(list).toHaveLength(1);
    return list[0];
  };

  it("should belong to Brottsofferjouren", () => {
    expect(entry()?.part).toBe(KALMAR_2018_EKONOMI.part);
  });

  it("should pay 3 kr per inhabitant by SCB's population statistics, no area, year and number missing", () => {
    const formel = entry()?.ersättning?.formel;
    expect(formel?.kronor_per_invånare).toBe(KALMAR_2018_EKONOMI.kronor_per_invånare);
    expect(formel?.befolkning.källa).toBe(KALMAR_2018_EKONOMI.källa);
    expect(formel?.befolkning.område).toBeUndefined();
    expect(isSaknas(formel?.befolkning.år)).toBe(true);
    expect(isSaknas(formel?.befolkning.antal)).toBe(true);
  });

  it("should have Brottsofferjouren's voluntary work as its contribution in kind", () => {
    expect(entry()?.insats).toBe(KALMAR_2018_EKONOMI.insats);
  });

  it("should state the approximate grant and the other income in prose, without a budget", () => {
    expect(entry()?.insats).toContain(KALMAR_2018_EKONOMI.egenfinansiering);
    expect(entry()?.egenfinansiering).toBeUndefined();
  });
});

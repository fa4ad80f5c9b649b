import { describe, expect, it } from "vitest";
import { delta, kronor, plain } from "../../src/diff/summary/format.js";
import { summarize } from "../../src/diff/summary/index.js";
import type { Agreement, Bilaga, Overenskommelse, Part } from "../../src/model.js";

const NB = "\u00a0";

function agreement(
  data: Partial<Overenskommelse> = {},
  bilagor: Partial<Bilaga>[] = [],
): Agreement {
  const base: Overenskommelse = {
    id: "test-iop",
    titel: "Överenskommelse",
    diarienummer: "2021/630",
    kommun: "Stockholms stad",
    status: "beslutad",
    versionsdatum: "2025-03-25",
    signering: { sätt: "papper" },
    parter: [
      {
        id: "stad",
        namn: "Socialnämnden",
        sektor: "offentlig",
        organisationsnummer: "212000-0142",
      },
      {
        id: "jour",
        namn: "Brottsofferjouren Västerort",
        sektor: "idéburen",
        organisationsnummer: "802015-4822",
      },
    ],
    period: { start: "2025-04-01", inledande_slut: "2025-12-31" },
    avsnitt: [{ id: "a", rubrik: "A" }],
  };
  return {
    dir: "x",
    name: "test-iop",
    data: { ...base, ...data },
    file: undefined as never,
    bilagor: bilagor.map((b, k) => ({
      data: {
        nummer: k + 1,
        part: "jour",
        avsnitt: [{ id: "e", klausul: "ersattning" }],
        ...b,
      } as Bilaga,
      file: undefined as never,
    })),
  };
}

const texts = (a: Agreement, b: Agreement) => summarize(a, b).map((s) => s.text);

describe("summary formatting", () => {
  it("should write amounts with non-breaking thousands separators and missing ones as uppgift saknas", () => {
    expect(kronor(1041000)).toBe(`1${NB}041${NB}000${NB}kr`);
    expect(kronor(40000, true)).toBe(`ca 40${NB}000${NB}kr`);
    expect(kronor(undefined)).toBe("uppgift saknas");
  });

  it("should give the difference with sign and percentage, with a minus sign for decreases", () => {
    expect(delta(805000, 830000)).toBe(`(+25${NB}000${NB}kr, +3,1${NB}%)`);
    expect(delta(830000, 805000)).toBe(`(\u221225${NB}000${NB}kr, \u22123,0${NB}%)`);
    expect(delta(0, 5000)).toBe(`(+5${NB}000${NB}kr)`);
  });

  it("should write amounts with öre as the documents do, not rounded", () => {
    expect(kronor(1500.5)).toBe(`1${NB}500,5${NB}kr`);
    expect(delta(1000, 1000.25)).toBe(`(+0,25${NB}kr, +0,0${NB}%)`);
  });

  it("should read directives in text as remark-directive parses them", () => {
    const name = (id: string) => (id === "bo" ? "Brottsofferjouren" : undefined);
    expect(plain("Stöd från *:part[bo]* enligt :avsnitt[3].", name)).toBe(
      "Stöd från Brottsofferjouren enligt avsnitt 3.",
    );
    // In a code span a directive is text; an unknown party keeps its id.
    expect(plain("Skriv `:part[bo]` för :part[okänd].", name)).toBe("Skriv :part[bo] för okänd.");
    expect(plain("Första stycket.\n\n- en punkt\n- en till", name)).toBe(
      "Första stycket. en punkt en till",
    );
  });
});

describe("summarize", () => {
  it("should report nothing for identical data", () => {
    expect(texts(agreement(), agreement())).toEqual([]);
  });

  it("should report the status, and the period with only the parts that changed", () => {
    const a = agreement({ status: "utkast" });
    const b = agreement({
      period: {
        start: "2025-04-01",
        inledande_slut: "2025-12-31",
        förlängning: { enhet: "kalenderår", längst_till: "2027-12-31" },
      },
    });
    expect(texts(a, b)).toEqual([
      "Status: utkast → beslutad",
      "Perioden: längst till ingen → 2027-12-31; förlängs med ingen förlängning → ett kalenderår i taget",
    ]);
  });

  it("should report a new notice rule as Uppsägning", () => {
    const a = agreement({
      period: { start: "2018", inledande_slut: "2019", uppsägning: { månader_före_slut: 9 } },
    });
    const b = agreement({
      period: { start: "2018", inledande_slut: "2019", uppsägning: { månader_före_slut: 6 } },
    });
    expect(texts(a, b)).toEqual([
      "Uppsägning: 9 månader före periodens slut → 6 månader före periodens slut",
    ]);
  });

  it("should match parties by organisationsnummer even when their id changed", () => {
    const b = agreement();
    b.data.parter = b.data.parter.map((p) =>
      p.id === "jour" ? { ...p, id: "bo-vasterort", namn: "Brottsofferjouren i Västerort" } : p,
    );
    expect(texts(agreement(), b)).toEqual([
      "Part ändrad: Brottsofferjouren i Västerort: namn Brottsofferjouren Västerort → Brottsofferjouren i Västerort",
    ]);
  });

  it("should report parties added and removed", () => {
    const b = agreement();
    b.data.parter = [
      ...b.data.parter.filter((p) => p.id !== "jour"),
      {
        id: "ny",
        namn: "Brottsofferjouren Södra Stockholm",
        sektor: "idéburen",
        organisationsnummer: "802476-1044",
      },
    ];
    expect(texts(agreement(), b)).toEqual([
      "Part borttagen: Brottsofferjouren Västerort (organisationsnummer 802015-4822)",
      "Part tillagd: Brottsofferjouren Södra Stockholm (organisationsnummer 802476-1044)",
    ]);
  });

  it("should report a changed signatory", () => {
    const a = agreement();
    const b = agreement();
    const jour = a.data.parter[1] as Part;
    a.data.parter[1] = {
      ...jour,
      undertecknare: { namn: "Elena Grgic", titel: "ordförande" },
    };
    b.data.parter[1] = {
      ...jour,
      undertecknare: { namn: { saknas: "okänd" }, titel: "ordförande" },
    };
    expect(texts(a, b)).toEqual([
      "Undertecknare ändrad: Brottsofferjouren Västerort: Elena Grgic, ordförande → ordförande",
    ]);
  });

  it("should match budget rows by post and say when an amount is missing", () => {
    const budget = (personal: number | { saknas: string }, lokaler?: number) => ({
      ekonomi: {
        ersättning: {
          rader: [
            { post: "Personal", belopp: personal },
            ...(lokaler === undefined ? [] : [{ post: "Lokaler", belopp: lokaler }]),
          ],
        },
      },
    });
    expect(texts(agreement({}, [budget(650000, 54000)]), agreement({}, [budget(650000)]))).toEqual([
      `Ersättning, Brottsofferjouren Västerort: 704${NB}000${NB}kr → 650${NB}000${NB}kr (\u221254${NB}000${NB}kr, \u22127,7${NB}%); post borttagen: Lokaler 54${NB}000${NB}kr`,
    ]);
    expect(
      texts(agreement({}, [budget(650000)]), agreement({}, [budget({ saknas: "okänt" })])),
    ).toEqual([`Ersättning, Brottsofferjouren Västerort: 650${NB}000${NB}kr → uppgift saknas`]);
  });

  it("should agree an added or removed budget with its noun (ersättningen tillagd, bidraget tillagt)", () => {
    const budget = (benämning?: "bidrag") => ({
      ekonomi: {
        ersättning: { ...(benämning ? { benämning } : {}), per_år: [{ år: 2025, belopp: 1000 }] },
      },
    });
    const none = agreement({}, [{}]);
    expect(texts(none, agreement({}, [budget("bidrag")]))).toEqual([
      `Bidrag, Brottsofferjouren Västerort: tillagt, 1${NB}000${NB}kr`,
    ]);
    expect(texts(agreement({}, [budget("bidrag")]), none)).toEqual([
      `Bidrag, Brottsofferjouren Västerort: borttaget (var 1${NB}000${NB}kr)`,
    ]);
    expect(texts(none, agreement({}, [budget()]))).toEqual([
      `Ersättning, Brottsofferjouren Västerort: tillagd, 1${NB}000${NB}kr`,
    ]);
  });

  it("should tell a changed commitment from a replaced one by word similarity", () => {
    const with_ = (punkter: string[]) => agreement({}, [{ åtaganden: { punkter } }]);
    expect(
      texts(
        with_(["Information om och hänvisning till andra aktörer.", "Stödsamtal via telefon."]),
        with_(["Information och hänvisning till andra aktiviteter.", "Medföljning vid rättegång."]),
      ),
    ).toEqual([
      "Åtagande ändrat, Brottsofferjouren Västerort: Information om och hänvisning till andra aktörer. → Information och hänvisning till andra aktiviteter.",
      "Åtagande borttaget, Brottsofferjouren Västerort: Stödsamtal via telefon.",
      "Åtagande tillagt, Brottsofferjouren Västerort: Medföljning vid rättegång.",
    ]);
  });

  it("should not report commitments that only changed order", () => {
    const with_ = (punkter: string[]) => agreement({}, [{ åtaganden: { punkter } }]);
    expect(texts(with_(["Ett.", "Två."]), with_(["Två.", "Ett."]))).toEqual([]);
  });

  it("should report quality targets and write party references as names", () => {
    const with_ = (text: string) => agreement({}, [{ kvalitetsmål: { punkter: [{ text }] } }]);
    expect(
      texts(
        with_("Första kontakten inom tre dagar."),
        with_(":part[jour] tar första kontakten inom två dagar."),
      ),
    ).toEqual([
      "Kvalitetsmål ändrat, Brottsofferjouren Västerort: Första kontakten inom tre dagar. → Brottsofferjouren Västerort tar första kontakten inom två dagar.",
    ]);
  });

  it("should match bilagor by party, not by number", () => {
    const a = agreement({}, [{ part: "stad" }, { part: "jour" }]);
    const b = agreement({}, [{ part: "jour" }]);
    expect(texts(a, b)).toEqual(["Bilaga borttagen: bilaga 1, Socialnämnden"]);
  });
});

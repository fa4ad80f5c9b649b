import { describe, expect, it } from "vitest";
import { COMPILE_OPTIONS, engine } from "../../src/compose/engine.js";
import { ComposeError } from "../../src/compose/errors.js";

const root = {
  överenskommelse: {
    parter: [{ id: "p", namn: "Parten" }],
    styrning: [{ id: "s", namn: "styrgruppen" }],
  },
};

/** Renders a one-off template with the iop helpers, as the clause templates are rendered. */
const render = (source: string, context: object = {}) =>
  engine().hb.compile(source, COMPILE_OPTIONS)(context, { data: { root } });

const NBSP = "\u00a0";

describe("helpers", () => {
  it("should format with the Swedish helpers", () => {
    expect(render("{{belopp 830000}}")).toBe(`830${NBSP}000${NBSP}kr`);
    expect(render('{{datum "2025-04-01"}}, {{dag "09-30"}}')).toBe("1 april 2025, 30 september");
    expect(render('{{tal 4}} exemplar, {{tal 1 "utrum"}} organisation')).toBe(
      "fyra exemplar, en organisation",
    );
  });

  it("should agree a noun with its count (en månad, fem månader)", () => {
    expect(render('({{tal 1 "utrum"}} {{böj 1 "månad" "månader"}})')).toBe("(en månad)");
    expect(render('({{tal 5 "utrum"}} {{böj 5 "månad" "månader"}})')).toBe("(fem månader)");
    expect(() => render('{{böj "1" "månad" "månader"}}')).toThrow(ComposeError);
  });

  it("should sum budget rows, mark approximate totals and missing rows", () => {
    const rows = (...rader: object[]) => ({ b: { rader } });
    expect(render("{{summa b}}", rows({ belopp: 1 }, { belopp: 2 }))).toBe(`3${NBSP}kr`);
    expect(render("{{summa b}}", rows({ belopp: 1, ungefärligt: true }))).toBe(`ca 1${NBSP}kr`);
    expect(render("{{summa b}}", rows({ belopp: 1 }, { belopp: { saknas: "x" } }))).toBe(
      "uppgift saknas",
    );
  });

  it("should print a required value marked missing as the one missing-fact text", () => {
    expect(render('{{kräv s "syfte"}}', { s: { saknas: "x" } })).toBe("Uppgift saknas.");
    expect(render("{{saknastext}}")).toBe("uppgift saknas");
  });

  it("should total amounts per year, name the years and word the budget's money", () => {
    const years = {
      y: [
        { år: 2027, belopp: 3 },
        { år: 2025, belopp: 1 },
        { år: 2026, belopp: 2 },
      ],
    };
    expect(render("{{årssumma y}} {{årsspann y}}", years)).toBe(`6${NBSP}kr 2025–2027`);
    expect(render("{{summa b}}", { b: { per_år: years.y } })).toBe(`6${NBSP}kr`);
    expect(render("{{årssumma y}}", { y: [{ år: 2025, belopp: { saknas: "x" } }] })).toBe(
      "uppgift saknas",
    );
    const b = { benämning: "bidrag" };
    expect(
      render('{{budgetord b "ersättning" "obestämd"}} {{budgetord b "ersättning" "bestämd"}}', {
        b,
      }),
    ).toBe("Bidrag bidraget");
    expect(render('{{budgetord b "egenfinansiering" "bestämd"}}', { b: {} })).toBe(
      "egenfinansieringen",
    );
  });

  it("should look up parties and bodies by id", () => {
    expect(render('{{#with (part "p")}}{{namn}}{{/with}}')).toBe("Parten");
    expect(render('{{#with (organ "s")}}{{namn}}{{/with}}')).toBe("styrgruppen");
  });

  it.each([
    ['{{belopp "830000"}}', "a number as text"],
    ["{{belopp x}}", "NaN"],
    ["{{belopp y}}", "a missing value"],
    ["{{belopp 1 2}}", "too many arguments"],
    ["{{tal 2.5}}", "a fraction in words"],
    ['{{tal 2 "plural"}}', "an unknown gender"],
    ['{{datum "2025-02-30"}}', "a date that does not exist"],
    ['{{dag "9-30"}}', "a malformed day of the year"],
    ["{{versal 5}}", "a number to capitalize"],
    ["{{summa b}}", "a budget without rows"],
    ["{{radbelopp b}}", "a row without an amount"],
    ["{{cell 5}}", "a number as a table cell"],
    ["{{attr b}}", "an object as an attribute"],
    ["{{uppräkning y}}", "a missing list"],
    ['{{kräv y "syfte"}}', "a missing required value"],
    ['{{kräv-data y "mål"}}', "missing required data"],
    ['{{part "okänd"}}', "an unknown party"],
    ["{{part y}}", "a missing party id"],
    ['{{organ "okänd"}}', "an unknown body"],
    ['{{bilagebudget "ersättning"}}', "a budget outside a bilaga"],
    ['{{klausulmall "okänd"}}', "an unknown clause"],
  ])("should reject %s (%s) with a compose error", (source) => {
    expect(() => render(source, { x: Number.NaN, b: {}, s: { saknas: "x" } })).toThrow(
      ComposeError,
    );
  });

  it("should name the missing field in its message", () => {
    expect(() => render('{{kräv y "målgrupp"}}')).toThrow(/målgrupp/);
  });

  it("should reject a missing field in strict mode", () => {
    expect(() => render("{{saknat}}")).toThrow(/saknat/);
  });
});

import { describe, expect, it } from "vitest";
import {
  capitalize,
  FormatError,
  formatAmount,
  formatAmountDelta,
  formatAmountOrMissing,
  formatDate,
  formatDateOrYear,
  formatDayOfYear,
  formatIsoDate,
  formatNumber,
  genitive,
  joinList,
  MISSING,
  numberInWords,
} from "../src/format.js";

const NBSP = "\u00a0";

describe("formatAmount", () => {
  it("should group thousands with a non-breaking space and put one before kr", () => {
    expect(formatAmount(650000)).toBe(`650${NBSP}000${NBSP}kr`);
    expect(formatAmount(1041000)).toBe(`1${NBSP}041${NBSP}000${NBSP}kr`);
  });

  it("should write small amounts without grouping", () => {
    expect(formatAmount(500)).toBe(`500${NBSP}kr`);
    expect(formatAmount(0)).toBe(`0${NBSP}kr`);
  });

  it("should write öre with a decimal comma", () => {
    expect(formatAmount(2.5)).toBe(`2,5${NBSP}kr`);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, "650000", undefined, { saknas: "x" }])(
    "should reject %s",
    (value) => {
      expect(() => formatAmount(value)).toThrow(FormatError);
    },
  );
});

describe("formatDate", () => {
  it("should write dates in running text as day, month name and year", () => {
    expect(formatDate("2025-04-01")).toBe("1 april 2025");
    expect(formatDate("2027-12-31")).toBe("31 december 2027");
  });

  it("should give the same date in every time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
        process.env.TZ = tz;
        expect(formatDate("2025-04-01")).toBe("1 april 2025");
        expect(formatDayOfYear("01-01")).toBe("1 januari");
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each(["2025-02-30", "2025-13-01", "2025-4-1", "1 april 2025", 20250401, undefined])(
    "should reject %s",
    (value) => {
      expect(() => formatDate(value)).toThrow(FormatError);
    },
  );

  it("should keep ISO dates for tables after checking them", () => {
    expect(formatIsoDate("2025-05-01")).toBe("2025-05-01");
    expect(() => formatIsoDate("2025-05-32")).toThrow(FormatError);
  });

  it("should write a year alone as the year", () => {
    expect(formatDateOrYear("2018")).toBe("2018");
    expect(formatDateOrYear("2018-01-01")).toBe("1 januari 2018");
  });

  it("should write a day of the year without a year", () => {
    expect(formatDayOfYear("09-30")).toBe("30 september");
    expect(formatDayOfYear("02-29")).toBe("29 februari");
    expect(() => formatDayOfYear("9-30")).toThrow(FormatError);
    expect(() => formatDayOfYear("02-30")).toThrow(FormatError);
  });
});

describe("numberInWords", () => {
  it("should write two to twelve in words", () => {
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => numberInWords(n))).toEqual([
      "två",
      "tre",
      "fyra",
      "fem",
      "sex",
      "sju",
      "åtta",
      "nio",
      "tio",
      "elva",
      "tolv",
    ]);
  });

  it("should write one as ett or en by gender", () => {
    expect(numberInWords(1)).toBe("ett");
    expect(numberInWords(1, "utrum")).toBe("en");
  });

  it("should write numbers above twenty in digits", () => {
    expect(numberInWords(20)).toBe("tjugo");
    expect(numberInWords(21)).toBe("21");
  });

  it.each([2.5, -1, Number.NaN, "4", undefined])("should reject %s", (value) => {
    expect(() => numberInWords(value)).toThrow(FormatError);
  });
});

describe("names", () => {
  it("should add a genitive s except after s, x and z", () => {
    expect(genitive("Brottsofferjouren Västerort")).toBe("Brottsofferjouren Västerorts");
    expect(genitive("Socialnämnden i Stockholms stad")).toBe("Socialnämnden i Stockholms stads");
    expect(genitive("Kalmar kommuns")).toBe("Kalmar kommuns");
  });

  it("should capitalize the first letter only", () => {
    expect(capitalize("styrgruppen")).toBe("Styrgruppen");
    expect(capitalize("överenskommelsen")).toBe("Överenskommelsen");
    expect(() => capitalize("")).toThrow(FormatError);
  });

  it("should join names with commas and och", () => {
    expect(joinList(["A"])).toBe("A");
    expect(joinList(["A", "B"])).toBe("A och B");
    expect(joinList(["A", "B", "C"])).toBe("A, B och C");
    expect(() => joinList([])).toThrow(FormatError);
    expect(() => joinList("A")).toThrow(FormatError);
  });
});

describe("one formatting module", () => {
  it("should be the only place in src/ that formats numbers or month names", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const src = new URL("../src/", import.meta.url);
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && f !== "format.ts",
    );
    const offenders = files.filter((f) => {
      // Code only: comments may quote what the module writes.
      const text = readFileSync(new URL(f, src), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      return /Intl\.NumberFormat|month: "long"|"uppgift saknas"|toLocaleString\(/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});

describe("formatAmountOrMissing and formatAmountDelta", () => {
  it("should write a missing amount as uppgift saknas and an approximate one with ca", () => {
    expect(formatAmountOrMissing(undefined)).toBe(MISSING);
    expect(formatAmountOrMissing(40000, true)).toBe(`ca 40${NBSP}000${NBSP}kr`);
  });

  it("should refuse to write a difference of values that are not amounts", () => {
    expect(() => formatAmountDelta(Number.NaN, 1)).toThrow(FormatError);
  });
});

describe("sv-SE without Intl (whole numbers and dates)", () => {
  const intl = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat("sv-SE", options);
  const date = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("sv-SE", { ...options, timeZone: "UTC" });
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it("writes whole numbers and amounts as Intl does, and the rest through Intl", () => {
    const integers = intl({ maximumFractionDigits: 0 });
    const amounts = intl({ maximumFractionDigits: 2 });
    const values = [
      ...Array.from({ length: 20_001 }, (_, i) => i),
      ...Array.from({ length: 16 }, (_, e) => 10 ** e),
      ...Array.from({ length: 16 }, (_, e) => 10 ** e - 1),
      ...Array.from({ length: 2000 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 52)),
      Number.MAX_SAFE_INTEGER,
      2 ** 60,
      0.5,
      2.5,
      1234.567,
      1e21,
    ];
    for (const n of values) {
      expect(formatNumber(n)).toBe(integers.format(n));
      expect(formatNumber(-n)).toBe(integers.format(-n));
      expect(formatAmount(n)).toBe(`${amounts.format(n)}${NBSP}kr`);
    }
  });

  it("writes dates, months and days of the year as Intl does", () => {
    const full = date({ day: "numeric", month: "long", year: "numeric" });
    const month = date({ month: "long", year: "numeric" });
    const day = date({ day: "numeric", month: "long" });
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      expect(formatDate(iso(d))).toBe(full.format(d));
    }
    // Every year a date can have (parseIsoDate: four digits, from 0100), most of them.
    for (let year = 100; year <= 9999; year += year < 1100 || year > 9900 ? 1 : 7) {
      for (let m = 0; m < 12; m++) {
        const first = new Date(Date.UTC(year, m, 1));
        expect(formatDateOrYear(iso(first).slice(0, 7))).toBe(month.format(first));
        expect(formatDate(iso(first))).toBe(full.format(first));
      }
    }
    for (let t = Date.UTC(2000, 0, 1); t <= Date.UTC(2000, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      expect(formatDayOfYear(iso(d).slice(5))).toBe(day.format(d));
    }
    expect(formatDate("0999-05-01")).toBe(full.format(new Date(Date.UTC(999, 4, 1))));
  });
});

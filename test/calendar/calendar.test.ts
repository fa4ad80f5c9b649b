import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarOf } from "../../src/calendar/events.js";
import { swedishWorkingDays } from "../../src/calendar/holidays.js";
import { loadAgreement } from "../../src/validate/index.js";
import { AGREEMENT, runCli, writeAgreement } from "../helpers/fixture.js";
import { tempDir } from "../sign/helpers.js";

const root = new URL("../../", import.meta.url).pathname;
const STOCKHOLM = join(root, "agreements/stockholm-brottsofferstod-2025");
const KALMAR = join(root, "agreements/kalmar-brottsofferstod-2018");

async function load(dir: string) {
  const { agreement, diagnostics } = await loadAgreement(dir);
  if (!agreement) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return agreement;
}

/** The dated rows of the printed table: date and event text. */
function tableRows(text: string): { date: string; summary: string; note: string }[] {
  const lines = text.split("\n");
  const header = lines.findIndex((l) => l.startsWith("Datum "));
  const start = lines[header]?.indexOf("Händelse") ?? -1;
  const noteAt = lines[header]?.indexOf("Anmärkning") ?? -1;
  return lines
    .slice(header + 2)
    .filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l))
    .map((l) => ({
      date: l.slice(0, 10),
      summary: l.slice(start, noteAt).trim(),
      note: l.slice(noteAt).trim(),
    }));
}

/** Events of an .ics file as read by ical.js, an independent parser. */
function icsEvents(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      stamp: v.getFirstPropertyValue("dtstamp")?.toString(),
      alarms: v.getAllSubcomponents("valarm").map((a) => ({
        action: a.getFirstPropertyValue("action"),
        trigger: a.getFirstPropertyValue("trigger")?.toString(),
      })),
    };
  });
}

describe("calendar events", () => {
  it("Stockholm 2025: two notice deadlines, terms up to the latest end", async () => {
    const calendar = calendarOf(await load(STOCKHOLM), "2026-12-03");
    expect(calendar.terms).toEqual([
      { number: 1, start: "2025-04-01", end: "2025-12-31" },
      { number: 2, start: "2026-01-01", end: "2026-12-31" },
      { number: 3, start: "2027-01-01", end: "2027-12-31" },
    ]);
    expect(calendar.openEndedUntil).toBeUndefined();
    const notices = calendar.events.filter((e) => e.kind === "uppsagning");
    expect(notices.map((e) => [e.date, e.takesEffect])).toEqual([
      ["2025-09-30", "2026-01-01"],
      ["2026-09-30", "2027-01-01"],
    ]);
    expect(calendar.events.at(-1)).toMatchObject({ date: "2027-12-31", kind: "period-slut" });
  });

  it("Stockholm 2025 does not depend on the day the calendar is made", async () => {
    const agreement = await load(STOCKHOLM);
    expect(calendarOf(agreement, "2040-01-01")).toEqual(calendarOf(agreement, "2020-01-01"));
  });

  it("Kalmar: nine months' notice before each term end, extensions five years ahead", async () => {
    const calendar = calendarOf(await load(KALMAR), "2026-12-03");
    expect(calendar.terms[0]).toEqual({ number: 1, start: "2018-01-01", end: "2019-12-31" });
    expect(calendar.terms.at(-1)).toMatchObject({ start: "2031-01-01", end: "2031-12-31" });
    expect(calendar.openEndedUntil).toBe("2031-12-31");
    const notices = calendar.events.filter((e) => e.kind === "uppsagning");
    // Every term is followed by another (no latest end), so each has a deadline.
    expect(notices).toHaveLength(calendar.terms.length);
    for (const [i, term] of calendar.terms.entries()) {
      const year = Number(term.end.slice(0, 4));
      expect(notices[i]?.date).toBe(`${year}-03-31`);
      expect(notices[i]?.takesEffect).toBe(`${year + 1}-01-01`);
    }
  });

  it("an extension of twelve months from a date that is not the year's end", async () => {
    const dir = writeAgreement({
      "overenskommelse.yaml": AGREEMENT.replace(
        'inledande_slut: "2025-12-31"',
        'inledande_slut: "2026-03-31"',
      )
        .replace("enhet: kalenderår", "enhet: år")
        .replace('längst_till: "2027-12-31"', 'längst_till: "2027-12-31"'),
    });
    const calendar = calendarOf(await load(dir), "2026-01-01");
    expect(calendar.terms).toEqual([
      { number: 1, start: "2025-04-01", end: "2026-03-31" },
      { number: 2, start: "2026-04-01", end: "2027-03-31" },
      { number: 3, start: "2027-04-01", end: "2027-12-31" },
    ]);
    expect(calendar.events.filter((e) => e.kind === "uppsagning").map((e) => e.date)).toEqual([
      "2025-09-30",
      "2026-09-30",
    ]);
  });

  it("yearly reporting deadlines where the agreement states the day", async () => {
    const dir = writeAgreement({
      "overenskommelse.yaml": AGREEMENT.replace(
        "avsnitt:\n",
        `uppföljning:
  rapportering:
    - av: [bo-vasterort]
      när: årligen
      senast: "03-31"
      text: Verksamhetsrapporten lämnas senast den 31 mars varje år.
avsnitt:
  - id: uppfoljning
    klausul: uppfoljning
`,
      ),
    });
    const calendar = calendarOf(await load(dir), "2026-01-01");
    const reports = calendar.events.filter((e) => e.kind === "rapport");
    // After each year of the partnership, up to a year after its latest end.
    expect(reports.map((e) => e.date)).toEqual(["2026-03-31", "2027-03-31", "2028-03-31"]);
    expect(reports[0]?.summary).toBe(
      "Sista dag för årlig rapportering (Brottsofferjouren Västerort)",
    );
  });

  it("no extension: one term, no notice deadline", async () => {
    const dir = writeAgreement({
      "overenskommelse.yaml": AGREEMENT.replace(
        / {2}förlängning:\n {4}enhet: kalenderår\n {4}längst_till: "2027-12-31"\n/,
        "",
      ),
    });
    const calendar = calendarOf(await load(dir), "2026-01-01");
    expect(calendar.terms).toHaveLength(1);
    expect(calendar.events.map((e) => e.kind)).toEqual(["period-start", "period-slut"]);
  });
});

describe("Swedish working days", () => {
  it("shifts weekends, public holidays and the eves typed bank to the next working day", async () => {
    const shift = await swedishWorkingDays();
    expect(shift("2026-09-30")).toBeUndefined(); // a Wednesday
    expect(shift("2025-09-27")).toEqual({ reason: "lördag", nextWorkingDay: "2025-09-29" });
    expect(shift("2025-06-20")).toEqual({ reason: "midsommarafton", nextWorkingDay: "2025-06-23" });
    expect(shift("2025-12-24")).toEqual({ reason: "julafton", nextWorkingDay: "2025-12-29" });
    expect(shift("2025-12-31")).toEqual({ reason: "nyårsafton", nextWorkingDay: "2026-01-02" });
    expect(shift("2025-05-01")).toEqual({ reason: "första maj", nextWorkingDay: "2025-05-02" });
    // Easter 2029: Saturday 31 March, then påskdagen and annandag påsk.
    expect(shift("2029-03-31")).toEqual({ reason: "lördag", nextWorkingDay: "2029-04-03" });
  });
});

describe("iop calendar", () => {
  it("prints the Stockholm table in Swedish", async () => {
    const { code, stdout } = await runCli(["calendar", STOCKHOLM]);
    expect(code).toBe(0);
    expect(stdout).toContain("1       2025-04-01  2025-12-31    inledande period");
    expect(tableRows(stdout)).toContainEqual({
      date: "2025-09-30",
      summary: "Sista dag för uppsägning; träder i kraft 2026-01-01",
      note: "",
    });
  });

  it("shows the next working day beside a deadline on a day off, as information", async () => {
    const { code, stdout } = await runCli(["calendar", KALMAR, "--today", "2026-12-03"]);
    expect(code).toBe(0);
    expect(tableRows(stdout)).toContainEqual({
      date: "2024-03-31",
      summary: "Sista dag för uppsägning; träder i kraft 2025-01-01",
      note: "påskdagen; nästa arbetsdag tisdag 2024-04-02 (information)",
    });
    expect(stdout).toContain("5 år framåt från 2026-12-03");
    expect(stdout).toContain("den dag som står i överenskommelsen är sista dagen");
  });

  it("writes an .ics whose events match the table, with a reminder two weeks before each notice deadline", async () => {
    const tmp = tempDir();
    try {
      const ics = join(tmp.dir, "kalender.ics");
      const { code, stdout } = await runCli([
        "calendar",
        KALMAR,
        "--ics",
        ics,
        "--today",
        "2026-12-03",
      ]);
      expect(code).toBe(0);
      const events = icsEvents(readFileSync(ics, "utf8"));
      const table = tableRows(stdout);
      expect(events.map((e) => ({ date: e.date, summary: e.summary }))).toEqual(
        table.map((r) => ({ date: r.date, summary: r.summary })),
      );
      expect(events.every((e) => e.allDay)).toBe(true);
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      for (const e of events) {
        expect(e.alarms).toEqual(
          e.summary.startsWith("Sista dag för uppsägning")
            ? [{ action: "DISPLAY", trigger: "-P14D" }]
            : [],
        );
      }
      expect(events.filter((e) => e.alarms.length > 0)).toHaveLength(13); // one per term: Kalmar 2018 is extended without end
    } finally {
      tmp.remove();
    }
  });

  it("the .ics is byte-identical in any time zone and on any day (bundled CLI)", () => {
    const tmp = tempDir();
    try {
      const run = (tz: string, name: string) => {
        const file = join(tmp.dir, name);
        const r = spawnSync(
          process.execPath,
          [join(root, "dist/bin/iop.js"), "calendar", STOCKHOLM, "--ics", file],
          { env: { ...process.env, TZ: tz }, encoding: "utf8" },
        );
        expect(r.status, r.stderr).toBe(0);
        return readFileSync(file);
      };
      const a = run("America/Los_Angeles", "a.ics");
      const b = run("Pacific/Kiritimati", "b.ics");
      expect(a.equals(b)).toBe(true);
      expect(a.toString("utf8")).toContain("DTSTAMP:20250401T000000Z");
    } finally {
      tmp.remove();
    }
  });

  it("reports an agreement with errors at file:line:col and writes no .ics", async () => {
    const dir = writeAgreement({
      "overenskommelse.yaml": AGREEMENT.replace(
        'inledande_slut: "2025-12-31"',
        'inledande_slut: "2024-12-31"',
      ),
    });
    const tmp = tempDir();
    try {
      const ics = join(tmp.dir, "k.ics");
      const r = await runCli(["calendar", dir, "--ics", ics]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/overenskommelse\.yaml:\d+:\d+: fel: Den inledande perioden slutar/);
      expect(r.stdout).toBe("");
      expect(existsSync(ics)).toBe(false);
    } finally {
      tmp.remove();
    }
  });

  it("on a fresh iop new skeleton: its one term, no deadline until extension and notice are filled in", async () => {
    const tmp = tempDir();
    try {
      const dir = join(tmp.dir, "exempel-iop-2027");
      const made = await runCli([
        "new",
        dir,
        "--kommun",
        "Exempelstad",
        "--part",
        "Föreningen Exempel",
        "--start",
        "2027-01-01",
        "--slut",
        "2027-12-31",
      ]);
      expect(made.code, made.stderr).toBe(0);
      const r = await runCli(["calendar", dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(tableRows(r.stdout)).toEqual([
        { date: "2027-01-01", summary: "Den inledande perioden börjar", note: "" },
        { date: "2027-12-31", summary: "Period 1 slutar; förlängning: uppgift saknas", note: "" },
      ]);
    } finally {
      tmp.remove();
    }
  });

  it("is listed in iop --help", async () => {
    const { stdout } = await runCli(["--help"]);
    expect(stdout).toMatch(/^ {2}calendar +visa perioder, uppsägningsdagar/m);
    expect(stdout).toMatch(/^ {2}new +starta en ny överenskommelse/m);
  });

  it("reports bad input and usage in Swedish", async () => {
    const missing = await runCli(["calendar", join(root, "agreements/finns-inte")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/at .*\.ts/);
    const noDir = await runCli(["calendar"]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain("Ange en mapp");
    const badDate = await runCli(["calendar", STOCKHOLM, "--today", "i morgon"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--today ska vara ett datum");
  });
});

/**
 * iop diff on the shapes: a change to each new kind of data (amounts per year, ceilings, the split,
 * the decision, definitions, joint commitments, own contributions, periods in months, förvaltning,
 * signatories not yet named, rules marked missing) is named in the data summary.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffVersions } from "../../src/diff/index.js";
import { version } from "../diff/helpers.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, type Shape } from "./expected.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of a fixture with text edits per file; fails when a text to replace is not there. */
function changed(shape: Shape, edits: Record<string, [string, string][]>): string {
  const root = mkdtempSync(join(tmpdir(), "iop-shapes-diff-"));
  dirs.push(root);
  const dir = join(root, shape);
  cpSync(join(FIXTURES, shape), dir, { recursive: true });
  for (const [file, list] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), "utf8");
    for (const [from, to] of list) {
      if (!text.includes(from)) throw new Error(`${shape}/${file} lacks ${from}`);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

async function summary(shape: Shape, edits: Record<string, [string, string][]>): Promise<string[]> {
  const diff = diffVersions(
    await version(join(FIXTURES, shape)),
    await version(changed(shape, edits)),
  );
  return diff.summary.map((s) => s.text.replaceAll("\u00a0", " "));
}

describe("iop diff on the shapes", () => {
  it("should report nothing when a shape is compared with itself", async () => {
    for (const shape of [
      "flerarig-bidrag",
      "vinterinsats",
      "tio-parter",
      "saknade-uppgifter",
    ] as const) {
      expect(await summary(shape, {}), shape).toEqual([]);
    }
  });

  it("should name changes to the partnership's ceiling, split and amounts per year", async () => {
    const lines = await summary("flerarig-bidrag", {
      "overenskommelse.yaml": [
        ["    belopp: 2400000", "    belopp: 2500000"],
        ["{ part: provbygden, belopp: 900000 }", "{ part: provbygden, belopp: 1000000 }"],
        ["{ år: 2026, belopp: 800000 }", "{ år: 2026, belopp: 900000 }"],
      ],
    });
    expect(lines).toContain(
      "Finansiering: tak högst 2 400 000 kr → högst 2 500 000 kr; Kulturföreningen Provbygden: 900 000 kr → 1 000 000 kr (+100 000 kr, +11,1 %); 2026: 800 000 kr → 900 000 kr (+100 000 kr, +12,5 %)",
    );
  });

  it("should name a bilaga's amounts per year, its ceiling and bidrag wording", async () => {
    const lines = await summary("flerarig-bidrag", {
      "bilaga-2.yaml": [
        ["{ år: 2027, belopp: 350000 }", "{ år: 2027, belopp: 300000 }"],
        [
          "      belopp: 900000\n      uttryck: upp till",
          "      belopp: 850000\n      uttryck: upp till",
        ],
      ],
    });
    expect(lines).toContain(
      "Bidrag, Kulturföreningen Provbygden: 900 000 kr → 850 000 kr (−50 000 kr, −5,6 %); 2027: 350 000 kr → 300 000 kr (−50 000 kr, −14,3 %); tak upp till 900 000 kr → upp till 850 000 kr",
    );
  });

  it("should name the decision, definitions, joint commitments and own contributions", async () => {
    const lines = await summary("flerarig-bidrag", {
      "overenskommelse.yaml": [
        ['  datum: "2024-12-10"', '  datum: "2024-12-17"'],
        [
          "    betydelse: Personer mellan 13 och 25 år.",
          "    betydelse: Personer mellan 12 och 25 år.",
        ],
        [
          "    - informera varandra om förändringar som påverkar verksamheten.",
          "    - informera varandra om förändringar som påverkar verksamheten.\n    - dela lokaler när det behövs.",
        ],
        ["samlingsnamn: föreningarna", "samlingsnamn: kulturföreningarna"],
      ],
      "bilaga-1.yaml": [["        timmar: 1200", "        timmar: 1500"]],
    });
    for (const line of [
      "Beslut: kommunstyrelsen 2024-12-10 (§ 212) → kommunstyrelsen 2024-12-17 (§ 212)",
      "Definition ändrad: Unga: Personer mellan 13 och 25 år. → Personer mellan 12 och 25 år.",
      "Gemensamt åtagande tillagt: dela lokaler när det behövs.",
      "Samlingsnamn: föreningarna → kulturföreningarna",
      "Egen insats, Föreningen Testgården: ideellt arbete: volontärer som håller i kvällsöppet, 1200 timmar per år (värde ca 240 000 kr) → ideellt arbete: volontärer som håller i kvällsöppet, 1500 timmar per år (värde ca 240 000 kr)",
    ])
      expect(lines).toContain(line);
  });

  it("should name a definition removed, a contribution post removed and funding added", async () => {
    const lines = await summary("flerarig-bidrag", {
      "overenskommelse.yaml": [
        [
          "  - term: Öppen verksamhet\n    betydelse: Verksamhet som inte kräver anmälan eller medlemskap.\n",
          "",
        ],
      ],
      "bilaga-1.yaml": [
        [
          "      - slag: lokaler\n        beskrivning: föreningens egen ateljé på Provgatan 1\n",
          "",
        ],
      ],
    });
    expect(lines).toContain("Definition borttagen: Öppen verksamhet");
    expect(lines).toContain(
      "Egen insats, Föreningen Testgården: borttagen: lokaler: föreningens egen ateljé på Provgatan 1",
    );
    const added = await summary("tio-parter", {
      "overenskommelse.yaml": [
        ["  fördelning:\n", "  per_år:\n    - { år: 2025, belopp: 1000000 }\n  fördelning:\n"],
      ],
    });
    expect(added).toContain("Finansiering: år 2025 tillagt: 1 000 000 kr");
  });

  it("should name a period in months, a förvaltning and a signatory named at last", async () => {
    const lines = await summary("vinterinsats", {
      "overenskommelse.yaml": [
        ["  månader: 5", "  månader: 4"],
        ["    förvaltning: socialförvaltningen", "    förvaltning: omsorgsförvaltningen"],
        [
          '    undertecknare: { saknas: "Stiftelsen utser firmatecknare i oktober" }',
          "    undertecknare:\n      namn: Ny Nysson\n      titel: ordförande",
        ],
      ],
    });
    for (const line of [
      "Perioden: 2025-11-01–2026-03-31 (5 månader) → 2025-11-01–2026-02-28 (4 månader)",
      "Part ändrad: Exempelkommunens socialnämnd: förvaltning socialförvaltningen → omsorgsförvaltningen",
      "Undertecknare ändrad: Stiftelsen Natthamnen: uppgift saknas → Ny Nysson, ordförande",
    ])
      expect(lines).toContain(line);
  });

  it("should name an extension and notice rule that were marked missing and are now given", async () => {
    const lines = await summary("saknade-uppgifter", {
      "overenskommelse.yaml": [
        [
          '  förlängning: { saknas: "Förlängning är inte förhandlad" }',
          "  förlängning:\n    enhet: kalenderår",
        ],
        [
          '  uppsägning: { saknas: "Uppsägningsregel är inte förhandlad" }',
          '  uppsägning:\n    senast: "09-30"',
        ],
        [
          '  sätt: { saknas: "Inte bestämt om underskrift sker på papper eller elektroniskt" }',
          "  sätt: papper",
        ],
      ],
    });
    for (const line of [
      "Perioden: längst till uppgift saknas → ingen; förlängs med uppgift saknas → ett kalenderår i taget",
      "Uppsägning: uppgift saknas → senast den 30 september",
      "Undertecknande: uppgift saknas → papper",
    ])
      expect(lines).toContain(line);
  });

  it("should print the summary through the command line too", async () => {
    const dir = changed("vinterinsats", {
      "overenskommelse.yaml": [["  månader: 5", "  månader: 4"]],
    });
    const r = await runCli(["diff", join(FIXTURES, "vinterinsats"), dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.replaceAll("\u00a0", " ")).toContain(
      "Perioden: 2025-11-01–2026-03-31 (5 månader) → 2025-11-01–2026-02-28 (4 månader)",
    );
    // The redline shows the derived sentence's change.
    expect(r.stdout).toMatch(/\[-fem-\]\{\+fyra\+\}/);
  });
});

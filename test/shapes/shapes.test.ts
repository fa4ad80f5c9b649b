/**
 * The shapes of IOP the data model covers (issue 11 §4), as synthetic agreements in
 * test/fixtures/agreements/: each is validated, composed and rendered to Markdown with the text
 * its data must give; a wrong value in it gives a diagnostic at its line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { buildDocuments } from "../../src/pipeline.js";
import { renderMarkdown } from "../../src/render/markdown/index.js";
import { loadAgreement } from "../../src/validate/index.js";
import { EXPECTED, FIXTURES, flatten, SHAPES, type Shape } from "./expected.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of a fixture (the folder keeps its name, the agreement's id) with `edits` applied. */
function edited(
  shape: Shape,
  file: string,
  edits: [string, string][],
): { dir: string; text: string } {
  const root = mkdtempSync(join(tmpdir(), "iop-shapes-"));
  dirs.push(root);
  const dir = join(root, shape);
  cpSync(join(FIXTURES, shape), dir, { recursive: true });
  let text = readFileSync(join(dir, file), "utf8");
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${shape}/${file} lacks ${from}`);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, file), text);
  return { dir, text };
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string): number => {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
};

/** The Markdown of every document of a fixture, as plain text (no emphasis marks or escapes). */
async function markdownOf(
  shape: Shape,
): Promise<{ text: Record<string, string>; diagnostics: Diagnostic[] }> {
  const { agreement, diagnostics } = await loadAgreement(join(FIXTURES, shape));
  if (!agreement) throw new Error(`${shape}: ${JSON.stringify(diagnostics)}`);
  const built = buildDocuments(agreement);
  const text: Record<string, string> = {};
  for (const { tree } of built.documents) {
    text[tree.name] = flatten(
      renderMarkdown(tree)
        .replace(/\*\*|\*/g, "")
        .replace(/\\(.)/g, "$1"),
    );
  }
  return { text, diagnostics: [...diagnostics, ...built.diagnostics] };
}

describe("the shapes of IOP the data model covers", () => {
  for (const shape of SHAPES) {
    it(`should compose ${shape} without errors and show its data in Markdown`, async () => {
      const { text, diagnostics } = await markdownOf(shape);
      expect(diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
      expect(Object.keys(text).sort()).toEqual(Object.keys(EXPECTED[shape]).sort());
      for (const [name, phrases] of Object.entries(EXPECTED[shape])) {
        for (const phrase of phrases) expect(text[name], `${name}: ${phrase}`).toContain(phrase);
        expect(text[name]).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    });
  }

  it("should give exactly one warning for each fact marked saknas, at its line", async () => {
    const file = join(FIXTURES, "saknade-uppgifter", "overenskommelse.yaml");
    const yaml = readFileSync(file, "utf8");
    const marked = yaml.split("\n").flatMap((line, i) => (/\{ saknas: /.test(line) ? [i + 1] : []));
    expect(marked.length).toBeGreaterThanOrEqual(20);
    const { diagnostics } = await loadAgreement(join(FIXTURES, "saknade-uppgifter"));
    const warnings = diagnostics.filter((d) => d.rule === "uppgift-saknas");
    expect(warnings.map((d) => d.line).sort((a, b) => a - b)).toEqual(marked);
    expect(warnings.every((d) => d.severity === "varning")).toBe(true);
    // Nothing else than the draft status and the missing facts.
    expect(diagnostics.filter((d) => d.rule !== "uppgift-saknas").map((d) => d.rule)).toEqual([
      "utkast",
    ]);
  });

  it("should warn about nothing in the other shapes, except the signatory not yet named", async () => {
    for (const shape of ["flerarig-bidrag", "tio-parter", "vinterinsats"] as const) {
      const { diagnostics } = await loadAgreement(join(FIXTURES, shape));
      const expected =
        shape === "vinterinsats"
          ? [
              "Uppgift saknas: parter › «Stiftelsen Natthamnen» › undertecknare (Stiftelsen utser firmatecknare i oktober).",
            ]
          : [];
      expect(
        diagnostics.map((d) => d.message),
        shape,
      ).toEqual(expected);
    }
  });

  it("should word a period given in months, with its length, and hours marked missing", async () => {
    const { dir } = edited("vinterinsats", "overenskommelse.yaml", [
      ['  start: "2025-11-01"', '  start: "2025-11"'],
      ["          timmar: 900", '          timmar: { saknas: "Räknas fram efter säsongen" }'],
    ]);
    const { agreement, diagnostics } = await loadAgreement(dir);
    expect(diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    const tree = agreement && buildDocuments(agreement).documents[0]?.tree;
    const text = flatten(tree ? renderMarkdown(tree) : "");
    expect(text).toContain(
      "Överenskommelsen gäller för perioden november 2025–mars 2026 (fem månader).",
    );
    expect(text).toContain(
      "Ideellt arbete: volontärer som lagar kvällsmat, antal timmar uppgift saknas",
    );
  });

  it("should print goals marked saknas in a bilaga that repeats them as the missing-fact text", async () => {
    const { dir } = edited("flerarig-bidrag", "overenskommelse.yaml", [
      ["syfte: ", 'mål: { saknas: "Formuleras under våren" }\nsyfte: '],
    ]);
    const { agreement } = await loadAgreement(dir);
    const bilaga = agreement && buildDocuments(agreement).documents[2]?.tree;
    expect(bilaga?.name).toBe("bilaga-2");
    expect(flatten(bilaga ? renderMarkdown(bilaga) : "")).toContain(
      "Åtagandets innehåll Uppgift saknas. - Arrangera en sommarfestival",
    );
  });

  it("should have ten parties in tio-parter, one bilaga-less idéburen party in vinterinsats", async () => {
    const ten = await loadAgreement(join(FIXTURES, "tio-parter"));
    expect(ten.agreement?.data.parter).toHaveLength(10);
    const winter = await loadAgreement(join(FIXTURES, "vinterinsats"));
    expect(winter.agreement?.bilagor).toEqual([]);
    expect(winter.agreement?.data.parter.filter((p) => p.sektor === "idéburen")).toHaveLength(1);
  });
});

/** A wrong value in a shape: the rule, its severity and the line it is reported at. */
const WRONG: {
  name: string;
  shape: Shape;
  file: string;
  edits: [string, string][];
  rule: string;
  severity: "fel" | "varning";
  /** The line reported: the first line containing this, in `reportedIn` (default: `file`). */
  at: string;
  reportedIn?: string;
  message: string;
}[] = [
  {
    name: "amounts per year that do not add up to the rows",
    shape: "flerarig-bidrag",
    file: "bilaga-1.yaml",
    edits: [["{ år: 2026, belopp: 500000 }", "{ år: 2026, belopp: 600000 }"]],
    rule: "budget-per-ar-summa",
    severity: "fel",
    at: "    per_år:",
    message:
      "Beloppen per år blir 1\u00a0600\u00a0000\u00a0kr men raderna 1\u00a0500\u00a0000\u00a0kr",
  },
  {
    name: "a split above the partnership's ceiling",
    shape: "flerarig-bidrag",
    file: "overenskommelse.yaml",
    edits: [["{ part: provbygden, belopp: 900000 }", "{ part: provbygden, belopp: 1000000 }"]],
    rule: "finansiering-over-tak",
    severity: "fel",
    at: "  fördelning:",
    message:
      "Fördelningen blir 2\u00a0500\u00a0000\u00a0kr, mer än partnerskapets tak 2\u00a0400\u00a0000\u00a0kr.",
  },
  {
    name: "a bilaga budget above the party's share",
    shape: "flerarig-bidrag",
    file: "overenskommelse.yaml",
    edits: [["{ part: testgarden, belopp: 1500000 }", "{ part: testgarden, belopp: 1400000 }"]],
    rule: "finansiering-over-fordelning",
    severity: "fel",
    at: "  ersättning:",
    reportedIn: "bilaga-1.yaml",
    message:
      "Ersättningen till Föreningen Testgården blir 1\u00a0500\u00a0000\u00a0kr, mer än partens del",
  },
  {
    name: "a year outside the period",
    shape: "flerarig-bidrag",
    file: "overenskommelse.yaml",
    edits: [["{ år: 2027, belopp: 900000 }", "{ år: 2028, belopp: 900000 }"]],
    rule: "belopp-per-ar-utanfor-period",
    severity: "varning",
    at: "{ år: 2028",
    message: "År 2028 ligger utanför partnerskapets period (2025–2027).",
  },
  {
    name: "an unknown way of expressing a ceiling",
    shape: "flerarig-bidrag",
    file: "bilaga-2.yaml",
    edits: [["uttryck: upp till", "uttryck: ungefär"]],
    rule: "schema-enum",
    severity: "fel",
    at: "uttryck: ungefär",
    message: "ungefär",
  },
  {
    name: "an unknown kind of own contribution",
    shape: "flerarig-bidrag",
    file: "bilaga-1.yaml",
    edits: [["slag: lokaler", "slag: fastigheter"]],
    rule: "schema-enum",
    severity: "fel",
    at: "slag: fastigheter",
    message: "fastigheter",
  },
  {
    name: "a start month that does not exist",
    shape: "vinterinsats",
    file: "overenskommelse.yaml",
    edits: [['  start: "2025-11-01"', '  start: "2025-13"']],
    rule: "schema-format",
    severity: "fel",
    at: '  start: "2025-13"',
    message: "ange ett datum som ÅÅÅÅ-MM-DD, en månad som ÅÅÅÅ-MM eller ett årtal ÅÅÅÅ",
  },
  {
    name: "both an end and a length in months",
    shape: "vinterinsats",
    file: "overenskommelse.yaml",
    edits: [["  månader: 5\n", '  månader: 5\n  inledande_slut: "2026-03-31"\n']],
    rule: "period-slut-eller-manader",
    severity: "fel",
    at: "period:",
    message: "Ange antingen inledande_slut eller månader",
  },
  {
    name: "a förvaltning on an idéburen party",
    shape: "vinterinsats",
    file: "overenskommelse.yaml",
    edits: [
      [
        "    namn: Stiftelsen Natthamnen\n",
        "    namn: Stiftelsen Natthamnen\n    förvaltning: kansliet\n",
      ],
    ],
    rule: "forvaltning-ideburen",
    severity: "fel",
    at: "förvaltning: kansliet",
    message: "Stiftelsen Natthamnen är en idéburen part och kan inte ha en förvaltning",
  },
  {
    name: "a decision that no section prints",
    shape: "vinterinsats",
    file: "overenskommelse.yaml",
    edits: [["  - id: beslut\n    klausul: beslut\n", ""]],
    rule: "uppgift-visas-inte",
    severity: "varning",
    at: "beslut:",
    message:
      "Uppgiften beslut visas inte i något dokument. Lägg till ett avsnitt med klausul: beslut",
  },
  {
    name: "an own contribution that no section of the bilaga prints",
    shape: "flerarig-bidrag",
    file: "bilaga-2.yaml",
    edits: [["  - id: egen-insats\n    klausul: egen-insats\n", ""]],
    rule: "uppgift-visas-inte",
    severity: "varning",
    at: "  insats:",
    message:
      "Uppgiften ekonomi › insats visas inte i bilaga 2. Lägg till ett avsnitt med klausul: egen-insats",
  },
  {
    name: "an agreement without a signing section",
    shape: "tio-parter",
    file: "overenskommelse.yaml",
    edits: [["  - id: signering\n    klausul: signering\n", ""]],
    rule: "signering-saknas",
    severity: "varning",
    at: "avsnitt:",
    message: "Överenskommelsen har inget avsnitt för underskrifter",
  },
  {
    name: "a party that signs without a signatory",
    shape: "vinterinsats",
    file: "overenskommelse.yaml",
    edits: [['    undertecknare: { saknas: "Stiftelsen utser firmatecknare i oktober" }\n', ""]],
    rule: "undertecknare-saknas",
    severity: "fel",
    at: "  - id: natthamnen",
    message: "undertecknare: { saknas: <skäl> } om ingen är utsedd ännu",
  },
];

describe("a wrong value in a shape", () => {
  for (const c of WRONG) {
    it(`should report ${c.name} (${c.rule}) at its line`, async () => {
      const { dir, text } = edited(c.shape, c.file, c.edits);
      const { diagnostics } = await loadAgreement(dir);
      const found = diagnostics.filter((d) => d.rule === c.rule);
      expect(found, JSON.stringify(diagnostics)).toHaveLength(1);
      const d = found[0] as Diagnostic;
      expect(d.severity).toBe(c.severity);
      expect(d.message).toContain(c.message);
      const reported = c.reportedIn ?? c.file;
      expect(d.file).toBe(join(dir, reported));
      const source = reported === c.file ? text : readFileSync(join(dir, reported), "utf8");
      expect(d.line).toBe(lineOf(source, c.at));
    });
  }
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LINT_RULES } from "../../src/lint/index.js";
import { replacements } from "../../src/lint/klarsprak.js";

const DOC = readFileSync(new URL("../../docs/granskning.md", import.meta.url), "utf8");

describe("docs/granskning.md", () => {
  it("should document every rule that can be switched off", () => {
    for (const rule of LINT_RULES) expect(DOC, rule).toContain(`\`${rule}\``);
  });

  it("should list exactly the entries of data/klarsprak.json, each with its reason", () => {
    const rows = replacements().map(
      ({ entry: e }) =>
        `| ${e.skriv_inte} | ${e.skriv} | ${e.regel} | ${e.säker ? "ja" : "nej"} | ${e.skäl} |`,
    );
    for (const row of rows) expect(DOC).toContain(row);
    const table = DOC.split("| skriv inte | skriv | regel | säker | skäl |")[1] ?? "";
    const documented = table
      .split("\n\n")[0]
      ?.split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    expect(documented).toEqual(rows);
  });

  it("should give every entry a Swedish reason and never suggest what it flags", () => {
    for (const { entry: e, pattern } of replacements()) {
      expect(e.skäl.length, e.skriv_inte).toBeGreaterThan(10);
      expect(["klarsprak", "stavning"]).toContain(e.regel);
      // A suggestion the list flags again would make --fix change something on every run.
      for (const other of replacements()) {
        expect(e.skriv.match(other.pattern), `${e.skriv} / ${other.entry.skriv_inte}`).toBeNull();
      }
      expect(e.skriv_inte.match(pattern)?.[0]).toBe(e.skriv_inte);
    }
  });
});

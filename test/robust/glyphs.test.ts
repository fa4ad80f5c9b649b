import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { missingGlyphs } from "../../src/render/pdf/index.js";
import { AGREEMENT, runCli, writeAgreement } from "../helpers/fixture.js";

describe("characters the PDF fonts lack", () => {
  it("should find emoji and scripts the fonts lack, but not Swedish, Greek or ignorable characters", () => {
    expect(missingGlyphs("Brottsofferjouren 🙂 Väst – åäö ÅÄÖ é ü € § α Ж 🙂")).toEqual(["🙂"]);
    expect(missingGlyphs("漢字\u200b\u00ad ok")).toEqual(["漢", "字"]);
  });

  it("should warn at the emoji in a party's name when building the PDF", async () => {
    const yaml = AGREEMENT.replace(
      "namn: Brottsofferjouren Västerort",
      "namn: Brottsofferjouren 🙂 Västerort",
    );
    const line = yaml.split("\n").findIndex((l) => l.includes("🙂")) + 1;
    const col = (yaml.split("\n")[line - 1]?.indexOf("🙂") ?? 0) + 1;
    const dir = writeAgreement({ "overenskommelse.yaml": yaml });
    const r = await runCli([
      "build",
      dir,
      "--out",
      join(dirname(dir), "ut"),
      "--format",
      "pdf",
      "--warnings",
    ]);
    expect(r.code, r.all).toBe(0);
    expect(r.stderr).toContain(
      `overenskommelse.yaml:${line}:${col}: varning: Tecknet 🙂 (U+1F642) finns inte i PDF-filernas typsnitt (DejaVu Sans) och blir en tom ruta i PDF:en; Word- och Markdown-filerna visar det. [pdf-tecken-saknas]`,
    );
    // Only the PDF has the problem: a build without it does not warn.
    const md = await runCli([
      "build",
      dir,
      "--out",
      join(dirname(dir), "ut2"),
      "--format",
      "md",
      "--warnings",
    ]);
    expect(md.stderr).not.toContain("pdf-tecken-saknas");
  });
});

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import type { Inline, TableNode } from "../../../src/document/types.js";
import { keepsWithNext, textWidth } from "../../../src/render/docx/handlers/table.js";
import { BODY_SIZE, CELL_MARGIN, TEXT_WIDTH } from "../../../src/render/docx/layout.js";
import { sampleTree, text as t, treeWith } from "../../helpers/trees.js";
import { all, child, render, textOf, val } from "./helpers.js";

async function budget() {
  const doc = (await render(sampleTree())).xml("word/document.xml");
  const table = all(doc, "w:tbl")[0] as Element;
  const rows = all(table, "w:tr");
  const cells = (row: Element) => all(row, "w:tc");
  return { table, rows, cells };
}

const bold = (cell: Element) => all(cell, "w:r").every((r) => all(r, "w:b").length > 0);
const align = (cell: Element) => val(cell, "w:jc") ?? "left";

describe("table", () => {
  it("should use the built-in Table Grid style across the text width", async () => {
    const { table } = await budget();
    expect(val(table, "w:tblStyle")).toBe("TableGrid");
    expect(val(table, "w:tblW", "w:w")).toBe(String(TEXT_WIDTH));
    const grid = all(table, "w:gridCol").map((c) => Number(c.getAttribute("w:w")));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(grid[0]).toBeGreaterThan(grid[1] ?? 0);
  });

  it("should mark the header row to repeat on every page, bold", async () => {
    const { rows, cells } = await budget();
    const [header, ...rest] = rows;
    expect(all(header as Element, "w:tblHeader")).toHaveLength(1);
    expect(rest.flatMap((r) => all(r, "w:tblHeader"))).toHaveLength(0);
    expect(cells(header as Element).every(bold)).toBe(true);
  });

  it("should keep every cell's text, the amounts included", async () => {
    const { rows, cells } = await budget();
    expect(rows.map((r) => cells(r).map(textOf))).toEqual([
      ["Beskrivning av resurs", "Kostnad (kronor)"],
      ["Personal", "650\u00a0000 kr"],
      ["Konsulter", "5\u00a0000 kr"],
      ["Lokaler", "54\u00a0000 kr"],
      ["Aktiviteter", "6\u00a0000 kr"],
      ["Förbrukningsmaterial", "5\u00a0000 kr"],
      ["Övrigt", "110\u00a0000 kr"],
      ["Summa", "830\u00a0000 kr"],
    ]);
  });

  it("should align each column as the tree says: amounts right", async () => {
    const { rows, cells } = await budget();
    for (const row of rows) expect(cells(row).map(align)).toEqual(["left", "right"]);
  });

  it("should render the total row bold and the body rows not", async () => {
    const { rows, cells } = await budget();
    const total = rows.at(-1) as Element;
    expect(cells(total).every(bold)).toBe(true);
    for (const row of rows.slice(1, -1)) expect(cells(row).some(bold)).toBe(false);
  });

  it("should keep every row from splitting across pages", async () => {
    const { rows } = await budget();
    expect(rows.every((r) => child(child(r, "w:trPr") as Element, "w:cantSplit"))).toBe(true);
  });
});

/**
 * The width in twips of a text on one line in DejaVu Sans Bold at the body size: the widest face a
 * reader shows the table in (LibreOffice's fallback where Calibri and Carlito are missing; both
 * are narrower), measured from the font file, independently of the renderer's estimate.
 */
const dejaVuBold = (() => {
  const require = createRequire(import.meta.url);
  const file = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
  const font = fontkit.create(new Uint8Array(readFileSync(file)));
  return (text: string): number =>
    ([...text].reduce(
      (w, ch) => w + font.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth,
      0,
    ) /
      font.unitsPerEm) *
    BODY_SIZE *
    10;
})();

const cells = (...texts: string[]): Inline[][] => texts.map((text) => [t(text)]);
const budgetTable = (rows: [string, string][], total?: [string, string]): TableNode => ({
  type: "table",
  align: ["left", "right"],
  header: cells("Beskrivning av resurs", "Kostnad (kronor)"),
  rows: rows.map((r) => cells(...r)),
  ...(total ? { total: cells(...total) } : {}),
});

/** Each table's grid columns and each row's cell widths (`w:tcW`), in twips. */
async function grids(...tables: TableNode[]) {
  const doc = (await render(treeWith(tables))).xml("word/document.xml");
  return all(doc, "w:tbl").map((table) => ({
    table,
    grid: all(table, "w:gridCol").map((c) => Number(c.getAttribute("w:w"))),
    cells: all(table, "w:tr").map((r) => all(r, "w:tcW").map((w) => Number(w.getAttribute("w:w")))),
  }));
}

const SMALL = budgetTable([["Personal", "650\u00a0000 kr"]], ["Summa", "650\u00a0000 kr"]);
const LONG_TEXT = budgetTable(
  [
    ["Verksamhetsstöd från Brottsoffermyndigheten", "15\u00a0000 kr"],
    ["Projektmedel från Brottsoffermyndigheten (öronmärkta)", "30\u00a0000 kr"],
  ],
  ["Summa", "45\u00a0000 kr"],
);

describe("table column widths", () => {
  it("should use a fixed layout whose grid and cell widths agree and fill the text width", async () => {
    for (const { table, grid, cells } of await grids(SMALL, LONG_TEXT)) {
      expect(val(table, "w:tblLayout", "w:type")).toBe("fixed");
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      for (const row of cells) expect(row).toEqual(grid);
    }
  });

  it("should make the amount column wide enough for its header and widest amount on one line", async () => {
    for (const { table, grid } of await grids(SMALL, LONG_TEXT)) {
      const texts = all(table, "w:tr").map((r) => textOf(all(r, "w:tc")[1] as Element));
      const widest = Math.max(...texts.map(dejaVuBold));
      expect(grid[1]).toBeGreaterThanOrEqual(widest + 2 * CELL_MARGIN);
    }
  });

  it("should give the amount column the same width whatever the length of the text column", async () => {
    const [small, long] = await grids(SMALL, LONG_TEXT);
    expect(small?.grid[1]).toBe(long?.grid[1]);
    // and the text column the rest, most of the width
    expect(small?.grid[0]).toBeGreaterThan(TEXT_WIDTH / 2);
  });

  it("should widen the amount column for an amount wider than its header", async () => {
    const amount = "12\u00a0345\u00a0678\u00a0901\u00a0234 kr";
    const [wide] = await grids(budgetTable([["Personal", amount]]));
    expect(wide?.grid[1]).toBeGreaterThanOrEqual(dejaVuBold(amount) + 2 * CELL_MARGIN);
    expect(wide?.grid[1]).toBeGreaterThan((await grids(SMALL))[0]?.grid[1] ?? 0);
  });

  it("should give a narrow amount column at least 20 mm", async () => {
    const table: TableNode = {
      type: "table",
      align: ["left", "right"],
      header: cells("Post", "kr"),
      rows: [cells("Hyra", "5")],
    };
    const [narrow] = await grids(table);
    expect(narrow?.grid[1]).toBeGreaterThanOrEqual(1134);
  });

  it("should leave the text column at least half the width when the amounts are very wide", async () => {
    const huge = "9".repeat(80);
    const [table] = await grids(budgetTable([["Personal", huge]]));
    expect(table?.grid[0]).toBeGreaterThanOrEqual(TEXT_WIDTH / 2);
    expect(table?.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  it("should spread a table of amount columns only over the text width", async () => {
    const table: TableNode = {
      type: "table",
      align: ["right", "right"],
      header: cells("2024", "2025"),
      rows: [cells("1 kr", "2 kr")],
    };
    const [only] = await grids(table);
    expect(only?.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });
});

describe("textWidth", () => {
  it("should never be less than the text's width in DejaVu Sans Bold", () => {
    const texts = [
      "abcdefghijklmnopqrstuvwxyzåäöé",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ",
      "0123456789 \u00a0",
      ".,:;()-–%/&+*'\"!?§",
      "Kostnad (kronor)",
      "Beskrivning av resurs",
      "uppgift saknas",
      "1\u00a0041\u00a0000 kr",
      "MWMWmwmw%%",
    ];
    for (const text of texts)
      expect(textWidth(text), text).toBeGreaterThanOrEqual(dejaVuBold(text));
  });

  it("should not overestimate by more than a fifth on amounts and their headers", () => {
    for (const text of ["Kostnad (kronor)", "650\u00a0000 kr", "Summa"]) {
      expect(textWidth(text), text).toBeLessThanOrEqual(dejaVuBold(text) * 1.2);
    }
  });
});

describe("table across pages", () => {
  const keeps = (row: Element) =>
    all(row, "w:p").every((para) => all(child(para, "w:pPr") as Element, "w:keepNext").length > 0);

  it("should keep a short table on one page: every row but the last keeps with the next", async () => {
    const { rows } = await budget();
    expect(rows.map(keeps)).toEqual([true, true, true, true, true, true, true, false]);
  });

  it("should keep a long table's header with two rows and its last three rows together", () => {
    const count = 30;
    const kept = Array.from({ length: count }, (_, i) => i).filter((i) => keepsWithNext(i, count));
    expect(kept).toEqual([0, 1, 27, 28]);
  });
});

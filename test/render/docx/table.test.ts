import { describe, expect, it } from "vitest";
import { TEXT_WIDTH } from "../../../src/render/docx/layout.js";
import { sampleTree } from "../../fixtures/sample-tree.js";
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

import { describe, expect, it } from "vitest";
import { inlineText } from "../../src/document/text.js";
import type { TableNode } from "../../src/document/types.js";
import { tree } from "./input.js";

const table = (markdown: string): TableNode => {
  const node = tree(markdown).children.find((b) => b.type === "table");
  if (node?.type !== "table") throw new Error("no table");
  return node;
};
const cells = (row: TableNode["rows"][number] | undefined) => (row ?? []).map(inlineText);

const BUDGET = `| Beskrivning av resurs | Kostnad (kronor) |
| :-- | --: |
| Personal | 650\u00a0000 kr |
| Lokaler | 54\u00a0000 kr |
| **Summa** | **704\u00a0000 kr** |`;

describe("tables", () => {
  it("should keep each column's alignment", () => {
    expect(table(BUDGET).align).toEqual(["left", "right"]);
    expect(table("| a | b | c |\n| --- | :-: | --: |\n| 1 | 2 | 3 |").align).toEqual([
      "left",
      "center",
      "right",
    ]);
  });

  it("should separate header, rows and a bold total row", () => {
    const t = table(BUDGET);
    expect(t.header.map(inlineText)).toEqual(["Beskrivning av resurs", "Kostnad (kronor)"]);
    expect(t.rows.map(cells)).toEqual([
      ["Personal", "650\u00a0000 kr"],
      ["Lokaler", "54\u00a0000 kr"],
    ]);
    expect(cells(t.total)).toEqual(["Summa", "704\u00a0000 kr"]);
  });

  it("should take the bold marks off the total, which renderers bold themselves", () => {
    expect(table(BUDGET).total?.[0]).toEqual([{ type: "text", value: "Summa" }]);
  });

  it("should treat a last row starting with Summa as the total", () => {
    const t = table("| Post | Belopp |\n| --- | --: |\n| A | 1 kr |\n| Summa | 1 kr |");
    expect(cells(t.total)).toEqual(["Summa", "1 kr"]);
    expect(t.rows).toHaveLength(1);
  });

  it("should have no total when the last row is ordinary", () => {
    const t = table("| Datum | Beslut |\n| --- | --- |\n| 2025-05-01 | **§ 3** i protokollet |");
    expect(t.total).toBeUndefined();
    expect(t.rows).toHaveLength(1);
  });

  it("should keep an escaped pipe inside a cell", () => {
    expect(cells(table("| a |\n| --- |\n| x \\| y |").rows[0])).toEqual(["x | y"]);
  });
});

import type { Table } from "mdast";
import { describe, expect, it } from "vitest";
import type { Inline, TableNode } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { treeOf } from "../../helpers/trees.js";
import { bodyOf } from "./helpers.js";

const cell = (value: string): Inline[] => [{ type: "text", value }];
const budget = (): TableNode => ({
  type: "table",
  align: ["left", "right"],
  header: [cell("Beskrivning av resurs"), cell("Kostnad (kronor)")],
  rows: [
    [cell("Personal"), cell("650\u00a0000 kr")],
    [cell("Lokaler"), cell("54\u00a0000 kr")],
  ],
  total: [cell("Summa"), cell("704\u00a0000 kr")],
});
const lines = (md: string) => md.split("\n").filter((l) => l.startsWith("|"));

describe("table", () => {
  it("should write a GFM table with the header first and every row", () => {
    const rows = lines(renderMarkdown(treeOf([budget()])));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^\| Beskrivning av resurs \| Kostnad \(kronor\) \|$/);
    expect(rows[2]).toMatch(/^\| Personal +\| +650\u00a0000 kr \|$/);
  });

  it("should right-align amount columns (---:) and left-align text columns (:--)", () => {
    const [, delimiter] = lines(renderMarkdown(treeOf([budget()])));
    expect(delimiter).toMatch(/^\| :-+ \| -+: \|$/);
  });

  it("should centre a centred column (:-:)", () => {
    const node: TableNode = { type: "table", align: ["center"], header: [cell("År")], rows: [] };
    expect(lines(renderMarkdown(treeOf([node])))[1]).toMatch(/^\| :-+: \|$/);
  });

  it("should read back with the same alignment per column", () => {
    const [table] = bodyOf(renderMarkdown(treeOf([budget()]))) as Table[];
    expect(table?.align).toEqual(["left", "right"]);
  });

  it("should write the total row last, every cell bold", () => {
    const md = renderMarkdown(treeOf([budget()]));
    expect(lines(md).at(-1)).toMatch(/^\| \*\*Summa\*\* +\| +\*\*704\u00a0000 kr\*\* \|$/);
    const [table] = bodyOf(md) as Table[];
    const total = table?.children.at(-1);
    expect(total?.children.map((c) => c.children.map((n) => n.type))).toEqual([
      ["strong"],
      ["strong"],
    ]);
  });

  it("should not nest bold in a total cell that is bold already", () => {
    const node = budget();
    node.total = [[{ type: "strong", children: cell("Summa") }], cell("704\u00a0000 kr")];
    expect(renderMarkdown(treeOf([node]))).toContain("| **Summa** ");
  });

  it("should leave an empty total cell empty instead of writing ****", () => {
    const node = budget();
    node.total = [cell("Summa"), []];
    expect(renderMarkdown(treeOf([node]))).not.toContain("****");
  });

  it("should keep a | in a cell inside its cell", () => {
    const node = budget();
    node.rows = [[cell("Lokal | hyra"), cell("1 kr")]];
    const [table] = bodyOf(renderMarkdown(treeOf([node]))) as Table[];
    expect(table?.children[1]?.children).toHaveLength(2);
    expect(table?.children[1]?.children[0]?.children).toEqual([
      expect.objectContaining({ type: "text", value: "Lokal | hyra" }),
    ]);
  });
});

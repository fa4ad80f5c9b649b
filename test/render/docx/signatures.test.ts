import { describe, expect, it } from "vitest";
import type { SignatureBlock, SignaturesNode } from "../../../src/document/types.js";
import { p, sampleTree, treeWith } from "../../helpers/trees.js";
import { all, child, children, render, textOf, val } from "./helpers.js";

const signatures = (...blocks: SignatureBlock[]): SignaturesNode => ({
  type: "signatures",
  blocks,
});
const block = (over: Partial<SignatureBlock> = {}): SignatureBlock => ({
  partyId: "bo",
  party: "Brottsofferjouren Stockholm-Gotland",
  name: "Cecilia Ekstrand",
  title: "ordförande",
  place: "Stockholm",
  year: 2025,
  ...over,
});

/** The signature table's rows, each as its paragraphs' texts. */
async function blocks(tree = sampleTree(), copyLabel?: string) {
  const doc = (await render(tree, copyLabel ? { copyLabel } : {})).xml("word/document.xml");
  const table = all(doc, "w:tbl").at(-1) as Element;
  const rows = all(table, "w:tr");
  return { doc, table, rows, texts: rows.map((r) => all(r, "w:p").map(textOf)) };
}

describe("signatures", () => {
  it("should render each party's block: För, signature line, name and title, place and date", async () => {
    const { texts } = await blocks();
    expect(texts).toEqual([
      [
        "För Socialnämnden i Stockholms stad",
        "",
        "Veronica Carstorp Wolgast, socialdirektör",
        "Stockholm den ____________ 2025",
      ],
      [
        "För Brottsofferjouren Stockholm-Gotland",
        "",
        "Cecilia Ekstrand, ordförande",
        "Stockholm den ____________ 2025",
      ],
    ]);
  });

  it("should draw the signature line as a bottom border with room above it", async () => {
    const { rows } = await blocks();
    const line = all(rows[0] as Element, "w:p")[1] as Element;
    expect(val(line, "w:bottom")).toBe("single");
    expect(Number(val(line, "w:spacing", "w:before"))).toBeGreaterThanOrEqual(720);
  });

  it("should keep each block together: one table row that cannot split", async () => {
    const { rows, table } = await blocks();
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(child(child(row, "w:trPr") as Element, "w:cantSplit")).toBeDefined();
    expect(val(table, "w:top")).toBe("none");
  });

  it("should leave the name line blank when name and title are missing", async () => {
    const tree = treeWith([signatures(block({ name: null, title: null }))]);
    expect((await blocks(tree)).texts[0]?.[2]).toBe("");
  });

  it("should write what there is when only the name or only the title is missing", async () => {
    const tree = treeWith([signatures(block({ title: null }), block({ name: null }))]);
    expect((await blocks(tree)).texts.map((t) => t[2])).toEqual(["Cecilia Ekstrand", "ordförande"]);
  });

  it("should leave blanks for an unknown place and no year when there is none", async () => {
    const tree = treeWith([signatures(block({ place: null, year: undefined }))]);
    expect((await blocks(tree)).texts[0]?.[3]).toBe("____________ den ____________");
  });

  it("should print the copy label after the blocks when one is given", async () => {
    const label = "Exemplar 2 av 4 – Brottsofferjouren Stockholm-Gotland";
    const { doc } = await blocks(sampleTree(), label);
    const last = all(doc, "w:p").at(-1) as Element;
    expect(textOf(last)).toBe(label);
    expect(all(last, "w:i")).toHaveLength(1);
  });

  it("should print no copy label when none is given", async () => {
    const { doc } = await blocks();
    expect(all(doc, "w:p").filter((para) => textOf(para).includes("Exemplar"))).toEqual([]);
  });

  it("should print the copy label at the end of a document without signatures", async () => {
    const doc = (await render(treeWith([p("Text.")]), { copyLabel: "Exemplar 1 av 2" })).xml(
      "word/document.xml",
    );
    expect(all(doc, "w:p").map(textOf).slice(-2)).toEqual(["Text.", "Exemplar 1 av 2"]);
  });

  it("should end the body with a paragraph after the signature table, as Word does", async () => {
    // LibreOffice 25.2 never finishes exporting a .docx that ends with a table as text: its
    // `--convert-to txt` writes an endless temporary file (7.4 does not). One point high.
    const { doc } = await blocks();
    const body = child(doc.documentElement, "w:body") as Element;
    const [last, beforeLast] = children(body)
      .filter((e) => e.nodeName !== "w:sectPr")
      .reverse();
    expect(beforeLast?.nodeName).toBe("w:tbl");
    expect(last?.nodeName).toBe("w:p");
    expect(textOf(last as Element)).toBe("");
    expect(val(last as Element, "w:spacing", "w:line")).toBe("20");
  });
});

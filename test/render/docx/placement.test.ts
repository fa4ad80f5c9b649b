import { describe, expect, it } from "vitest";
import type {
  Block,
  SignatureBlock,
  SignaturesNode,
  TableNode,
} from "../../../src/document/types.js";
import { leadIntoSignatures } from "../../../src/render/docx/keep.js";
import type { DocxOptions } from "../../../src/render/docx/options.js";
import { separatorChange } from "../../../src/render/docx/state.js";
import { changed, h, p, sampleTree, text as t, treeWith } from "../../helpers/trees.js";
import { all, child, render, textOf } from "./helpers.js";

const party = (name: string): SignatureBlock => ({
  partyId: name,
  party: name,
  name: null,
  title: null,
  place: null,
});
const signatures = (count = 2): SignaturesNode => ({
  type: "signatures",
  blocks: Array.from({ length: count }, (_, i) => party(`Part ${i + 1}`)),
});
const table: TableNode = {
  type: "table",
  align: ["left", "right"],
  header: [[t("Resurs")], [t("Kostnad")]],
  rows: [[[t("Personal")], [t("650\u00a0000 kr")]]],
};

/** Whether a paragraph keeps with the next (`w:keepNext` in its own properties). */
const keeps = (para: Element): boolean => {
  const pPr = child(para, "w:pPr");
  return pPr !== undefined && child(pPr, "w:keepNext") !== undefined;
};

async function body(children: Block[], options: DocxOptions = {}) {
  const doc = (await render(treeWith(children), options)).xml("word/document.xml");
  const bodyEl = all(doc, "w:body")[0] as Element;
  const tables = all(doc, "w:tbl");
  const signatureRows = all(tables.at(-1) as Element, "w:tr");
  /** Top-level paragraphs (not in tables), by text. */
  const top = all(bodyEl, "w:p").filter((para) => para.parentNode === bodyEl);
  const keptTexts = top.filter(keeps).map(textOf);
  return { doc, bodyEl, top, keptTexts, signatureRows };
}

describe("keeping the text before the signatures with them", () => {
  it("should keep the closing section's heading and paragraph with the signatures, and nothing before", async () => {
    const { keptTexts } = await body([
      h(1, "1", "Åtagande"),
      p("Föreningen ska ge stöd."),
      h(1, "2", "Underskrift"),
      p("Överenskommelsen har upprättats i två likalydande exemplar."),
      signatures(),
    ]);
    expect(keptTexts).toEqual([
      "Underskrift",
      "Överenskommelsen har upprättats i två likalydande exemplar.",
    ]);
  });

  it("should keep only the last paragraph when the closing section is long", async () => {
    const { keptTexts } = await body([
      h(1, "1", "Avslutning"),
      p("Ett."),
      p("Två."),
      p("Tre."),
      p("Fyra."),
      signatures(),
    ]);
    expect(keptTexts).toEqual(["Fyra."]);
  });

  it("should keep the last paragraph when no heading precedes the signatures", async () => {
    const { keptTexts } = await body([p("Ett."), p("Två."), signatures()]);
    expect(keptTexts).toEqual(["Två."]);
  });

  it("should keep every item of a list and every cell of a table in the closing section", async () => {
    const list: Block = { type: "list", ordered: false, items: [[p("A.")], [p("B.")]] };
    const { doc, keptTexts } = await body([h(1, "3", "Underskrift"), list, table, signatures()]);
    // the heading's number is text here, as Word's numbering would not start at 3
    expect(keptTexts).toEqual(["3\tUnderskrift", "A.", "B."]);
    const budget = all(doc, "w:tbl")[0] as Element;
    expect(all(budget, "w:p").every(keeps)).toBe(true);
  });

  it("should keep the first signature block with the second, and not the last one", async () => {
    const { signatureRows } = await body([h(1, "1", "Underskrift"), p("Text."), signatures()]);
    const [first, second] = signatureRows.map((row) => all(row, "w:p"));
    expect(first?.every(keeps)).toBe(true);
    expect(second?.some(keeps)).toBe(false);
  });

  it("should keep the last block with the copy label after it", async () => {
    const { signatureRows, top } = await body([p("Text."), signatures()], {
      copyLabel: "Exemplar 1 av 2",
    });
    expect(all(signatureRows.at(-1) as Element, "w:p").every(keeps)).toBe(true);
    expect(textOf(top.at(-1) as Element)).toBe("Exemplar 1 av 2");
  });

  it("should keep three blocks together, but of more than fit on a page only the first two", async () => {
    const kept = async (count: number) =>
      (await body([p("Text."), signatures(count)])).signatureRows.map((row) =>
        all(row, "w:p").every(keeps),
      );
    expect(await kept(3)).toEqual([true, true, false]);
    expect(await kept(6)).toEqual([true, false, false, false, false, false]);
  });

  it("should mark the sample's closing heading and paragraph", async () => {
    const doc = (await render(sampleTree())).xml("word/document.xml");
    const kept = all(doc, "w:p")
      .filter((para) => para.parentNode?.nodeName === "w:body" && keeps(para))
      .map(textOf);
    expect(kept).toEqual([
      expect.stringContaining("Underskrift"),
      "Bilagan är upprättad i två likalydande exemplar, av vilka parterna tagit var sitt.",
    ]);
  });
});

describe("leadIntoSignatures", () => {
  it("should take the heading and up to three blocks after it", () => {
    const blocks = [h(1, "1", "A"), p("1"), h(1, "2", "B"), p("2"), p("3"), p("4")];
    const tree = [...blocks, signatures()];
    expect([...leadIntoSignatures(tree)]).toEqual(blocks.slice(2));
  });

  it("should take nothing when the signatures come first", () => {
    expect(leadIntoSignatures([signatures(), p("Efter.")]).size).toBe(0);
  });
});

describe("space after a table", () => {
  const spacingBefore = (para: Element) => {
    const pPr = child(para, "w:pPr");
    const spacing = pPr ? child(pPr, "w:spacing") : undefined;
    return spacing?.getAttribute("w:before") ?? undefined;
  };

  it("should give the paragraph after a table room above, and the others none of their own", async () => {
    const { top } = await body([p("Före."), table, p("Efter."), p("Sedan.")]);
    const byText = (text: string) => top.find((para) => textOf(para) === text) as Element;
    expect(Number(spacingBefore(byText("Efter.")))).toBeGreaterThanOrEqual(120);
    expect(spacingBefore(byText("Före."))).toBeUndefined();
    expect(spacingBefore(byText("Sedan."))).toBeUndefined();
  });

  it("should give the first item of a list after a table room above", async () => {
    const list: Block = { type: "list", ordered: true, items: [[p("A.")], [p("B.")]] };
    const { top } = await body([table, list]);
    const [a, b] = top.filter((para) => ["A.", "B."].includes(textOf(para)));
    expect(Number(spacingBefore(a as Element))).toBeGreaterThanOrEqual(120);
    expect(spacingBefore(b as Element)).toBeUndefined();
  });

  it("should put a paragraph between two tables, which Word would otherwise join", async () => {
    const { bodyEl } = await body([table, table]);
    const names = Array.from(bodyEl.childNodes as unknown as ArrayLike<Node>)
      .filter((n) => n.nodeType === 1)
      .map((n) => n.nodeName);
    const first = names.indexOf("w:tbl");
    expect(names.slice(first, first + 3)).toEqual(["w:tbl", "w:p", "w:tbl"]);
  });

  it("should track the paragraph between two tables so it is there exactly when both are", async () => {
    const marks = async (first: Block, second: Block) => {
      const { bodyEl } = await body([first, second]);
      const between = all(bodyEl, "w:tbl")[0]?.nextSibling as Element;
      expect(between.nodeName).toBe("w:p");
      return all(between, "w:ins").length > 0
        ? "ins"
        : all(between, "w:del").length > 0
          ? "del"
          : "none";
    };
    expect(await marks(table, changed(table, "ins"))).toBe("ins");
    expect(await marks(changed(table, "del"), table)).toBe("del");
    // a deleted table replaced by an inserted one: never both there, so nothing between
    const { bodyEl } = await body([changed(table, "del"), changed(table, "ins")]);
    expect(all(bodyEl, "w:tbl")[0]?.nextSibling?.nodeName).toBe("w:tbl");
  });

  it("should give the separator's change from the changes of the tables around it", () => {
    expect(separatorChange(undefined, undefined)).toBeUndefined();
    expect(separatorChange(undefined, "ins")).toBe("ins");
    expect(separatorChange("ins", "ins")).toBe("ins");
    expect(separatorChange("del", undefined)).toBe("del");
    expect(separatorChange("del", "del")).toBe("del");
    expect(separatorChange("del", "ins")).toBe("none");
    expect(separatorChange("ins", "del")).toBe("none");
  });
});

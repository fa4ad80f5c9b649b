import { describe, expect, it } from "vitest";
import { ol, p, sampleTree, treeWith, ul } from "../../helpers/trees.js";
import { all, render, val } from "./helpers.js";
import { labelledParagraphs } from "./word-numbering.js";

/** Text and Word's label of every list paragraph. */
const listParagraphs = async (tree = sampleTree()) =>
  (await labelledParagraphs(tree))
    .filter((x) => x.style === "ListParagraph")
    .map(({ para, text, label }) => ({ para, text, label: label ?? "" }));

describe("list", () => {
  it("should render bullet items as List Paragraphs with a bullet", async () => {
    const items = await listParagraphs();
    expect(items.slice(0, 3).map((x) => x.label)).toEqual(["•", "•", "•"]);
    expect(items.slice(0, 3).map((x) => val(x.para, "w:ilvl"))).toEqual(["0", "0", "0"]);
  });

  it("should render a nested ordered list one level in, numbered a)", async () => {
    const items = await listParagraphs();
    const nested = items.find((x) => x.text === "Första kontakten inom tre dagar.");
    expect(nested && val(nested.para, "w:ilvl")).toBe("1");
    expect(nested?.label).toBe("a)");
  });

  it("should number an ordered list 1., 2., 3.", async () => {
    const tree = treeWith([ol([p("Ett")], [p("Två")], [p("Tre")])]);
    expect((await listParagraphs(tree)).map((x) => x.label)).toEqual(["1.", "2.", "3."]);
  });

  it("should start every ordered list at 1", async () => {
    const tree = treeWith([ol([p("Ett")], [p("Två")]), p("Mellan listorna."), ol([p("Ett igen")])]);
    expect((await listParagraphs(tree)).map((x) => x.label)).toEqual(["1.", "2.", "1."]);
  });

  it("should number three levels 1., a), i.", async () => {
    const tree = treeWith([ol([p("Ett"), ol([p("A"), ol([p("I"), p("Fortsättning")])])])]);
    const items = await listParagraphs(tree);
    expect(items.map((x) => [x.text, x.label])).toEqual([
      ["Ett", "1."],
      ["A", "a)"],
      ["I", "i."],
      ["Fortsättning", ""],
    ]);
  });

  it("should indent an item's further paragraphs to its text, without a number", async () => {
    const tree = treeWith([ul([p("Först"), p("Sedan")])]);
    const items = await listParagraphs(tree);
    const second = items.find((x) => x.text === "Sedan")?.para as Element;
    expect(all(second, "w:numPr")).toHaveLength(0);
    expect(val(second, "w:ind", "w:left")).toBe("567");
  });

  it("should define bullets and numbers with hanging indents growing by level", async () => {
    const numbering = (await render(sampleTree())).xml("word/numbering.xml");
    const bullet = all(numbering, "w:abstractNum").find(
      (a) => val(a, "w:lvlText") === "•" && val(a, "w:numFmt") === "bullet",
    ) as Element;
    const lefts = all(bullet, "w:lvl")
      .slice(0, 3)
      .map((l) => Number(val(l, "w:ind", "w:left")));
    expect(lefts).toEqual([567, 1134, 1701]);
    expect(val(bullet, "w:ind", "w:hanging")).toBe("340");
  });

  it("should keep every item's text, in order", async () => {
    expect((await listParagraphs()).map((x) => x.text)).toEqual([
      "Stödsamtal via telefon och personliga möten.",
      "Information om rättsprocessen.",
      "Medföljning vid anmälan, förhör och rättegång.",
      "Första kontakten inom tre dagar.",
    ]);
  });
});

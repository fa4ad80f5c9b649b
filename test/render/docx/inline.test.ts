import { describe, expect, it } from "vitest";
import { p, sampleTree, text as t, treeWith } from "../../helpers/trees.js";
import { all, child, paragraphWithText, render, styleOf } from "./helpers.js";

const runs = (para: Element) => all(para, "w:r");
const runWith = (para: Element, text: string) => {
  const run = runs(para).find((r) => all(r, "w:t")[0]?.textContent === text);
  if (!run) throw new Error(`no run "${text}"`);
  return run;
};
const props = (run: Element) =>
  Array.from((child(run, "w:rPr")?.childNodes ?? []) as unknown as ArrayLike<Node>).map(
    (n) => n.nodeName,
  );

async function paragraph(...children: Parameters<typeof p>) {
  const doc = (await render(treeWith([p(...children)]))).xml("word/document.xml");
  return all(doc, "w:p").at(-1) as Element;
}

describe("paragraph and inline content", () => {
  it("should render a paragraph in the Normal style (no w:pStyle)", async () => {
    const doc = (await render(sampleTree())).xml("word/document.xml");
    const para = paragraphWithText(
      doc,
      "Bilagan är upprättad i två likalydande exemplar, av vilka parterna tagit var sitt.",
    );
    expect(styleOf(para)).toBeUndefined();
  });

  it("should render text as a plain run keeping its spaces", async () => {
    const para = await paragraph("Hej ", "då");
    expect(runs(para).map((r) => all(r, "w:t")[0]?.textContent)).toEqual(["Hej ", "då"]);
    expect(all(para, "w:t")[0]?.getAttribute("xml:space")).toBe("preserve");
    expect(props(runWith(para, "Hej "))).toEqual([]);
  });

  it("should render strong as bold runs", async () => {
    const para = await paragraph("a ", { type: "strong", children: [t("fet")] });
    expect(props(runWith(para, "fet"))).toContain("w:b");
    expect(props(runWith(para, "fet"))).not.toContain("w:i");
  });

  it("should render emphasis as italic runs", async () => {
    const para = await paragraph({ type: "emphasis", children: [t("kursiv")] });
    expect(props(runWith(para, "kursiv"))).toContain("w:i");
  });

  it("should combine nested strong and emphasis", async () => {
    const para = await paragraph({
      type: "strong",
      children: [{ type: "emphasis", children: [t("båda")] }],
    });
    expect(props(runWith(para, "båda"))).toEqual(expect.arrayContaining(["w:b", "w:i"]));
  });

  it("should render a break as a line break inside the paragraph", async () => {
    const para = await paragraph("rad ett", { type: "break" }, "rad två");
    expect(all(para, "w:br")).toHaveLength(1);
    expect(runs(para)).toHaveLength(3);
  });

  it("should turn a soft line break in text into a space", async () => {
    const para = await paragraph("rad ett\nrad två");
    expect(all(para, "w:t")[0]?.textContent).toBe("rad ett rad två");
  });

  it("should leave out empty text", async () => {
    const para = await paragraph("", "x");
    expect(runs(para)).toHaveLength(1);
  });
});

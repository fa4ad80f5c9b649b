import { describe, expect, it } from "vitest";
import { changed, del, ins, p, text as t, treeWith } from "../../helpers/trees.js";
import { all, child, paragraphWithText, parseXml, render, textOf } from "./helpers.js";
import { redlineTree } from "./trees.js";

/** Every change marker of a document.xml (`w:ins` and `w:del`, runs and paragraph marks). */
const changeMarkers = (xml: string): Element[] => {
  const doc = parseXml(xml);
  return [...all(doc, "w:ins"), ...all(doc, "w:del")];
};

const documentXml = async (...args: Parameters<typeof render>) =>
  (await render(...args)).text("word/document.xml");

/** The paragraph mark's change (`w:pPr/w:rPr/w:ins|w:del`) of a paragraph. */
const markChange = (para: Element) => {
  const rPr = child(child(para, "w:pPr") as Element, "w:rPr");
  return rPr ? (child(rPr, "w:ins") ?? child(rPr, "w:del"))?.nodeName : undefined;
};

describe("change", () => {
  it("should render inline insertions as runs inside w:ins", async () => {
    const doc = parseXml(await documentXml(treeWith([p("a ", ins(t("ny")), " b")])));
    const [insertion] = all(doc, "w:ins");
    expect(insertion && textOf(insertion)).toBe("ny");
    expect(insertion?.getAttribute("w:author")).toBe("iop diff");
  });

  it("should render inline deletions as w:delText runs inside w:del", async () => {
    const doc = parseXml(await documentXml(treeWith([p("a ", del(t("gammal")), " b")])));
    const [deletion] = all(doc, "w:del");
    expect(deletion && all(deletion, "w:delText").map((d) => d.textContent)).toEqual(["gammal"]);
    expect(deletion && all(deletion, "w:t")).toHaveLength(0);
  });

  it("should keep formatting inside a change", async () => {
    const doc = parseXml(
      await documentXml(treeWith([p(ins({ type: "strong", children: [t("fet")] }))])),
    );
    expect(all(all(doc, "w:ins")[0] as Element, "w:b")).toHaveLength(1);
  });

  it("should leave out the date by default and write the date and author given", async () => {
    const tree = treeWith([p(ins(t("ny")))]);
    const plain = parseXml(await documentXml(tree));
    expect(all(plain, "w:ins")[0]?.hasAttribute("w:date")).toBe(false);
    const dated = parseXml(
      await documentXml(tree, { revision: { author: "Anna", date: "2025-03-25" } }),
    );
    expect(all(dated, "w:ins")[0]?.getAttribute("w:date")).toBe("2025-03-25T00:00:00Z");
    expect(all(dated, "w:ins")[0]?.getAttribute("w:author")).toBe("Anna");
  });

  it("should keep a full date-time as given", async () => {
    const options = { revision: { author: "iop diff", date: "2025-03-25T12:30:00Z" } };
    const doc = parseXml(await documentXml(treeWith([p(del(t("x")))]), options));
    expect(all(doc, "w:del")[0]?.getAttribute("w:date")).toBe("2025-03-25T12:30:00Z");
  });

  it("should give every change its own id", async () => {
    const markers = changeMarkers(await documentXml(redlineTree()));
    const ids = markers.map((m) => m.getAttribute("w:id"));
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("should mark the runs and the paragraph mark of an inserted paragraph", async () => {
    const doc = parseXml(await documentXml(redlineTree()));
    const para = paragraphWithText(doc, "Ett helt nytt stycke.");
    expect(markChange(para)).toBe("w:ins");
    expect(all(para, "w:r").every((r) => r.parentNode?.nodeName === "w:ins")).toBe(true);
  });

  it("should mark the runs and the paragraph mark of a deleted paragraph", async () => {
    const doc = parseXml(await documentXml(redlineTree()));
    const para = paragraphWithText(doc, "Ett stycke som tas bort.");
    expect(markChange(para)).toBe("w:del");
    expect(all(para, "w:r").every((r) => r.parentNode?.nodeName === "w:del")).toBe(true);
  });

  it("should mark inserted and deleted headings and list items", async () => {
    const doc = parseXml(await documentXml(redlineTree()));
    expect(markChange(paragraphWithText(doc, "3\tUppföljning"))).toBe("w:del");
    expect(markChange(paragraphWithText(doc, "3\tUppsägning"))).toBe("w:ins");
    expect(markChange(paragraphWithText(doc, "Medföljning."))).toBe("w:ins");
    expect(markChange(paragraphWithText(doc, "Stödsamtal."))).toBeUndefined();
  });

  it("should mark every row of an inserted table", async () => {
    const table = changed(
      { type: "table", align: ["left"], header: [[t("A")]], rows: [[[t("B")]]] } as const,
      "ins",
    );
    const doc = parseXml(await documentXml(treeWith([table])));
    const rows = all(doc, "w:tr");
    expect(rows.map((r) => child(child(r, "w:trPr") as Element, "w:ins") !== undefined)).toEqual([
      true,
      true,
    ]);
  });
});

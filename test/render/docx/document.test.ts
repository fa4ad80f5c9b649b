import { describe, expect, it } from "vitest";
import { sampleTree, treeWith } from "../../helpers/trees.js";
import { all, child, paragraphs, render, style, styleOf, textOf, val } from "./helpers.js";

describe("document", () => {
  it("should lay out A4 pages with 25 mm margins", async () => {
    const doc = (await render(sampleTree())).xml("word/document.xml");
    const sectPr = all(doc, "w:sectPr")[0] as Element;
    expect(val(sectPr, "w:pgSz", "w:w")).toBe("11906");
    expect(val(sectPr, "w:pgSz", "w:h")).toBe("16838");
    for (const side of ["w:top", "w:right", "w:bottom", "w:left"]) {
      expect(val(sectPr, "w:pgMar", side)).toBe("1417");
    }
  });

  it("should set DejaVu Sans (the PDF's typeface) 11 pt and Swedish as the document defaults", async () => {
    const styles = (await render(sampleTree())).xml("word/styles.xml");
    const rPrDefault = all(styles, "w:rPrDefault")[0] as Element;
    expect(val(rPrDefault, "w:rFonts", "w:ascii")).toBe("DejaVu Sans");
    expect(val(rPrDefault, "w:sz")).toBe("22");
    expect(val(rPrDefault, "w:lang")).toBe("sv-SE");
  });

  it("should define Word's built-in styles under their built-in ids and names", async () => {
    const styles = (await render(sampleTree())).xml("word/styles.xml");
    const names = {
      Normal: "Normal",
      Title: "Title",
      Subtitle: "Subtitle",
      Heading1: "heading 1",
      Heading2: "heading 2",
      Heading3: "heading 3",
      ListParagraph: "List Paragraph",
      TableGrid: "Table Grid",
      Header: "header",
      Footer: "footer",
    };
    for (const [id, name] of Object.entries(names)) {
      expect(val(style(styles, id), "w:name")).toBe(name);
      expect(all(styles, "w:style").filter((s) => s.getAttribute("w:styleId") === id)).toHaveLength(
        1,
      );
    }
    expect(style(styles, "TableGrid").getAttribute("w:type")).toBe("table");
    expect(all(style(styles, "Heading1"), "w:keepNext")).toHaveLength(1);
  });

  it("should start with the title and subtitle in the Title and Subtitle styles", async () => {
    const doc = (await render(sampleTree())).xml("word/document.xml");
    const [title, subtitle] = paragraphs(doc);
    expect([styleOf(title as Element), textOf(title as Element)]).toEqual([
      "Title",
      "Bilaga 1, Brottsofferjouren Stockholm-Gotland",
    ]);
    expect(styleOf(subtitle as Element)).toBe("Subtitle");
  });

  it("should leave out the subtitle when there is none", async () => {
    const tree = sampleTree();
    delete tree.meta.subtitle;
    const doc = (await render(tree)).xml("word/document.xml");
    expect(paragraphs(doc).filter((para) => styleOf(para) === "Subtitle")).toHaveLength(0);
  });

  it("should put the title on the left and the diarienummer on the right of the header", async () => {
    const parts = await render(sampleTree());
    const header = parts.xml("word/header1.xml");
    const cells = all(header, "w:tc");
    expect(cells.map(textOf)).toEqual([
      "Bilaga 1, Brottsofferjouren Stockholm-Gotland",
      "Dnr\u00a02021/630",
    ]);
    expect(val(cells[1] as Element, "w:jc")).toBe("right");
    expect(all(header, "w:p").every((para) => styleOf(para) === "Header")).toBe(true);
    expect(parts.text("word/_rels/document.xml.rels")).toContain('Target="header1.xml"');
  });

  it("should embed the four faces of DejaVu Sans, the files the PDF embeds subsets of", async () => {
    const parts = await render(sampleTree());
    const table = parts.xml("word/fontTable.xml");
    const font = all(table, "w:font").find((f) => f.getAttribute("w:name") === "DejaVu Sans");
    expect(font).toBeDefined();
    const embeds = ["w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic"];
    const ids = embeds.map((name) => all(font as Element, name)[0]?.getAttribute("r:id"));
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    const rels = parts.xml("word/_rels/fontTable.xml.rels");
    const targets = all(rels, "Relationship").filter((r) => ids.includes(r.getAttribute("Id")));
    expect(targets).toHaveLength(4);
    for (const rel of targets) {
      const file = parts.files[`word/${rel.getAttribute("Target")}`];
      // An obfuscated font (ECMA-376 Part 2, 17.8.1): the size of the original TrueType file.
      expect(file?.length).toBeGreaterThan(500_000);
    }
  });

  it("should print the fingerprint left and Sida X (Y) right in the footer, as the PDF does", async () => {
    const footer = (await render(sampleTree(), { fingerprint: "3f2a 91c0 77be" })).xml(
      "word/footer1.xml",
    );
    const text = all(footer, "w:t")
      .map((t) => t.textContent)
      .join("");
    expect(text).toBe("Kontrollsumma 3f2a 91c0 77beSida  ()");
    expect(all(footer, "w:tab").length).toBeGreaterThanOrEqual(2); // the tab stop and the tab
    expect(all(footer, "w:instrText").map((i) => i.textContent?.trim())).toEqual([
      "PAGE",
      "NUMPAGES",
    ]);
  });

  it("should write Sida X (Y) in the footer with PAGE and NUMPAGES fields", async () => {
    const footer = (await render(sampleTree())).xml("word/footer1.xml");
    const instructions = all(footer, "w:instrText").map((i) => i.textContent?.trim());
    expect(instructions).toEqual(["PAGE", "NUMPAGES"]);
    const text = all(footer, "w:t")
      .map((t) => t.textContent)
      .join("");
    expect(text).toBe("Sida  ()");
    expect(all(footer, "w:fldChar").map((f) => f.getAttribute("w:fldCharType"))).toEqual([
      "begin",
      "separate",
      "end",
      "begin",
      "separate",
      "end",
    ]);
  });

  it("should write title, subject, author, keywords, language and dates to core.xml", async () => {
    const core = (await render(sampleTree())).xml("docProps/core.xml");
    const text = (name: string) => all(core, name)[0]?.textContent;
    expect(text("dc:title")).toBe("Bilaga 1, Brottsofferjouren Stockholm-Gotland");
    expect(text("dc:subject")).toBe("Idéburet offentligt partnerskap (IOP)");
    expect(text("dc:creator")).toBe("Socialnämnden i Stockholms stad");
    expect(text("cp:keywords")).toBe("IOP, brottsofferstöd, bilaga");
    expect(text("dc:language")).toBe("sv-SE");
    expect(text("dcterms:created")).toBe("2025-03-25T00:00:00Z");
    expect(text("dcterms:modified")).toBe("2025-03-25T00:00:00Z");
    expect(val(core, "dcterms:created", "xsi:type")).toBe("dcterms:W3CDTF");
  });

  it("should leave the dates out of core.xml when the tree has no date", async () => {
    const tree = treeWith([], { date: undefined });
    const core = (await render(tree)).xml("docProps/core.xml");
    expect(all(core, "dcterms:created")).toHaveLength(0);
    expect(all(core, "dcterms:modified")).toHaveLength(0);
  });

  it("should escape XML in document properties", async () => {
    const core = (await render(treeWith([], { title: "A & B <C>" }))).xml("docProps/core.xml");
    expect(all(core, "dc:title")[0]?.textContent).toBe("A & B <C>");
  });

  it("should zip [Content_Types].xml first and the parts in a fixed order", async () => {
    const parts = await render(sampleTree());
    const names = Object.keys(parts.files);
    expect(names.slice(0, 5)).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "docProps/app.xml",
      "word/document.xml",
    ]);
    const types = parts.xml("[Content_Types].xml");
    const overrides = all(types, "Override").map((o) => o.getAttribute("PartName"));
    for (const name of names.filter((n) => n.endsWith(".xml") && !n.startsWith("["))) {
      expect(overrides).toContain(`/${name}`);
    }
    expect(child(types.documentElement, "Default")).toBeDefined();
  });
});

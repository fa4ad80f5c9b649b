/**
 * The HTML renderer's output read back by a parser that is not ours (xmldom, as the Word and PDF
 * tests read XML): the page parses without errors, and its elements hold the tree's text.
 */
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { blockText, inlineText, normalizeWhitespace } from "../../../src/document/text.js";
import type { Block, HeadingNode, TableNode } from "../../../src/document/types.js";
import { htmlPage, renderHtml } from "../../../src/render/html/index.js";
import { h, p, sampleTree, text as t, treeOf } from "../../helpers/trees.js";

const tree = (...blocks: Block[]) => treeOf(blocks);

/** Parses a page as HTML, failing on any error or warning the parser reports. */
function parse(html: string): Document {
  const problems: string[] = [];
  const report = (level: string) => (message: string) => {
    problems.push(`${level}: ${message}`);
  };
  const doc = new DOMParser({
    errorHandler: {
      warning: report("warning"),
      error: report("error"),
      fatalError: report("fatal"),
    },
  }).parseFromString(html, "text/html");
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

const all = (doc: Document | Element, tag: string): Element[] =>
  Array.from(doc.getElementsByTagName(tag));
const text = (el: Element | undefined): string => normalizeWhitespace(el?.textContent ?? "");

const walk = (blocks: readonly Block[]): Block[] =>
  blocks.flatMap((b) => (b.type === "list" ? [b, ...walk(b.items.flat())] : [b]));

describe("renderHtml read back by an HTML parser", () => {
  const source = sampleTree();
  const doc = parse(htmlPage(source.meta.title, renderHtml(source)));
  const blocks = walk(source.children);

  it("should be a Swedish page whose title and h1 are the document's title", () => {
    expect(all(doc, "html")[0]?.getAttribute("lang")).toBe("sv");
    expect(text(all(doc, "title")[0])).toBe(source.meta.title);
    expect(all(doc, "h1").map(text)).toEqual([source.meta.title]);
  });

  it("should give every heading an element one level below its depth, with its number and id", () => {
    const headings = blocks.filter((b): b is HeadingNode => b.type === "heading");
    expect(headings.length).toBeGreaterThan(3);
    const elements = all(doc, "*").filter((el) => /^h[2-4]$/i.test(el.tagName));
    expect(
      elements.map((el) => [
        el.tagName.toLowerCase(),
        text(el),
        el.getAttribute("id") || undefined,
      ]),
    ).toEqual(
      headings.map((hd) => [
        `h${hd.depth + 1}`,
        normalizeWhitespace(`${hd.number} ${inlineText(hd.children)}`),
        hd.id,
      ]),
    );
  });

  it("should give every table its header, body rows and total in the right parts", () => {
    const tables = blocks.filter((b): b is TableNode => b.type === "table");
    expect(tables.length).toBeGreaterThan(0);
    const elements = all(doc, "table");
    expect(elements).toHaveLength(tables.length);
    tables.forEach((table, k) => {
      const el = elements[k] as Element;
      const cells = (row: Element) => all(row, "*").filter((c) => /^t[hd]$/i.test(c.tagName));
      const [thead] = all(el, "thead");
      const [tbody] = all(el, "tbody");
      expect(cells(thead as Element).map(text)).toEqual(table.header.map(inlineText));
      expect(all(tbody as Element, "tr").map((r) => cells(r).map(text))).toEqual(
        table.rows.map((r) => r.map((c) => normalizeWhitespace(inlineText(c)))),
      );
      const [tfoot] = all(el, "tfoot");
      expect(tfoot ? cells(tfoot).map(text) : undefined).toEqual(
        table.total?.map((c) => normalizeWhitespace(inlineText(c))),
      );
    });
  });

  it("should hold the text of every paragraph", () => {
    const paragraphs = new Set(all(doc, "p").map(text));
    const missing = blocks
      .filter((b) => b.type === "paragraph")
      .map((b) => normalizeWhitespace(blockText(b)))
      .filter((s) => s !== "" && !paragraphs.has(s));
    expect(missing).toEqual([]);
  });
});

describe("a redline read back by an HTML parser", () => {
  it("should put inserted and deleted text in ins and del elements, a whole block wrapped", () => {
    const html = renderHtml(
      tree(
        h(1, "1", "Syfte"),
        p(
          t("Stödet ges "),
          { type: "change", kind: "del", children: [t("varje vecka")] },
          {
            type: "change",
            kind: "ins",
            children: [t("varje dag")],
          },
        ),
        { ...p("Nytt stycke."), change: "ins" },
      ),
    );
    const doc = parse(htmlPage("Jämförelse", html));
    expect(all(doc, "del").map(text)).toEqual(["varje vecka"]);
    expect(all(doc, "ins").map(text)).toEqual(["varje dag", "Nytt stycke."]);
    const block = all(doc, "ins")[1] as Element;
    expect(block.getAttribute("class")).toBe("block");
    expect(all(block, "p").map(text)).toEqual(["Nytt stycke."]);
  });

  it("should give back an id with markup characters as it was", () => {
    const doc = parse(
      htmlPage("x", renderHtml(tree(h(1, "1", "A", `a"<b>&c`)), { idPrefix: "p-" })),
    );
    expect(all(doc, "h2")[0]?.getAttribute("id")).toBe(`p-a"<b>&c`);
  });
});

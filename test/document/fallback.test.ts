import { describe, expect, it } from "vitest";
import { blockText } from "../../src/document/text.js";
import { build, tree } from "./input.js";

const texts = (markdown: string) => tree(markdown).children.map(blockText);

describe("constructs without a handler of their own", () => {
  it("should keep the text of a code block, line by line", () => {
    const [block] = tree("```\nrad ett\nrad två\n```").children;
    expect(block).toEqual({
      type: "paragraph",
      children: [
        { type: "text", value: "rad ett" },
        { type: "break" },
        { type: "text", value: "rad två" },
      ],
    });
  });

  it("should keep the content of a block quote", () => {
    expect(texts("> Citerad text.")).toEqual(["Citerad text."]);
  });

  it("should keep HTML as text, not interpret it", () => {
    expect(texts("<div>x</div>")).toEqual(["<div>x</div>"]);
    expect(texts("a <b>fet</b> b")).toEqual(["a <b>fet</b> b"]);
  });

  it("should keep the text of links, images and code spans", () => {
    expect(texts("[länk](http://x) ![bild](y.png) `kod` www.example.com ~~struken~~")).toEqual([
      "länk bild kod www.example.com struken",
    ]);
  });

  it("should keep a footnote's text, and a task list item's without its box (GFM)", () => {
    expect(texts("Se not[^1].\n\n[^1]: Fotnotens text.")).toEqual(["Se not.", "Fotnotens text."]);
    expect(texts("- [ ] uppgift\n- [x] klar")).toEqual(["uppgift\nklar"]);
  });

  it("should keep a bare web address as written", () => {
    expect(texts("Läs https://example.se/iop och www.x.se.")).toEqual([
      "Läs https://example.se/iop och www.x.se.",
    ]);
  });

  it("should drop thematic breaks and link definitions, which hold no text", () => {
    expect(texts("A\n\n---\n\n[x]: http://x\n\nB")).toEqual(["A", "B"]);
  });

  it("should keep the text of an unknown directive", () => {
    expect(texts("::okand{a=1}")).toEqual(["::okand{a=1}"]);
    expect(texts(":::okand\nInnehåll\n:::")).toEqual(["Innehåll"]);
  });

  it("should never throw on odd input", () => {
    for (const md of ["", "\n\n", "|", "[^1]\n\n[^1]: fotnot", "- [ ] uppgift", "***"]) {
      expect(() => build(md)).not.toThrow();
    }
  });
});

describe("text", () => {
  it("should turn soft line breaks into spaces and keep hard breaks", () => {
    expect(tree("rad ett\nrad två  \nrad tre").children[0]).toEqual({
      type: "paragraph",
      children: [
        { type: "text", value: "rad ett rad två" },
        { type: "break" },
        { type: "text", value: "rad tre" },
      ],
    });
  });

  it("should keep strong and emphasis", () => {
    expect(tree("a **b** *c*").children[0]).toEqual({
      type: "paragraph",
      children: [
        { type: "text", value: "a " },
        { type: "strong", children: [{ type: "text", value: "b" }] },
        { type: "text", value: " " },
        { type: "emphasis", children: [{ type: "text", value: "c" }] },
      ],
    });
  });

  it("should keep nested lists inside list items", () => {
    const [list] = tree("1. ett\n   - a\n2. två").children;
    expect(list?.type === "list" && list.ordered).toBe(true);
    expect(list?.type === "list" && list.items[0]?.map((b) => b.type)).toEqual([
      "paragraph",
      "list",
    ]);
  });

  it("should carry the document's name, kind, meta and signing", () => {
    const { tree: t } = build("## A", "bilaga");
    expect([t.type, t.kind, t.name, t.meta.title, t.signing.mode]).toEqual([
      "document",
      "bilaga",
      "bilaga-1",
      "Titel",
      "papper",
    ]);
  });
});

import { toMarkdown } from "mdast-util-to-markdown";
import { describe, expect, it } from "vitest";
import { documentText } from "../../../src/document/text.js";
import type { Block, DocumentTree, Inline } from "../../../src/document/types.js";
import { buildDocuments } from "../../../src/pipeline.js";
import { renderMarkdown, toMdast } from "../../../src/render/markdown/index.js";
import { OPTIONS, piecesWritten } from "../../../src/render/markdown/render.js";
import { EXAMPLES, loadExample } from "../../compose/load.js";
import { treeOf } from "../../helpers/trees.js";
import { bodyOf, inlineText, markdownText } from "./helpers.js";

/** Data values that read as Markdown (or as iop's own conventions) unless escaped. */
const TRICKY = [
  "Föreningen *Stjärnan* & _Co_ #1 <b>fet</b> [länk](https://x.se) {{mall}}",
  "# Inte en rubrik #",
  "1. Inte en lista",
  "2) Inte heller",
  "- inget streck",
  "+ inget plus",
  "> inget citat",
  "| inte | en tabell |",
  "~~inte struken~~ ~inte heller~",
  "`ingen kod` och ```",
  "&amp; &#x41; &copy; \\ bakåtsnedstreck \\*",
  ":part[socialnamnden], :avsnitt[syfte] och ::signatur{part=x}",
  "***",
  "---",
  "___",
  "===",
  "<!-- ingen kommentar -->",
  "![ingen bild](a.png) [^fotnot]",
  "[ref]: https://example.org",
  "snake_case, 2*3*4 och __init__",
  "www.example.org och https://example.org",
  "Summa:\u00a0830\u00a0000\u00a0kr",
];
const text = (value: string): Inline[] => [{ type: "text", value }];

/** A tree with every tricky value in one place of the document. */
const places: Record<string, (value: string, i: number) => Block[]> = {
  paragraph: (value) => [{ type: "paragraph", children: text(value) }],
  heading: (value, i) => [
    { type: "heading", depth: 2, number: `1.${i + 1}`, children: text(value) },
  ],
  "list item": (value) => [
    { type: "list", ordered: false, items: [[{ type: "paragraph", children: text(value) }]] },
  ],
  "table cell": (value) => [
    {
      type: "table",
      align: ["left", "right"],
      header: [text(value), text("Belopp")],
      rows: [[text(value), text(value)]],
      total: [text(value), text("1 kr")],
    },
  ],
};

describe("escaping", () => {
  for (const [place, blocks] of Object.entries(places)) {
    it(`should read back every value in a ${place} as written`, () => {
      const tree = treeOf(TRICKY.flatMap(blocks));
      expect(markdownText(renderMarkdown(tree))).toBe(documentText(tree));
    });
  }

  it("should read back a title and subtitle as written", () => {
    for (const value of TRICKY) {
      const tree: DocumentTree = {
        ...treeOf([], { title: value }),
        meta: { ...treeOf([]).meta, title: value, subtitle: value },
      };
      expect(markdownText(renderMarkdown(tree))).toBe(documentText(tree));
    }
  });

  it("should read back party, name, title and place in a signature block as written", () => {
    for (const value of TRICKY) {
      const md = renderMarkdown(
        treeOf([
          {
            type: "signatures",
            blocks: [
              { partyId: "x", party: value, name: value, title: value, place: value, year: 2025 },
            ],
          },
        ]),
      );
      const [party, , who, date] = bodyOf(md).map(inlineText);
      expect([party, who, date]).toEqual([
        `För ${value}`,
        `${value}, ${value}`,
        `${value} den ____________ 2025`,
      ]);
    }
  });

  it("should read back as paragraphs of plain text: no markup, HTML, rule or list", () => {
    // Values with URLs are left out here: GFM viewers link a bare URL (same text), which is fine.
    const values = TRICKY.filter((v) => !/https:|www\./.test(v));
    const md = renderMarkdown(
      treeOf(values.map((value) => ({ type: "paragraph", children: text(value) }))),
    );
    const types = new Set<string>();
    const visit = (n: { type: string; children?: unknown[] }) => {
      types.add(n.type);
      for (const c of n.children ?? []) visit(c as typeof n);
    };
    for (const block of bodyOf(md)) visit(block);
    expect([...types].sort()).toEqual(["paragraph", "text"]);
  });
});

describe("escaping that tries only the patterns that can match", () => {
  /** The library's own escaping: every unsafe pattern on every text. */
  const library = (tree: DocumentTree) => toMarkdown(toMdast(tree), OPTIONS);
  const punctuation = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
    .filter((ch) => /[^\w ]/.test(ch))
    .flatMap((ch) => [ch, `a${ch}b`, `${ch}${ch}${ch}`, `${ch} x`, `x ${ch}`, `1${ch} x`]);

  it("writes what the library writes, for tricky values in every place", () => {
    const values = [...TRICKY, ...punctuation, "rad\nbrytning\r\noch\ttabb", ""];
    for (const blocks of Object.values(places)) {
      const tree = treeOf(values.flatMap(blocks));
      expect(renderMarkdown(tree)).toBe(library(tree));
    }
  });

  it("writes what the library writes, for the example agreements", async () => {
    for (const id of EXAMPLES) {
      const { documents } = buildDocuments(await loadExample(id));
      for (const { tree } of documents) expect(renderMarkdown(tree)).toBe(library(tree));
    }
  });
});

describe("a document serialised piece by piece", () => {
  const library = (tree: DocumentTree) => toMarkdown(toMdast(tree), OPTIONS);
  const paragraph = (value: string): Block => ({ type: "paragraph", children: text(value) });
  const list = (ordered: boolean, ...values: string[]): Block => ({
    type: "list",
    ordered,
    items: values.map((v) => [paragraph(v)]),
  });
  const heading = (value: string): Block => ({
    type: "heading",
    depth: 2,
    number: "1.1",
    children: text(value),
  });
  const table: Block = {
    type: "table",
    align: ["left"],
    header: [text("Rubrik")],
    rows: [[text("Cell")]],
  };

  it("writes what the library writes for the whole tree, around every kind of block", () => {
    const blocks = [
      paragraph("Först."),
      list(false, "a", "b"),
      list(false, "c"),
      list(true, "d"),
      list(true, "e"),
      paragraph("Mitt"),
      heading("Rubrik"),
      table,
      table,
      paragraph(""),
      paragraph("***"),
      list(false, "sist"),
      {
        type: "signatures",
        blocks: [{ partyId: "x", party: "P", name: null, title: null, place: null }],
      },
      paragraph(""),
    ] satisfies Block[];
    // Every window of the blocks: each kind of block first, last and beside each other kind.
    for (let start = 0; start < blocks.length; start++) {
      for (let end = start + 1; end <= blocks.length; end++) {
        const tree = treeOf(blocks.slice(start, end));
        expect(renderMarkdown(tree)).toBe(library(tree));
      }
    }
  });

  it("serialises again only the pieces it has not written before", () => {
    const tree = (first: string) =>
      treeOf([
        paragraph(first),
        heading("Syfte"),
        paragraph("Ett stycke."),
        list(false, "a"),
        paragraph("Sist."),
      ]);
    const before = piecesWritten();
    renderMarkdown(tree("Ett första stycke som är nytt"));
    const first = piecesWritten() - before;
    expect(first).toBeGreaterThan(2);
    expect(renderMarkdown(tree("Ett annat första stycke"))).toBe(
      library(tree("Ett annat första stycke")),
    );
    expect(piecesWritten() - before - first).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { documentText, normalizeWhitespace } from "../../src/document/text.js";
import type { DocumentTree } from "../../src/document/types.js";
import { sampleTree } from "../helpers/trees.js";

describe("documentText", () => {
  it("should give title, headings with numbers, paragraphs, table rows and signatures in order", () => {
    const text = documentText(sampleTree());
    const order = [
      "Bilaga 1, Brottsofferjouren",
      "1 Åtagande",
      "1.1 Stöd",
      "Första kontakten",
      "2 Socialförvaltningens",
      "Personal\t650\u00a0000 kr",
      "Summa\t830\u00a0000 kr",
      "3 Underskrift",
      "För Socialnämnden i Stockholms stad",
      "Cecilia Ekstrand, ordförande",
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("should leave out deleted redline blocks, also inside list items, and deleted words", () => {
    const tree: DocumentTree = {
      ...sampleTree(),
      children: [
        {
          type: "paragraph",
          change: "del",
          children: [{ type: "text", value: "borttaget stycke" }],
        },
        {
          type: "list",
          ordered: false,
          items: [
            [
              {
                type: "paragraph",
                change: "del",
                children: [{ type: "text", value: "borttagen punkt" }],
              },
            ],
            [
              {
                type: "paragraph",
                children: [
                  { type: "text", value: "kvar " },
                  { type: "change", kind: "del", children: [{ type: "text", value: "gammalt" }] },
                  { type: "change", kind: "ins", children: [{ type: "text", value: "nytt" }] },
                ],
              },
            ],
          ],
        },
      ],
    };
    const text = documentText(tree);
    expect(text).not.toContain("borttag");
    expect(text).not.toContain("gammalt");
    expect(text.endsWith("kvar nytt")).toBe(true);
  });

  it("should collapse whitespace including non-breaking spaces", () => {
    expect(normalizeWhitespace(" 650\u00a0000 kr\n\n Summa\t")).toBe("650 000 kr Summa");
  });
});

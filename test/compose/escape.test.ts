import { describe, expect, it } from "vitest";
import {
  escapeAttribute,
  escapeMarkdown,
  indentContinuation,
  tableCell,
  unescapeMarkdown,
} from "../../src/compose/escape.js";
import { buildDocument } from "../../src/document/build.js";
import { parseMarkdown } from "../../src/document/parse.js";
import { inlineText } from "../../src/document/text.js";

const meta = {
  title: "T",
  diarienummer: "1",
  author: "A",
  subject: "S",
  keywords: [],
  language: "sv-SE" as const,
};
const build = (markdown: string) =>
  buildDocument({
    name: "overenskommelse",
    kind: "overenskommelse",
    markdown,
    meta,
    signing: { mode: "papper", parties: [] },
    parties: [{ id: "p", name: "Parten" }],
    source: "x.yaml",
  }).tree;

/** The text of the first paragraph after parsing. */
const rendered = (markdown: string): string => {
  const block = build(markdown).children[0];
  return block?.type === "paragraph" ? inlineText(block.children) : `<${block?.type}>`;
};

const NASTY = [
  "Föreningen *Stjärnan* #1",
  "<Syd> & <b>fet</b> &amp;",
  "{{x}} och {#id}",
  "_a_ __b__ [länk](http://x) ![bild](y)",
  "`kod` ~~struken~~ ~en~",
  "a | b \\ c",
  ":part[p] :avsnitt[x]{#y} FN:s",
  "- inte en lista",
  "+ inte heller",
  "1. inte numrerad",
  "12) inte heller",
  "# inte en rubrik",
  "> inte ett citat",
  "===",
  "2.3.4-630/2021",
];

describe("escapeMarkdown", () => {
  it.each(NASTY)("should make %j read literally after parsing", (value) => {
    expect(rendered(escapeMarkdown(value))).toBe(value);
  });

  it("should leave ordinary text, numbers and diarienummer untouched", () => {
    for (const value of ["Brottsofferjouren Stockholm-Gotland", "2021/630", "2.3.4-630/2021"]) {
      expect(escapeMarkdown(value)).toBe(value);
    }
  });

  it("should be undone by unescapeMarkdown", () => {
    for (const value of NASTY) expect(unescapeMarkdown(escapeMarkdown(value))).toBe(value);
  });
});

describe("escapeAttribute", () => {
  it("should give a directive attribute the original value", () => {
    const value = 'Bo "Bosse" Berg & *Co* {x}';
    const tree = parseMarkdown(`::x{namn="${escapeAttribute(escapeMarkdown(value))}"}`);
    const node = tree.children[0] as { attributes?: Record<string, string> };
    expect(node.attributes?.namn).toBe(value);
  });
});

describe("Markdown shaping", () => {
  it("should indent continuation lines so a text stays in its list item", () => {
    const markdown = `- ${indentContinuation("Första stycket\n\nandra stycket")}\n- nästa`;
    const list = build(markdown).children[0];
    expect(list?.type === "list" && list.items.length).toBe(2);
    expect(list?.type === "list" && list.items[0]?.length).toBe(2);
  });

  it("should fold a text into one table cell with pipes escaped", () => {
    expect(tableCell("rad ett\nrad | två\n\ntre")).toBe("rad ett rad \\| två tre");
  });
});

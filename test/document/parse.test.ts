import type { Heading, Text } from "mdast";
import { beforeAll, describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import {
  parseMarkdown,
  parseMarkdownShared,
  parseWithAllExtensions,
  piecesParsed,
} from "../../src/document/parse.js";
import { EXAMPLES, loadExample } from "../compose/load.js";

/** Texts written to reach each extension, and near misses. */
const CRAFTED = [
  "| a | b |\n| --- | --: |\n| 1 | 2 |\n",
  "a\n:-:\n",
  "a\n:-\n",
  "a\n-:\n",
  "a\n: -\n",
  "a\n-\n",
  "rubrik\n---\n",
  "~~struken~~ och ~enkel~ och ~~~\nkod\n~~~\n",
  "Text[^1] och [^lång not].\n\n[^1]: Noten.\n\n[^lång not]: En till.\n",
  "[ ^1]\n\n[^1]: x\n",
  "- [ ] att göra\n- [x] gjort\n- [X] också\n- [\t] tabb\n- [\n  ] radbrytning\n",
  "- [y] inte en uppgift\n- [] inte heller\n",
  "Kl. 10:30 enligt FN:s riktlinjer, se :avsnitt[syfte] och :part[bo].\n",
  ':::signaturer\n::signatur{part="a" namn="B &amp; C"}\n:::\n',
  "Utan något av det: *betonat* och **fett**.\n",
  "Bara text.\n",
  "",
  // Around the places a text is cut into pieces (src/document/parse.ts, PIECE_START, WHOLE_ONLY).
  "- a\n\n- b\n\nText.\n",
  "1. a\n\n2. b\n\n10) c\n",
  "- a\n\n  fortsättning\n\nEfter listan.\n",
  "> citat\n\n> ett till\n\nText\n",
  "    kod\n\n    mer kod\n\nText\n",
  "Text\n\n\tindragen\n\n\n\nEfter två tomma rader\n\n",
  "```\nkod\n\nText i koden\n```\n\nEfter\n",
  "<div>\n\nText i blocket\n\n</div>\n\nEfter\n",
  "<!--\n\nkommentar\n\n-->\nText\n",
  "Se [a] och [b][a].\n\n[a]: /adress\n",
  ":::ruta\n\nText i rutan\n\n:::\n",
  "Rubrik\n\n===\n\n# Rubrik\n\n## Under\n\nText *betonad\n\nfortsatt* slut\n",
  "| a |\n| - |\n| 1 |\n\n| b |\n\nText\n",
  "Rad med radbrytning  \n\nNästa\\\n\n\\- inte en lista\n",
  "\n\nText efter tomma rader\n",
  "a\r\n\r\nb\r\n",
  'Text med ::signatur{part="a"} och :avsnitt[syfte].\n\n::signatur{part="b"}\n\nSlut',
];

/** Texts to compare the fast path with the full parse on. */
const corpus: string[] = [...CRAFTED];

/** Every string in a value (the YAML data). */
const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : value && typeof value === "object"
      ? Object.values(value).flatMap(strings)
      : [];

beforeAll(async () => {
  for (const id of EXAMPLES) {
    const agreement = await loadExample(id);
    corpus.push(...strings(agreement.data), ...agreement.bilagor.flatMap((b) => strings(b.data)));
    for (const { markdown } of composeAgreement(agreement).documents) {
      corpus.push(markdown, ...markdown.split("\n\n"));
      // Windows cut anywhere: blocks cut in half, tables without their head, lists without a marker.
      for (let at = 0; at < markdown.length; at += 211) corpus.push(markdown.slice(at, at + 600));
    }
  }
});

describe("parseMarkdown", () => {
  it("gives the tree a parse with every extension gives, on every text of the examples", () => {
    expect(corpus.length).toBeGreaterThan(500);
    for (const text of corpus)
      expect(parseMarkdown(text), text).toEqual(parseWithAllExtensions(text));
  });

  it("reads what each extension reads", () => {
    const types = (text: string) => JSON.stringify(parseMarkdown(text)).match(/"type":"\w+"/g);
    expect(types(CRAFTED[0] as string)).toContain('"type":"table"');
    expect(types(CRAFTED[1] as string)).toContain('"type":"table"');
    expect(types(CRAFTED[7] as string)).toContain('"type":"delete"');
    expect(types(CRAFTED[8] as string)).toContain('"type":"footnoteReference"');
    expect(JSON.stringify(parseMarkdown(CRAFTED[10] as string))).toContain('"checked":true');
    expect(types(CRAFTED[13] as string)).toContain('"type":"containerDirective"');
  });
});

describe("parseMarkdown by pieces", () => {
  const text = (first: string) =>
    `# ${first}\n\n## 1. Syfte\n\nEtt stycke.\n\n- en punkt\n- en till\n\nSista stycket.\n`;

  it("parses again only the pieces it has not seen", () => {
    const before = piecesParsed();
    parseMarkdown(text("Första titeln"));
    const first = piecesParsed() - before;
    expect(first).toBeGreaterThan(2);
    parseMarkdown(text("Andra titeln"));
    expect(piecesParsed() - before - first).toBe(1);
    expect(parseMarkdown(text("Andra titeln"))).toEqual(
      parseWithAllExtensions(text("Andra titeln")),
    );
  });

  it("gives a tree of the caller's own, which the next parse does not share", () => {
    const tree = parseMarkdown(text("Titel"));
    const heading = tree.children[1] as Heading;
    (heading.children[0] as Text).value = "ändrad";
    (heading.position as { start: { line: number } }).start.line = 99;
    expect(parseMarkdown(text("Titel"))).toEqual(parseWithAllExtensions(text("Titel")));
  });

  it("keeps a text with a reference whole, and a block that spans blank lines in one piece", () => {
    // Each text new to the process: a piece parsed before is not parsed again.
    const parsed = (markdown: string) => {
      const before = piecesParsed();
      expect(parseMarkdown(markdown)).toEqual(parseWithAllExtensions(markdown));
      return piecesParsed() - before;
    };
    expect(parsed("Ett.\n\nTvå[^1].\n\nTre.\n\n[^1]: Not.\n")).toBe(0);
    expect(parsed("Ett.\n\nSe [a].\n\n[a]: /adress\n")).toBe(0);
    // Cut before the fence, not after it.
    expect(parsed("Före.\n\nOckså före.\n\n```\nkod\n\nText i koden\n```\n\nEfter.\n")).toBe(3);
    expect(parsed("Före rutan.\n\n:::signaturer\n\nText\n\n:::\n\nEfter.\n")).toBe(2);
    expect(parsed("Före blocket.\n\n<div>\n\nText\n\n</div>\n\nEfter.\n")).toBe(1);
  });
});

describe("parseMarkdownShared", () => {
  it("gives a text's tree once and the same object again, equal to a fresh parse", () => {
    const text = "# Titel\n\nEtt stycke som delas.\n";
    const first = parseMarkdownShared(text);
    expect(first).toEqual(parseMarkdown(text));
    expect(parseMarkdownShared(text)).toBe(first);
    expect(parseMarkdownShared(`${text}\n`)).not.toBe(first);
  });

  it("parses again a text pushed out by newer ones", () => {
    const text = "Först.\n";
    const first = parseMarkdownShared(text);
    for (let i = 0; i < 40; i++) parseMarkdownShared(`Text ${i}.\n`);
    const again = parseMarkdownShared(text);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

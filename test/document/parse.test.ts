import { beforeAll, describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import {
  parseMarkdown,
  parseMarkdownShared,
  parseWithAllExtensions,
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

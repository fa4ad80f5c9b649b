import { describe, expect, it } from "vitest";
import {
  MAX_INLINE_OPENERS,
  MAX_LINE_FIELD_CHARS,
  MAX_MARKDOWN_DEPTH,
  MAX_TEXT_CHARS,
} from "../../src/load/limits.js";
import { MAX_YAML_DEPTH, parseSource } from "../../src/load/source.js";
import { wrap } from "../../src/render/pdf/inline.js";
import { layoutDocument } from "../../src/render/pdf/layout.js";
import { AGREEMENT, runCli, writeAgreement } from "../helpers/fixture.js";
import { sampleTree } from "../helpers/trees.js";

const SYFTE = "syfte: Att erbjuda brottsofferstöd i hela staden.";
/** The fixture agreement with its `syfte` line replaced. */
const withSyfte = (line: string) => AGREEMENT.replace(SYFTE, line);
const syfteLine = AGREEMENT.split("\n").indexOf(SYFTE) + 1;

const diagnostics = (text: string) =>
  parseSource("overenskommelse.yaml", new TextEncoder().encode(text)).diagnostics;

describe("length limits", () => {
  it("should refuse an overlong title at the first character past the limit", () => {
    const text = AGREEMENT.replace(/^titel: .*$/m, `titel: ${"A".repeat(100_000)}`);
    const found = diagnostics(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      line: 3,
      col: 8 + MAX_LINE_FIELD_CHARS,
      rule: "text-for-lang",
      message: `Värdet är 100000 tecken långt; fältet titel får vara högst ${MAX_LINE_FIELD_CHARS} tecken.`,
    });
  });

  it("should refuse an overlong text, and accept one at the limit", () => {
    expect(diagnostics(withSyfte(`syfte: ${"ord ".repeat(MAX_TEXT_CHARS / 4).trim()}`))).toEqual(
      [],
    );
    const found = diagnostics(withSyfte(`syfte: ${"ord ".repeat(MAX_TEXT_CHARS / 2)}x`));
    expect(found.map((d) => [d.line, d.rule])).toEqual([[syfteLine, "text-for-lang"]]);
  });

  it("should lay out a 200 000-character unbroken title in linear time (it was quadratic)", () => {
    // The old running header measured the whole title once per character removed: minutes here.
    const tree = sampleTree();
    tree.meta.title = "A".repeat(200_000);
    const layout = layoutDocument(tree);
    const header = layout.pages[0]?.boxes.find((b) => b.kind === "text" && b.role === "header");
    expect(header?.kind === "text" && header.text.endsWith("A…")).toBe(true);
    const lines = wrap([{ text: "B".repeat(200_000), face: "regular" }], 400, 11);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.every((l) => l.width <= 400.001)).toBe(true);
    expect(lines.map((l) => l.fragments.map((f) => f.text).join("")).join("")).toBe(
      "B".repeat(200_000),
    );
  });
});

describe("characters XML 1.0 forbids", () => {
  for (const [name, sequence] of [
    ["U+FFFE", "\\uFFFE"],
    ["U+FFFF", "\\uFFFF"],
    ["U+0001", "\\x01"],
    ["U+001B", "\\e"],
    ["U+D800", "\\uD800"],
  ] as const) {
    it(`should refuse ${name} at its position`, () => {
      const found = diagnostics(withSyfte(`syfte: "Att ${sequence}erbjuda"`));
      expect(found.map((d) => [d.line, d.col, d.rule])).toEqual([
        [syfteLine, 13, "otillatet-tecken"],
      ]);
      expect(found[0]?.message).toContain(`Tecknet ${name} `);
    });
  }

  it("should accept tab and line breaks, and refuse raw control characters in a title", () => {
    expect(diagnostics(withSyfte('syfte: "Att\\terbjuda\\nstöd"'))).toEqual([]);
    const found = diagnostics(AGREEMENT.replace(/^titel: (.*)$/m, 'titel: "Ö\\u0007$1"'));
    expect(found.map((d) => [d.line, d.col, d.rule])).toEqual([[3, 10, "otillatet-tecken"]]);
  });
});

describe("every writer is protected", () => {
  it("should refuse U+FFFE in iop diff --format docx too, before anything is written", async () => {
    const good = writeAgreement();
    const bad = writeAgreement({
      "overenskommelse.yaml": withSyfte('syfte: "Att \\uFFFEerbjuda"'),
    });
    const r = await runCli(["diff", good, bad, "--format", "docx"]);
    expect(r.code).not.toBe(0);
    expect(r.bytes.length).toBe(0);
    expect(r.stderr).toContain(`overenskommelse.yaml:${syfteLine}:13: fel: Tecknet U+FFFE`);
  });
});

describe("deep nesting is refused early, in Swedish", () => {
  for (const [name, text] of [
    ["quotes", "> ".repeat(10_000)],
    ["lists", "- ".repeat(10_000)],
    ["emphasis", "*a ".repeat(10_000)],
    ["links", "[".repeat(10_000)],
  ]) {
    it(`should refuse Markdown ${name} nested 10 000 deep`, async () => {
      // The Markdown parser takes minutes on 10 000 nested list items: the test would time out.
      const dir = writeAgreement({ "overenskommelse.yaml": withSyfte(`syfte: "${text}x"`) });
      const r = await runCli(["check", dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`overenskommelse\\.yaml:${syfteLine}:\\d+: fel: .*\\[markdown-for-djup\\]`),
      );
      expect(r.stderr).not.toContain("internt fel");
    });
  }

  it(`should accept Markdown nested ${MAX_MARKDOWN_DEPTH} deep`, () => {
    expect(diagnostics(withSyfte(`syfte: "${"> ".repeat(MAX_MARKDOWN_DEPTH)}x"`))).toEqual([]);
  });

  it("should refuse Markdown one level past the limit, by markers or by indentation", () => {
    // The shortest lines that deep: the check skips texts without a line that could be.
    for (const line of [
      `${"> ".repeat(MAX_MARKDOWN_DEPTH)}>`,
      `${" ".repeat(2 * (MAX_MARKDOWN_DEPTH + 1))}x`,
    ]) {
      const found = diagnostics(withSyfte(`syfte: "Att\\n${line}"`));
      expect(found.map((d) => [d.line, d.rule])).toEqual([[syfteLine, "markdown-for-djup"]]);
    }
  });

  it("should refuse one inline opener past the limit, and accept as many as the limit", () => {
    const openers = (n: number) => withSyfte(`syfte: "${"[".repeat(n)}x"`);
    expect(diagnostics(openers(MAX_INLINE_OPENERS))).toEqual([]);
    const found = diagnostics(openers(MAX_INLINE_OPENERS + 1));
    expect(found.map((d) => [d.line, d.col, d.rule])).toEqual([
      [syfteLine, 9 + MAX_INLINE_OPENERS, "markdown-for-djup"],
    ]);
  });

  it("should refuse YAML nested 10 000 deep with a Swedish message", () => {
    for (const deep of [
      `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
      // As deep as fits in a file's size limit.
      `\n${Array.from({ length: 1_000 }, (_, i) => `${" ".repeat(i + 2)}k:`).join("\n")} x`,
    ]) {
      const found = diagnostics(`${AGREEMENT}extra: ${deep}\n`);
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.message).toMatch(/nästla/);
        expect(d.message).not.toMatch(/Maximum|call stack/);
      }
    }
  });

  it(`should refuse YAML nested deeper than ${MAX_YAML_DEPTH} at the deep value`, () => {
    const found = diagnostics(`${AGREEMENT}extra: ${"[".repeat(60)}${"]".repeat(60)}\n`);
    expect(found.map((d) => d.rule)).toEqual(["yaml-for-djup"]);
    expect(found[0]?.line).toBe(AGREEMENT.split("\n").length);
  });
});

describe("the yaml library's messages are all translated", () => {
  const broken = [
    'titel: "utan slut',
    "titel: 'utan slut",
    "lista: [a b: c, d",
    "lista: [a, , b]",
    'titel: "fel \\q escape"',
    "titel: !okand x",
    "titel: &a &b x",
    "titel: @x",
    "%FOO bar\n---\ntitel: x",
    "titel: x\n---\ntitel: y",
    "a:\n  b: 1\n c: 2",
    "titel: *",
    "lista: {a: 1 b: 2}",
    "a: b: c",
    "- a\nb: c",
    "titel: |x\n  text",
  ];
  for (const text of broken) {
    it(`should say in Swedish what is wrong with ${JSON.stringify(text)}`, () => {
      const found = diagnostics(`${text}\n`);
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.line).toBeGreaterThan(0);
        // No sentence of the library's English: its messages all contain one of these words.
        expect(d.message).not.toMatch(
          /\b(must|cannot|Missing|Unexpected|Implicit|Invalid|Unresolved|allowed|should|found|expected|between|token)\b/i,
        );
      }
    });
  }
});

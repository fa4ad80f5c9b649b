import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { parseMarkdown, textDirectives } from "../../src/document/parse.js";

/** Every text directive of the parse written with a label (`[` after the name): name and colon. */
function parsed(text: string): { name: string; start: number | undefined }[] {
  const found: { name: string; start: number | undefined }[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "textDirective") {
      const start = node.position?.start.offset ?? 0;
      if (text[start + node.name.length + 1] === "[") found.push({ name: node.name, start });
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(text));
  return found;
}

/** A deterministic pseudo-random generator (a linear congruential one), for generated texts. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(state / 2 ** 16) % n;
  };
}

/** Would-be names of directives, valid or not: letters, digits, dashes, spaces, tabs, symbols. */
const NAMES = [
  "part",
  "avsnitt",
  "å",
  "Ö",
  "x-y",
  "x-",
  "_a",
  "12",
  "a b",
  "\t",
  "\u{1F600}",
  "",
  "a.b",
  "é",
  "a\u00a0b",
];

/** Pieces of text around directives: names of every kind, brackets, code, escapes, times. */
const PIECES = [
  ":",
  "::",
  "[",
  "]",
  "{",
  "}",
  "(",
  ")",
  "`",
  "\\",
  "\n",
  "\r\n",
  " ",
  "\t",
  "\u00a0",
  "part",
  "avsnitt",
  "å",
  "Ö",
  "x-y",
  "a_b",
  "-",
  "_",
  "12",
  "12:30",
  "\u{1F600}",
  "é",
  ".",
  "id",
  "text",
  "> ",
  "- ",
  "| a | b |\n| - | - |\n",
  "&#58;",
  "*",
  "~",
];

describe("textDirectives", () => {
  it("finds labelled text directives with the offsets of the colon, the label and the end", () => {
    const text = "Se :avsnitt[syfte] och :part[bo-norr]{.x}.";
    expect(textDirectives(text)).toEqual([
      { name: "avsnitt", label: "syfte", start: 3, labelStart: 12, end: 18 },
      { name: "part", label: "bo-norr", start: 23, labelStart: 29, end: 41 },
    ]);
    const [, part] = textDirectives(text);
    expect(text.slice(part?.labelStart, (part?.labelStart ?? 0) + 7)).toBe("bo-norr");
  });

  it("reads directives as the documents do: not in code, not escaped, and only with a label", () => {
    expect(textDirectives("`:part[a]` och \\:part[b] och :part utan etikett")).toEqual([]);
  });

  it("keeps offsets in a text of several blocks", () => {
    const text = "Första stycket.\n\n- punkt med :part[kommun]\n";
    const [ref] = textDirectives(text);
    expect(ref?.label).toBe("kommun");
    expect(text.slice(ref?.start, ref?.end)).toBe(":part[kommun]");
  });

  it("gives an empty label for :part[]", () => {
    expect(textDirectives("Se :part[] här")).toEqual([
      { name: "part", label: "", start: 3, labelStart: 9, end: 10 },
    ]);
  });

  it("should find what the parse finds in any text: the skip of texts without `:name[` loses nothing", () => {
    const pick = random(58);
    let found = 0;
    for (let n = 0; n < 1500; n++) {
      let text = "";
      for (let k = pick(16); k >= 0; k--) {
        // Often a colon, a would-be name and a bracket: directives and near misses.
        text +=
          pick(3) === 0
            ? `:${NAMES[pick(NAMES.length)]}[${PIECES[pick(PIECES.length)]}`
            : PIECES[pick(PIECES.length)];
      }
      const expected = parsed(text);
      expect(
        textDirectives(text).map(({ name, start }) => ({ name, start })),
        JSON.stringify(text),
      ).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(300);
  });
});

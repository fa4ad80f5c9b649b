import { describe, expect, it } from "vitest";
import { textDirectives } from "../../src/document/parse.js";
import { parseSource } from "../../src/load/source.js";
import { directivesIn } from "../../src/validate/rules/context.js";

const file = (text: string) => {
  const parsed = parseSource("overenskommelse.yaml", new TextEncoder().encode(text)).file;
  if (!parsed) throw new Error("the test file does not parse");
  return parsed;
};

describe("directivesIn", () => {
  const text = "Se :avsnitt[syfte] och :part[bo-norr], inte `:part[kod]`.";

  it("should give what textDirectives gives, parsing a text once per file", () => {
    const a = file("namn: A\n");
    const first = directivesIn(a, text);
    expect(first).toEqual(textDirectives(text));
    expect(first.map((d) => d.label)).toEqual(["syfte", "bo-norr"]);
    // The same text of the same file: the parse is not done again.
    expect(directivesIn(a, text)).toBe(first);
    expect(directivesIn(a, "Ingen hänvisning.")).toEqual([]);
  });

  it("should keep each file's texts apart", () => {
    const a = file("namn: A\n");
    const b = file("namn: B\n");
    const fromA = directivesIn(a, text);
    const fromB = directivesIn(b, text);
    expect(fromB).toEqual(fromA);
    expect(fromB).not.toBe(fromA);
  });
});

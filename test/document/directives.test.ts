import { describe, expect, it } from "vitest";
import { textDirectives } from "../../src/document/parse.js";

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
});

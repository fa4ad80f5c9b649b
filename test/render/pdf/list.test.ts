import { describe, expect, it } from "vitest";
import { layoutDocument } from "../../../src/render/pdf/index.js";
import { ol, p, treeOf, ul } from "../../helpers/trees.js";
import { words } from "./fixtures/trees.js";
import { texts } from "./helpers.js";

describe("PDF layout: lists", () => {
  it("should hang the text of a list item: wrapped lines start under the first line's text", () => {
    const long = words("Uppföljningssamtal", 24);
    const layout = layoutDocument(treeOf([ul("Kort punkt", [p(long), ol("Första", "Andra")])]));
    const all = texts(layout);
    const bullet = all.filter((t) => t.role === "marker" && t.text === "\u2022");
    expect(bullet).toHaveLength(2);
    const item = all.filter((t) => t.text.startsWith("Uppföljningssamtal"));
    expect(item.length).toBeGreaterThanOrEqual(2);
    const textX = item[0]?.x as number;
    expect(item.every((t) => t.x === textX)).toBe(true);
    expect((bullet[1]?.x as number) + (bullet[1]?.width as number)).toBeLessThan(textX);
    // The nested numbered list indents further, its numbers right-aligned on the full stop.
    const numbers = all.filter((t) => t.role === "marker" && /^\d+\.$/.test(t.text));
    expect(numbers.map((t) => t.text)).toEqual(["1.", "2."]);
    expect(numbers[0]?.x).toBeGreaterThan(bullet[0]?.x as number);
    const first = all.find((t) => t.text === "Första");
    expect(first?.x).toBeGreaterThan(textX);
  });
});

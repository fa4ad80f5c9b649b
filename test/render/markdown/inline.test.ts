import { describe, expect, it } from "vitest";
import type { Inline } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { text, treeOf } from "../../helpers/trees.js";
import { bodyOf } from "./helpers.js";

const paragraphOf = (...children: Inline[]) =>
  renderMarkdown(treeOf([{ type: "paragraph", children }]));

describe("paragraph and inline content", () => {
  it("should write a paragraph as its text, separated by blank lines", () => {
    const md = renderMarkdown(
      treeOf([
        { type: "paragraph", children: [text("Första stycket.")] },
        { type: "paragraph", children: [text("Andra stycket.")] },
      ]),
    );
    expect(md).toBe("# Överenskommelse\n\nFörsta stycket.\n\nAndra stycket.\n");
  });

  it("should write strong as **…**", () => {
    expect(
      paragraphOf(text("Därefter "), { type: "strong", children: [text("förlängs")] }),
    ).toContain("Därefter **förlängs**\n");
  });

  it("should write emphasis as *…*", () => {
    expect(paragraphOf({ type: "emphasis", children: [text("automatiskt")] })).toContain(
      "\n*automatiskt*\n",
    );
  });

  it("should write a line break as a hard break that reads back as one", () => {
    const md = paragraphOf(text("Box 834"), { type: "break" }, text("391 28 Kalmar"));
    expect(md).toContain("Box 834\\\n391 28 Kalmar");
    const [p] = bodyOf(md);
    expect(p?.type === "paragraph" && p.children.map((c) => c.type)).toEqual([
      "text",
      "break",
      "text",
    ]);
  });

  it("should drop a paragraph with no content", () => {
    expect(paragraphOf()).toBe("# Överenskommelse\n");
  });
});

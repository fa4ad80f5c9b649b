import { beforeAll, describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import { buildDocument } from "../../src/document/build.js";
import { blockText, normalizeWhitespace } from "../../src/document/text.js";
import type { Agreement, Avsnitt } from "../../src/model.js";
import { copy, loadFixture } from "./load.js";

let mini: Agreement;
beforeAll(async () => {
  mini = await loadFixture("compose/fixtures/mini");
});

/** The mini fixture with some top-level sections changed, composed: Markdown, tree, diagnostics. */
function composeWith(change: Record<string, Partial<Avsnitt>>) {
  const agreement = copy(mini);
  agreement.data.avsnitt = agreement.data.avsnitt.map((s) =>
    s.id && change[s.id] ? { ...s, ...change[s.id] } : s,
  );
  const { documents, diagnostics } = composeAgreement(agreement);
  const doc = documents[0];
  if (!doc) throw new Error("no document");
  const built = buildDocument(doc);
  return {
    markdown: doc.markdown,
    tree: built.tree,
    diagnostics: [...diagnostics, ...built.diagnostics],
    headings: built.tree.children.flatMap((b) =>
      b.type === "heading" ? [normalizeWhitespace(blockText(b))] : [],
    ),
  };
}

describe("unnumbered sections in compose", () => {
  it("should mark the heading of a section with numrerad: false as .onumrerad", () => {
    const { markdown, diagnostics } = composeWith({ parter: { numrerad: false } });
    expect(diagnostics).toEqual([]);
    expect(markdown).toContain("\n## Parter {#parter .onumrerad}\n");
    expect(markdown).toContain("\n## Bakgrund {#bakgrund}\n");
  });

  it("should mark a heading without id as {.onumrerad}", () => {
    const agreement = copy(mini);
    agreement.data.avsnitt.push({ rubrik: "Bilagor", numrerad: false, text: "Inga bilagor." });
    const doc = composeAgreement(agreement).documents[0];
    expect(doc?.markdown).toContain("\n## Bilagor {.onumrerad}\n");
  });

  it("should not count an unnumbered section, nor number its subsections", () => {
    const plain = composeWith({}).headings;
    const { headings } = composeWith({ "syfte-och-mal": { numrerad: false } });
    expect(plain.slice(0, 7)).toEqual([
      "1 Bakgrund",
      "2 Parter",
      "3 Syfte och mål",
      "3.1 Syfte",
      "3.2 Mål",
      "3.3 Målgrupp",
      "3.3.1 Värdegrund",
    ]);
    expect(headings.slice(0, 8)).toEqual([
      "1 Bakgrund",
      "2 Parter",
      "Syfte och mål",
      "Syfte",
      "Mål",
      "Målgrupp",
      "Värdegrund",
      "3 Organisation",
    ]);
  });

  it("should write a headingless section's content without a heading line", () => {
    const { markdown, tree, headings, diagnostics } = composeWith({
      bakgrund: { utan_rubrik: true },
    });
    expect(diagnostics).toEqual([]);
    expect(markdown).not.toMatch(/^#+ Bakgrund/m);
    expect(headings[0]).toBe("1 Parter");
    // The clause body opens the document, before the first heading.
    const [first] = tree.children;
    expect(first?.type).toBe("paragraph");
    expect(first && blockText(first)).toContain("Bakgrundstext med fetstil");
  });

  it("should leave out a headingless section's own rubrik too", () => {
    const { markdown, headings } = composeWith({
      organisation: { utan_rubrik: true },
    });
    expect(markdown).not.toMatch(/^#+ Organisation/m);
    expect(headings).not.toContain("4 Organisation");
  });

  it("should put a headingless section's subsections at its own level", () => {
    const { markdown, headings } = composeWith({ "syfte-och-mal": { utan_rubrik: true } });
    expect(markdown).toContain("\n## Syfte {#syfte}\n");
    expect(headings.slice(0, 6)).toEqual([
      "1 Bakgrund",
      "2 Parter",
      "3 Syfte",
      "4 Mål",
      "5 Målgrupp",
      "5.1 Värdegrund",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { composeAgreement } from "../../src/compose/index.js";
import { buildDocument } from "../../src/document/index.js";
import { buildDocuments } from "../../src/pipeline.js";

const checkDocuments = (agreement: Parameters<typeof buildDocuments>[0]) =>
  buildDocuments(agreement).diagnostics;

import { inlineText } from "../../src/document/text.js";
import { loadFixture } from "../compose/load.js";
import { build, tree } from "./input.js";

const paragraphText = (markdown: string) => {
  const block = tree(markdown).children.find((b) => b.type === "paragraph");
  return block?.type === "paragraph" ? inlineText(block.children) : "";
};

describe("references", () => {
  it("should write a section's current number for :avsnitt[id]", () => {
    const md = "## A {#a}\n\n## B {#b}\n\n### C {#c}\n\nSe avsnitt :avsnitt[c] och :avsnitt[a].";
    expect(paragraphText(md)).toBe("Se avsnitt 2.1 och 1.");
  });

  it("should resolve a reference to a later section", () => {
    expect(paragraphText("## A\n\nSe :avsnitt[sist].\n\n## B\n\n## C {#sist}")).toBe("Se 3.");
  });

  it("should write an unnumbered section's heading for :avsnitt[id]", () => {
    const md =
      "## A {#a}\n\n## Bilagor {#bilagor .onumrerad}\n\n### Lista {#lista}\n\n## B {#b}\n\nSe :avsnitt[bilagor], :avsnitt[lista] och :avsnitt[b].";
    expect(paragraphText(md)).toBe("Se avsnittet ”Bilagor”, avsnittet ”Lista” och 2.");
    expect(build(md).diagnostics).toEqual([]);
  });

  it("should write the heading as read, without escapes or markup, for :avsnitt[id]", () => {
    const md = "## Villkor \\& *krav* {#v .onumrerad}\n\nSe :avsnitt[v].";
    expect(paragraphText(md)).toBe("Se avsnittet ”Villkor & krav”.");
  });

  it("should write a party's name for :part[id]", () => {
    expect(paragraphText(":part[bo] och :part[namnden]s beslut")).toBe(
      "Brottsofferjouren Västerort och Socialnämnden i Stockholms stads beslut",
    );
  });

  it("should report a reference to a missing section and keep it visible", () => {
    const result = build("## A {#a}\n\nSe :avsnitt[saknas].");
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: "fel",
        rule: "hanvisning-avsnitt-saknas",
        file: "overenskommelse.yaml",
      }),
    ]);
    expect(result.diagnostics[0]?.message).toContain(":avsnitt[saknas]");
    const block = result.tree.children[1];
    expect(block?.type === "paragraph" && inlineText(block.children)).toBe("Se :avsnitt[saknas].");
  });

  it("should report a reference to a missing party", () => {
    expect(build(":part[ingen]").diagnostics.map((d) => d.rule)).toEqual([
      "hanvisning-part-saknas",
    ]);
  });

  it("should keep text that only looks like a directive", () => {
    expect(paragraphText("FN:s deklaration, kl. 10:30")).toBe("FN:s deklaration, kl. 10:30");
    expect(build("FN:s deklaration").diagnostics).toEqual([]);
  });

  it("should warn about a misspelt reference", () => {
    const result = build("Se :avsnit[a].");
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ["hanvisning-okand", "varning"],
    ]);
    expect(paragraphText("Se :avsnit[a].")).toBe("Se :avsnit[a].");
  });
});

describe("references in an agreement", () => {
  it("should resolve every reference of the example fixture", async () => {
    const agreement = await loadFixture("compose/fixtures/mini");
    expect(checkDocuments(agreement)).toEqual([]);
    const doc = composeAgreement(agreement).documents[0];
    const text = JSON.stringify(doc && buildDocument(doc).tree);
    expect(text).toContain("Se 4.1 och 8.2.");
  });

  it("should point a reference that breaks in a bilaga at its id in the YAML", async () => {
    const agreement = await loadFixture("document/fixtures/hanvisning");
    const diagnostics = checkDocuments(agreement);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ rule: "hanvisning-avsnitt-saknas", severity: "fel" });
    expect(d?.file).toMatch(/hanvisning\/overenskommelse\.yaml$/);
    const line = agreement.file.text.split("\n")[(d?.line ?? 1) - 1] ?? "";
    // At the id itself, not at the start of the directive or the text.
    expect(line.slice(0, (d?.col ?? 1) - 1)).toMatch(/:avsnitt\[$/);
    expect(line.slice((d?.col ?? 1) - 1)).toMatch(/^period\]/);
    expect(d?.message).toContain("bilagan");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { documentText, normalizeWhitespace } from "../../../src/document/text.js";
import type { DocumentTree } from "../../../src/document/types.js";
import { buildDocuments } from "../../../src/pipeline.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { loadAgreement } from "../../../src/validate/index.js";
import { markdownText } from "./helpers.js";

const AGREEMENTS = [
  "kalmar-brottsofferstod-2018",
  "stockholm-brottsofferstod-2022",
  "stockholm-brottsofferstod-2025",
];
const root = new URL("../../../agreements/", import.meta.url).pathname;

/** Every document of the example agreements, its tree and its rendered Markdown. */
const documents: { name: string; tree: DocumentTree; markdown: string }[] = [];

beforeAll(async () => {
  for (const id of AGREEMENTS) {
    const { agreement, diagnostics } = await loadAgreement(`${root}${id}`);
    if (!agreement) throw new Error(`${id}: ${JSON.stringify(diagnostics)}`);
    for (const { tree } of buildDocuments(agreement).documents) {
      documents.push({ name: `${id}/${tree.name}`, tree, markdown: renderMarkdown(tree) });
    }
  }
});

/** The lines the signature blocks add to `documentText`: the blanks and the date line. */
const signatureAddition = /^(Namnförtydligande: )?_{30}$|^.* den _{12}( \d{4})?$/;

describe("the example agreements in Markdown", () => {
  it("should render the agreement and the bilagor of each example", () => {
    const names = documents.map((d) => d.name);
    for (const id of AGREEMENTS) expect(names).toContain(`${id}/overenskommelse`);
    expect(names).toContain("stockholm-brottsofferstod-2025/bilaga-3");
  });

  it("should leave no iop directive, reference or heading id in the text", () => {
    for (const { name, markdown } of documents) {
      for (const raw of [":part[", ":avsnitt[", ":::", "::signatur", "{#"]) {
        expect(markdown, `${name}: ${raw}`).not.toContain(raw);
      }
    }
  });

  it("should number every heading as the tree does", () => {
    for (const { name, tree, markdown } of documents) {
      const expected = tree.children.flatMap((b) =>
        b.type === "heading"
          ? [`${"#".repeat(b.depth + 1)} ${b.number ? `${b.number} ` : ""}`]
          : [],
      );
      // An unnumbered heading is "## " and its text, which starts with a letter.
      const found = [...markdown.matchAll(/^(#{2,4} (?:[\d.]+ )?)/gm)].map((m) => m[1]);
      expect(found, name).toEqual(expected);
      expect(expected.length, name).toBeGreaterThan(0);
    }
  });

  it("should read back as documentText, apart from the signature lines and date lines", () => {
    for (const { name, tree, markdown } of documents) {
      const text = markdownText(markdown)
        .split("\n")
        .filter((line) => !signatureAddition.test(line))
        .join("\n");
      expect(normalizeWhitespace(text), name).toBe(normalizeWhitespace(documentText(tree)));
    }
  });

  it("should have a signature block for every signing party", () => {
    for (const { name, tree, markdown } of documents) {
      const parties = [...markdown.matchAll(/^\*\*För (.+)\*\*$/gm)].map((m) => m[1]);
      const signing = tree.children.flatMap((b) =>
        b.type === "signatures" ? b.blocks.map((s) => s.party) : [],
      );
      expect(parties, name).toEqual(signing);
      expect(parties.length, name).toBeGreaterThan(0);
    }
  });
});

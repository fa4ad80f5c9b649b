import { describe, expect, it } from "vitest";
import type { SignatureBlock, SignaturesNode } from "../../../src/document/types.js";
import { renderMarkdown } from "../../../src/render/markdown/index.js";
import { sampleTree, treeOf } from "../../helpers/trees.js";
import { bodyOf, inlineText } from "./helpers.js";

const LINE = "_".repeat(30);
const BLANK = "_".repeat(12);
const signed: SignatureBlock = {
  partyId: "socialnamnden",
  party: "Socialnämnden i Stockholms stad",
  name: "Veronica Carstorp Wolgast",
  title: "socialdirektör",
  place: "Stockholm",
  year: 2025,
};
const unsigned: SignatureBlock = {
  partyId: "bo-sodra-kalmar",
  party: "Brottsofferjouren i södra Kalmar län",
  name: null,
  title: null,
  place: null,
};
const render = (...blocks: SignatureBlock[]) => {
  const node: SignaturesNode = { type: "signatures", blocks };
  return renderMarkdown(treeOf([node]));
};
/** Each block read back as its text, one string per paragraph. */
const read = (md: string) => bodyOf(md).map(inlineText);

describe("signatures", () => {
  it("should write För <party> in bold, a line to sign on, name and title, place and date", () => {
    expect(render(signed)).toBe(
      `# Överenskommelse

**För Socialnämnden i Stockholms stad**

\\${LINE}

Veronica Carstorp Wolgast, socialdirektör

Stockholm den ${BLANK} 2025
`,
    );
  });

  it("should read back as plain text: underscores, no rule and no emphasis", () => {
    const md = render(signed);
    expect(bodyOf(md).map((n) => n.type)).toEqual([
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
    ]);
    expect(read(md)).toEqual([
      "För Socialnämnden i Stockholms stad",
      LINE,
      "Veronica Carstorp Wolgast, socialdirektör",
      `Stockholm den ${BLANK} 2025`,
    ]);
  });

  it("should write one block per party in signing order", () => {
    const md = renderMarkdown(sampleTree());
    const parties = [...md.matchAll(/^\*\*För (.+)\*\*$/gm)].map((m) => m[1]);
    expect(parties).toEqual([
      "Socialnämnden i Stockholms stad",
      "Brottsofferjouren Stockholm-Gotland",
    ]);
  });

  it("should leave blanks to fill in where the source lacks name, title, place and year", () => {
    expect(read(render(unsigned))).toEqual([
      "För Brottsofferjouren i södra Kalmar län",
      LINE,
      `Namnförtydligande: ${LINE}`,
      `${BLANK} den ${BLANK}`,
    ]);
  });

  it("should write the name alone when the title is missing, and the title alone when the name is", () => {
    expect(read(render({ ...signed, title: null }))[2]).toBe("Veronica Carstorp Wolgast");
    expect(read(render({ ...signed, name: null }))[2]).toBe("socialdirektör");
  });

  it("should leave the year out when the agreement does not state it", () => {
    const { year: _, ...noYear } = signed;
    expect(read(render(noYear))[3]).toBe(`Stockholm den ${BLANK}`);
  });

  it("should write nothing for a signatures node without blocks", () => {
    expect(render()).toBe("# Överenskommelse\n");
  });
});

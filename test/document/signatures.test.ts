import { describe, expect, it } from "vitest";
import type { SignaturesNode } from "../../src/document/types.js";
import { build, tree } from "./input.js";

const signatures = (markdown: string): SignaturesNode[] =>
  tree(markdown).children.filter((b): b is SignaturesNode => b.type === "signatures");

describe("signature blocks", () => {
  it("should turn a signaturer container into one signatures node", () => {
    const md = `:::signaturer
::signatur{namn="Veronica Carstorp Wolgast" titel="socialdirektör" ort="Stockholm" år="2025" part="namnden"}
::signatur{namn="Elena Grgic" titel="ordförande" ort="Stockholm" år="2025" part="bo"}
:::`;
    expect(signatures(md)).toEqual([
      {
        type: "signatures",
        blocks: [
          {
            partyId: "namnden",
            party: "Socialnämnden i Stockholms stad",
            name: "Veronica Carstorp Wolgast",
            title: "socialdirektör",
            place: "Stockholm",
            year: 2025,
          },
          {
            partyId: "bo",
            party: "Brottsofferjouren Västerort",
            name: "Elena Grgic",
            title: "ordförande",
            place: "Stockholm",
            year: 2025,
          },
        ],
      },
    ]);
  });

  it("should leave unknown signatory data empty", () => {
    const [node] = signatures(':::signaturer\n::signatur{part="bo"}\n:::');
    expect(node?.blocks[0]).toEqual({
      partyId: "bo",
      party: "Brottsofferjouren Västerort",
      name: null,
      title: null,
      place: null,
    });
  });

  it("should decode character references in attributes", () => {
    const [node] = signatures(
      ':::signaturer\n::signatur{namn="Bo &quot;Bosse&quot; Berg" part="bo"}\n:::',
    );
    expect(node?.blocks[0]?.name).toBe('Bo "Bosse" Berg');
  });

  it("should report a signature for an unknown party", () => {
    const result = build(':::signaturer\n::signatur{part="ingen"}\n:::');
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["hanvisning-part-saknas"]);
  });

  it("should accept a lone signature outside the container", () => {
    expect(signatures('::signatur{part="bo"}')[0]?.blocks).toHaveLength(1);
  });
});

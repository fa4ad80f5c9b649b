import type { BuildInput } from "../../src/document/build.js";
import { buildDocument } from "../../src/document/build.js";
import type { DocumentTree } from "../../src/document/types.js";

/** A build input around hand-written Markdown. */
export function input(markdown: string, kind: BuildInput["kind"] = "overenskommelse"): BuildInput {
  return {
    name: kind === "bilaga" ? "bilaga-1" : "overenskommelse",
    kind,
    markdown,
    meta: {
      title: "Titel",
      diarienummer: "2025/1",
      author: "Nämnden",
      subject: "IOP",
      keywords: [],
      language: "sv-SE",
    },
    signing: { mode: "papper", parties: [] },
    parties: [
      { id: "namnden", name: "Socialnämnden i Stockholms stad" },
      { id: "bo", name: "Brottsofferjouren Västerort" },
    ],
    source: "overenskommelse.yaml",
  };
}

export const build = (markdown: string, kind?: BuildInput["kind"]) =>
  buildDocument(input(markdown, kind));

export const tree = (markdown: string): DocumentTree => build(markdown).tree;

/** "number text" of every heading. */
export const headings = (markdown: string): string[] =>
  tree(markdown).children.flatMap((b) =>
    b.type === "heading"
      ? [`${b.number} ${b.children.map((c) => (c.type === "text" ? c.value : "")).join("")}`]
      : [],
  );

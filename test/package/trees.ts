import type { DocumentTree } from "../../src/document/types.js";
import { sampleTree } from "../helpers/trees.js";

/** The four signing parties of the Stockholm 2025 agreement. */
export const STOCKHOLM_PARTIES = [
  {
    id: "socialnamnden",
    name: "Socialnämnden i Stockholms stad",
    signatory: "Veronica Carstorp Wolgast",
  },
  {
    id: "bo-stockholm-gotland",
    name: "Brottsofferjouren Stockholm-Gotland",
    signatory: "Cecilia Ekstrand",
  },
  { id: "bo-sodra-stockholm", name: "Brottsofferjouren Södra Stockholm", signatory: null },
  { id: "bo-vasterort", name: "Brottsofferjouren Västerort", signatory: null },
];

/**
 * The sample tree signed by the first `count` Stockholm parties, on paper or electronically:
 * signing parties and signature blocks agree, as the compose stage makes them.
 */
export function partiesTree(
  count: number,
  mode: "papper" | "elektronisk" = "papper",
): DocumentTree {
  const tree = sampleTree();
  const parties = STOCKHOLM_PARTIES.slice(0, count);
  tree.kind = "overenskommelse";
  tree.name = "overenskommelse";
  tree.signing = { mode, parties: parties.map(({ id, name }) => ({ id, name })) };
  tree.children = tree.children.map((block) =>
    block.type === "signatures"
      ? {
          type: "signatures",
          blocks: parties.map((p) => ({
            partyId: p.id,
            party: p.name,
            name: p.signatory,
            title: null,
            place: "Stockholm",
            year: 2025,
          })),
        }
      : block,
  );
  return tree;
}

/** Replaces the first occurrence of `from` in any text node of the tree with `to`. */
export function replaceWord(tree: DocumentTree, from: string, to: string): DocumentTree {
  const json = JSON.stringify(tree);
  if (!json.includes(from)) throw new Error(`"${from}" is not in the tree`);
  return JSON.parse(json.replace(from, to)) as DocumentTree;
}

/**
 * Signature blocks: `::signatur{part="id" namn="…" titel="…" ort="…" år="2025"}` leaf directives,
 * normally grouped in a `:::signaturer` container, become one SignaturesNode. The party's name
 * comes from its id; missing `namn`, `titel` or `ort` leave the line empty (null).
 */
import type { ContainerDirective, LeafDirective } from "mdast-util-directive";
import type { State } from "../state.js";
import type { Block, SignatureBlock } from "../types.js";
import type { BlockHandler } from "./types.js";

function signature(state: State, node: LeafDirective): SignatureBlock {
  const attr = node.attributes ?? {};
  const partyId = attr.part ?? "";
  let party = state.parties.get(partyId);
  if (party === undefined) {
    const token = state.raw(node);
    state.report({
      rule: "hanvisning-part-saknas",
      message: partyId
        ? `Signaturen ${token} gäller en part som inte finns.`
        : `Signaturen ${token} saknar part="…".`,
      severity: "fel",
      token,
    });
    party = partyId;
  }
  const year = attr.år && /^\d{4}$/.test(attr.år) ? Number(attr.år) : undefined;
  return {
    partyId,
    party,
    name: attr.namn || null,
    title: attr.titel || null,
    place: attr.ort || null,
    ...(year !== undefined ? { year } : {}),
  };
}

const isSignature = (n: { type: string; name?: string }): n is LeafDirective =>
  n.type === "leafDirective" && n.name === "signatur";

/** `:::signaturer` → one signatures node; other containers keep their content. */
export const containerDirective: BlockHandler<"containerDirective"> = (state, node) => {
  if (node.name !== "signaturer") return state.blocks(node.children);
  return signaturesOf(state, node);
};

function signaturesOf(state: State, node: ContainerDirective): Block[] {
  const blocks = node.children.filter(isSignature).map((n) => signature(state, n));
  const rest = state.blocks(node.children.filter((n) => !isSignature(n)));
  return [{ type: "signatures", blocks }, ...rest];
}

/** A lone `::signatur{…}` is a signatures node of one; other leaf directives keep their source. */
export const leafDirective: BlockHandler<"leafDirective"> = (state, node) =>
  isSignature(node)
    ? [{ type: "signatures", blocks: [signature(state, node)] }]
    : [{ type: "paragraph", children: [{ type: "text", value: state.raw(node) }] }];

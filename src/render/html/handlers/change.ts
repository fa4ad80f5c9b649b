import type { ChangeNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `change` → `<ins>` (inserted words) or `<del>` (deleted words), with a title for screen readers' hover. */
export const change: InlineHandler<ChangeNode> = (state, node) =>
  node.kind === "ins"
    ? `<ins title="Tillagt">${state.inlines(node.children)}</ins>`
    : `<del title="Borttaget">${state.inlines(node.children)}</del>`;

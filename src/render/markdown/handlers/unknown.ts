import type { Inline } from "../../../document/types.js";
import { field } from "../../handlers.js";
import type { Handlers } from "../state.js";

/**
 * The default for a block kind this renderer has no handler for (a tree from a newer document
 * stage): a paragraph of the node's inline `children`, when it has any, else nothing. It never
 * throws, so the rest of the document still renders.
 */
export const unknownBlock: Handlers["unknownBlock"] = (state, node) => {
  const children = field(node, "children");
  if (!Array.isArray(children)) return [];
  const content = state.inlines(children as Inline[]);
  return content.length > 0 ? [{ type: "paragraph", children: content }] : [];
};

/**
 * The default for an inline kind without a handler: its `value` as text when it is a string, else
 * its `children`, else nothing.
 */
export const unknownInline: Handlers["unknownInline"] = (state, node) => {
  const value = field(node, "value");
  if (typeof value === "string") return value ? [{ type: "text", value }] : [];
  const children = field(node, "children");
  return Array.isArray(children) ? state.inlines(children as Inline[]) : [];
};

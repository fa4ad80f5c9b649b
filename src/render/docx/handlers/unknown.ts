import type { Inline } from "../../../document/types.js";
import { field } from "../../handlers.js";
import { type BlockHandler, type InlineHandler, placement } from "../state.js";

/**
 * The default for a block kind this renderer has no handler for (a tree from a newer document
 * stage): a plain paragraph of the node's `children`, when it has any, else nothing. It never
 * throws, so the rest of the document still renders.
 */
export const unknownBlock: BlockHandler<unknown> = (state, node, context) => {
  const children = field(node, "children");
  if (!Array.isArray(children)) return [];
  return [
    state.paragraph(
      placement(context, true),
      state.inlines(children as Inline[], { change: context.change }),
      context.change,
    ),
  ];
};

/**
 * The default for an inline kind without a handler: its `value` as text when it is a string, else
 * its `children`, else nothing.
 */
export const unknownInline: InlineHandler<unknown> = (state, node, marks) => {
  const value = field(node, "value");
  if (typeof value === "string") return value ? [state.run({ text: value }, marks)] : [];
  const children = field(node, "children");
  return Array.isArray(children) ? state.inlines(children as Inline[], marks) : [];
};

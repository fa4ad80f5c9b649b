import type { InlineHandler } from "./types.js";

export const strong: InlineHandler<"strong"> = (state, node) => [
  { type: "strong", children: state.inlines(node.children) },
];

export const emphasis: InlineHandler<"emphasis"> = (state, node) => [
  { type: "emphasis", children: state.inlines(node.children) },
];

/** Strikethrough has no meaning in a contract: its text is kept, unmarked. */
export const strikethrough: InlineHandler<"delete"> = (state, node) => state.inlines(node.children);

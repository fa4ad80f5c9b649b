import type { InlineHandler } from "./types.js";

/** Links (including GFM autolinks of bare addresses) keep their text; documents carry no URLs. */
export const link: InlineHandler<"link"> = (state, node) => state.inlines(node.children);
export const linkReference: InlineHandler<"linkReference"> = (state, node) =>
  state.inlines(node.children);

/** Images keep their alternative text. */
export const image: InlineHandler<"image"> = (_state, node) =>
  node.alt ? [{ type: "text", value: node.alt }] : [];

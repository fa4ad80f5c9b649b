import type { BreakNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `break` → a line break (`w:br`) inside the paragraph. */
export const lineBreak: InlineHandler<BreakNode> = (state, _node, marks) => [
  state.run({ break: 1 }, marks),
];

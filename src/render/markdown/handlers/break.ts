import type { BreakNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/**
 * `break` → a hard line break (`\` at the end of the line). Where a line break cannot be (a table
 * cell), the serialiser writes a space.
 */
export const lineBreak: InlineHandler<BreakNode> = () => [{ type: "break" }];

import type { BreakNode } from "../../../document/types.js";
import type { InlineHandler } from "../state.js";

/** `break` → `<br>`. */
export const lineBreak: InlineHandler<BreakNode> = () => "<br>";

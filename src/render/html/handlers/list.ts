import type { ListNode } from "../../../document/types.js";
import type { BlockHandler } from "../state.js";

/** `list` → `<ul>` or `<ol>`, each item's blocks in an `<li>`. */
export const list: BlockHandler<ListNode> = (state, node) => {
  const tag = node.ordered ? "ol" : "ul";
  const items = node.items.map((item) => `<li>${state.all(item)}</li>`).join("\n");
  return `<${tag}>\n${items}\n</${tag}>`;
};

import type { ListItem } from "mdast";
import type { ListNode } from "../../../document/types.js";
import type { BlockHandler } from "../state.js";

/**
 * `list` → a tight bullet (`-`) or numbered (`1.`) list; each item's blocks (a paragraph, a
 * nested list …) in a list item. Items a redline deleted entirely are left out, as is a list with
 * no item left.
 */
export const list: BlockHandler<ListNode> = (state, node) => {
  const items = node.items
    .map((item): ListItem => ({ type: "listItem", spread: false, children: state.all(item) }))
    .filter((item) => item.children.length > 0);
  if (items.length === 0) return [];
  return [
    {
      type: "list",
      ordered: node.ordered,
      ...(node.ordered ? { start: 1 } : {}),
      spread: false,
      children: items,
    },
  ];
};

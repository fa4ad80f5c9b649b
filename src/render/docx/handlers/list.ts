import type { ListNode } from "../../../document/types.js";
import { BULLET_NUMBERING, MAX_LIST_LEVEL, ORDERED_NUMBERING } from "../numbering.js";
import { type BlockHandler, placement } from "../state.js";
import { STYLE } from "../styles.js";

/**
 * `list` → one `List Paragraph` per item, numbered through the bullet or ordered list definition
 * at the list's nesting level. The item's first paragraph carries the bullet or number; its other
 * blocks (more paragraphs, nested lists) follow one level in. Every ordered list is a list instance
 * of its own, so it counts from 1. After a table the first item gets room above; a list kept with
 * the next block keeps every item (`placement`).
 */
export const list: BlockHandler<ListNode> = (state, node, context) => {
  const level = Math.min(context.listLevel, MAX_LIST_LEVEL);
  const numbering = node.ordered
    ? { reference: ORDERED_NUMBERING, level, instance: state.nextListInstance() }
    : { reference: BULLET_NUMBERING, level };
  const inner = { ...context, listLevel: context.listLevel + 1 };
  return node.items.flatMap((item, k) => {
    const [first, ...rest] = item;
    const lead = first?.type === "paragraph" ? first : undefined;
    const change = lead?.change ?? context.change;
    const numbered = state.paragraph(
      { style: STYLE.listParagraph, numbering, ...placement(context, k === 0) },
      lead ? state.inlines(lead.children, { change }) : [],
      change,
    );
    return [numbered, ...state.all(lead ? rest : item, inner)];
  });
};

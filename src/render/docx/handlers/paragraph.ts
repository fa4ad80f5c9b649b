import type { ParagraphNode } from "../../../document/types.js";
import { LIST_INDENT } from "../layout.js";
import { type BlockHandler, placement } from "../state.js";
import { STYLE } from "../styles.js";

/**
 * `paragraph` → a `Normal` paragraph. Inside a list item (after the item's first paragraph, which
 * the list handler numbers) it is a `List Paragraph` indented to the item's text. Kept with the
 * next block, or given room above after a table, as its place says (`placement`).
 */
export const paragraph: BlockHandler<ParagraphNode> = (state, node, context) => [
  state.paragraph(
    {
      ...(context.listLevel > 0
        ? { style: STYLE.listParagraph, indent: { left: LIST_INDENT * context.listLevel } }
        : {}),
      ...placement(context, true),
    },
    state.inlines(node.children, { change: context.change }),
    context.change,
  ),
];

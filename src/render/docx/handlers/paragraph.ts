import type { ParagraphNode } from "../../../document/types.js";
import { LIST_INDENT } from "../layout.js";
import type { BlockHandler } from "../state.js";
import { STYLE } from "../styles.js";

/**
 * `paragraph` → a `Normal` paragraph. Inside a list item (after the item's first paragraph, which
 * the list handler numbers) it is a `List Paragraph` indented to the item's text.
 */
export const paragraph: BlockHandler<ParagraphNode> = (state, node, context) => [
  state.paragraph(
    context.listLevel > 0
      ? { style: STYLE.listParagraph, indent: { left: LIST_INDENT * context.listLevel } }
      : {},
    state.inlines(node.children, { change: context.change }),
    context.change,
  ),
];

import type { HeadingNode } from "../../../document/types.js";
import { type BlockHandler, placement } from "../state.js";
import { STYLE } from "../styles.js";

/**
 * `heading` → a paragraph in the built-in style `heading 1`–`heading 3`. Its number comes from
 * Word's heading numbering, which the styles carry; when Word's numbers would differ from the
 * tree's (see `wordNumbersMatch`), the number is written as text and the style's numbering is
 * switched off for the paragraph. An unnumbered heading (number "") switches it off too
 * (`w:numId` 0): Word and LibreOffice show no number and do not count it, and the heading style
 * keeps it in the navigation pane and the table of contents. The style keeps a heading with the
 * next paragraph; a heading that leads into the signatures says so itself too, so it holds should
 * the style be changed.
 */
export const heading: BlockHandler<HeadingNode> = (state, node, context) => {
  const marks = { change: context.change };
  const children = state.inlines(node.children, marks);
  const keep = placement(context, false);
  if (state.wordHeadingNumbers && node.number) {
    return [
      state.paragraph({ style: STYLE.heading[node.depth - 1], ...keep }, children, context.change),
    ];
  }
  return [
    state.paragraph(
      { style: STYLE.heading[node.depth - 1], numbering: false, ...keep },
      node.number ? [state.run({ text: `${node.number}\t` }, marks), ...children] : children,
      context.change,
    ),
  ];
};

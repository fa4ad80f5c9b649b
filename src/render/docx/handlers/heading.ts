import type { HeadingNode } from "../../../document/types.js";
import { HEADING_NUMBERING } from "../numbering.js";
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
  // In a redline, a heading that had another level, or no number, or another number in the old
  // version carries its old properties as a tracked change (w:pPrChange).
  // A later document of a combined redline numbers its headings from 1, in a list of its own.
  const instance = state.headingInstance;
  /** Word's heading list at a level, in this document's own list instance when it has one. */
  const numbering = (depth: number) => ({
    reference: HEADING_NUMBERING,
    level: depth - 1,
    ...(instance > 0 ? { instance } : {}),
  });
  // Left to the style, unless the document has a list instance of its own.
  const listed = (depth: number) => (instance > 0 ? { numbering: numbering(depth) } : {});
  const before = state.options.redline?.previousHeadings?.get(node);
  const revision = before
    ? {
        revision: {
          ...state.revision(),
          style: STYLE.heading[before.depth - 1],
          // The old level's number explicitly, not only through the style: LibreOffice (7.4)
          // gives a paragraph's old direct properties back when it rejects a w:pPrChange, but not
          // its old style.
          numbering: before.numbered ? numbering(before.depth) : (false as const),
        },
      }
    : state.options.redline && context.change === "ins" && context.beforeTable
      ? {
          // An inserted heading right before a table. LibreOffice (7.4) cannot join its inserted
          // paragraph mark with the table when it rejects the insertion, and would leave an
          // empty numbered heading; with the paragraph's old properties recorded as none (what
          // Word writes when a new paragraph gets a heading style while changes are tracked), the
          // empty paragraph it leaves is a plain one, without a number.
          revision: state.revision(),
        }
      : {};
  if (state.wordHeadingNumbers && node.number) {
    return [
      state.paragraph(
        { style: STYLE.heading[node.depth - 1], ...listed(node.depth), ...keep, ...revision },
        children,
        context.change,
      ),
    ];
  }
  if (state.wordHeadingNumbers && state.options.redline) {
    // An unnumbered heading of a redline: off Word's list, as in a plain document.
    return [
      state.paragraph(
        { style: STYLE.heading[node.depth - 1], numbering: false, ...keep, ...revision },
        children,
        context.change,
      ),
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

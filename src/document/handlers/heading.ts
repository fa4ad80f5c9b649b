import { HEADING_ATTRIBUTES } from "../numbering.js";
import type { Inline } from "../types.js";
import type { BlockHandler } from "./types.js";

/** Removes the trailing `{#id}` / `{#id .onumrerad}` from the heading's last text node. */
function stripAttributes(children: Inline[]): Inline[] {
  const last = children[children.length - 1];
  if (last?.type !== "text") return children;
  const value = last.value.replace(HEADING_ATTRIBUTES, "").trimEnd();
  return [...children.slice(0, -1), ...(value ? [{ ...last, value }] : [])];
}

/**
 * A section heading: number ("" when unnumbered) and depth from the numbering pass, `{#id}` moved
 * into `id`, the attributes taken off the text.
 * A heading that is not a section (inside a list item, say) becomes a paragraph in bold.
 */
export const heading: BlockHandler<"heading"> = (state, node) => {
  const info = state.headings.get(node);
  const raw = state.raw(node).split("\n")[0] ?? "";
  const children = HEADING_ATTRIBUTES.test(raw)
    ? stripAttributes(state.inlines(node.children))
    : state.inlines(node.children);
  if (!info) return [{ type: "paragraph", children: [{ type: "strong", children }] }];
  return [
    {
      type: "heading",
      depth: info.depth,
      number: info.number,
      ...(info.id ? { id: info.id } : {}),
      children,
    },
  ];
};

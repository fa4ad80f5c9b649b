import type { Inline } from "../types.js";
import type { BlockHandler } from "./types.js";

/** Trims whitespace at the edges of a paragraph's inline content. */
export function trimInlines(children: Inline[]): Inline[] {
  const out = [...children];
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, value: first.value.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === "text") out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out.filter((n) => n.type !== "text" || n.value !== "");
}

/** A paragraph; an empty one is dropped. */
export const paragraph: BlockHandler<"paragraph"> = (state, node) => {
  const children = trimInlines(state.inlines(node.children));
  return children.length > 0 ? [{ type: "paragraph", children }] : [];
};

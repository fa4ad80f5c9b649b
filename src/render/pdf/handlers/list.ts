import type { ListNode } from "../../../document/types.js";
import { textWidth } from "../fonts.js";
import { element, leftEdge, type State } from "../state.js";
import { list as listStyle, space, style } from "../style.js";

/**
 * A bullet or numbered list with hanging indents: the item's blocks are set indented, the marker
 * (bullet, or the number right-aligned on its full stop) in front of the item's first line.
 * Nested lists indent further; bullets change with depth (•, –). Tagged L, an LI per item with
 * the marker as its Lbl and the item's blocks in its LBody.
 */
export function list(state: State, node: ListNode): void {
  const s = style.body;
  const markers = node.items.map((_, i) =>
    node.ordered
      ? `${i + 1}.`
      : (listStyle.bullets[state.listDepth % listStyle.bullets.length] as string),
  );
  const markerWidths = markers.map((m) => textWidth(m, s.face, s.size));
  const hang = node.ordered
    ? Math.max(listStyle.bulletIndent, Math.max(...markerWidths) + listStyle.numberGap)
    : listStyle.bulletIndent;
  const outerSpace = state.listDepth === 0 ? space.list : space.listItem;
  const x = leftEdge(state);
  const saved = {
    indent: state.indent,
    paragraphSpace: state.paragraphSpace,
    parent: state.parent,
  };
  const listElement = element(state.parent, "L", {
    numbering: node.ordered ? "Decimal" : "Disc",
  });
  const start = state.chunks.length;

  state.indent += hang;
  state.listDepth += 1;
  state.paragraphSpace = space.listItem;
  node.items.forEach((item, i) => {
    const first = state.chunks.length;
    const li = element(listElement, "LI");
    const label = element(li, "Lbl");
    state.parent = element(li, "LBody");
    state.all(item);
    const chunk = state.chunks[first];
    if (!chunk) return;
    const marker = markers[i] as string;
    const markerWidth = markerWidths[i] as number;
    chunk.boxes.unshift({
      kind: "text",
      x: node.ordered ? x + hang - listStyle.numberGap - markerWidth : x,
      y: chunk.firstBaseline ?? 0,
      width: markerWidth,
      text: marker,
      face: s.face,
      size: s.size,
      gray: s.gray,
      role: "marker",
      tag: label,
    });
  });
  state.indent = saved.indent;
  state.listDepth -= 1;
  state.paragraphSpace = saved.paragraphSpace;
  state.parent = saved.parent;

  const first = state.chunks[start];
  const last = state.chunks.at(-1);
  if (first) first.before = Math.max(first.before, outerSpace);
  if (last && state.chunks.length > start) last.after = Math.max(last.after, outerSpace);
}

import type { ListNode } from "../../../../document/types.js";
import { textWidth } from "../fonts.js";
import { leftEdge, type State } from "../state.js";
import { list as listStyle, space, style } from "../style.js";

/**
 * A bullet or numbered list with hanging indents: the item's blocks are set indented, the marker
 * (bullet, or the number right-aligned on its full stop) in front of the item's first line.
 * Nested lists indent further; bullets change with depth (•, –).
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
  const saved = { indent: state.indent, paragraphSpace: state.paragraphSpace };
  const start = state.chunks.length;

  state.indent += hang;
  state.listDepth += 1;
  state.paragraphSpace = space.listItem;
  node.items.forEach((item, i) => {
    const first = state.chunks.length;
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
    });
  });
  state.indent = saved.indent;
  state.listDepth -= 1;
  state.paragraphSpace = saved.paragraphSpace;

  const first = state.chunks[start];
  const last = state.chunks.at(-1);
  if (first) first.before = Math.max(first.before, outerSpace);
  if (last && state.chunks.length > start) last.after = Math.max(last.after, outerSpace);
}

import { field } from "../../handlers.js";
import { escapeHtml } from "../escape.js";
import type { State } from "../state.js";

/** Every text `value` inside a node, in order. */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) texts(child, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "value" && typeof value === "string") out.push(value);
      else texts(value, out);
    }
  }
  return out;
}

/**
 * Nodes of a kind this renderer does not know (a newer document tree): their text, escaped, in a
 * marked element, rather than failing or silently dropping content.
 */
export function unknown(_state: State, node: unknown): string {
  const type = String(field(node, "type"));
  return `<div class="okand" data-typ="${escapeHtml(type)}">${escapeHtml(texts(node).join(" "))}</div>`;
}

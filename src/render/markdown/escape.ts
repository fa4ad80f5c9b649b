/**
 * Escaping that only tries the patterns that can match. mdast-util-to-markdown escapes every text
 * by running each of its ~45 "unsafe" patterns (CommonMark's and GFM's: `*`, `_`, `#` at a line
 * start, `|` in a table cell, `~`, autolink starts …) as a regular expression over it, which was
 * most of the time the .md took. Every pattern matches at its `character`, so a pattern whose
 * character is not in the text (with the characters around it) matches nothing there, and leaving
 * it out changes no escape: the output is the library's, byte for byte.
 */
import type { Handle, State } from "mdast-util-to-markdown";
import { defaultHandlers } from "mdast-util-to-markdown";

type Safe = State["safe"];

/** Makes `state.safe` (used by every handler that writes text) try only the possible patterns. */
export function narrowEscaping(state: State): void {
  const all = state.unsafe;
  const characters = [...new Set(all.map((pattern) => pattern.character))];
  /** The patterns by the `characters` a text has, in the library's order. */
  const byPresence = new Map<string, State["unsafe"]>();
  const safe: Safe = state.safe.bind(state);
  state.safe = (value, config) => {
    const text = (config.before ?? "") + (value ?? "") + (config.after ?? "");
    let present = "";
    for (const ch of characters) if (text.includes(ch)) present += ch;
    let possible = byPresence.get(present);
    if (!possible) {
      const has = present;
      possible = all.filter((pattern) => has.includes(pattern.character));
      byPresence.set(present, possible);
    }
    state.unsafe = possible;
    try {
      return safe(value, config);
    } finally {
      state.unsafe = all;
    }
  };
}

/** The library's root handler, after `narrowEscaping` (the root is serialised first). */
export const narrowedRoot: Handle = (node, parent, state, info) => {
  narrowEscaping(state);
  return defaultHandlers.root(node, parent, state, info);
};

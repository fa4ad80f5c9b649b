import type { InlineHandler } from "./types.js";

/** Text; soft line breaks (and the spaces around them) become one space. */
export const text: InlineHandler<"text"> = (_state, node) => [
  { type: "text", value: node.value.replace(/[ \t]*\n[ \t]*/g, " ") },
];

/** A hard line break. */
export const lineBreak: InlineHandler<"break"> = () => [{ type: "break" }];

/** Code spans keep their text (documents have no code formatting). */
export const inlineCode: InlineHandler<"inlineCode"> = (_state, node) => [
  { type: "text", value: node.value },
];

/** Inline HTML is not interpreted: its source is kept as text. */
export const html: InlineHandler<"html"> = (_state, node) => [{ type: "text", value: node.value }];

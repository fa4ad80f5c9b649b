/**
 * The phrases of summary lines. Amounts and missing values are formatted by src/format.ts (the
 * one Swedish formatting module); Markdown is read by the document parser (remark with
 * remark-directive), as the documents are.
 */
import type { Nodes } from "mdast";
import { parseMarkdown } from "../../document/parse.js";
import { formatAmountDelta, formatAmountOrMissing, MISSING } from "../../format.js";
import { isSaknas } from "../../model.js";

/** What a missing value reads as. */
export { MISSING };

/** "805 000 kr" (non-breaking spaces), "ca 40 000 kr", or "uppgift saknas". */
export const kronor = formatAmountOrMissing;

/** "(+25 000 kr, +3,1 %)"; without the percentage when the old amount is 0. */
export const delta = formatAmountDelta;

/** "old → new". */
export const arrow = (before: string, after: string): string => `${before} → ${after}`;

/**
 * "650 000 kr → 675 000 kr (+25 000 kr, +3,8 %)": two amounts as written, with the difference
 * when both are known.
 */
export const amountChange = (
  beforeText: string,
  afterText: string,
  before: number | undefined,
  after: number | undefined,
): string =>
  `${arrow(beforeText, afterText)}${before !== undefined && after !== undefined ? ` ${delta(before, after)}` : ""}`;

/** A text value or "uppgift saknas" when it is missing. */
export const orMissing = (value: unknown): string =>
  value === undefined || value === null || isSaknas(value) ? MISSING : String(value);

/** Nodes whose children are words of one run of text. */
const PHRASING = new Set([
  "paragraph",
  "heading",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
  "tableCell",
]);

/** The words of a Markdown node, `:part[id]` as the party's name and `:avsnitt[id]` as "avsnitt id". */
function words(node: Nodes, partyName: (id: string) => string | undefined): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "textDirective": {
      const label = node.children.map((child) => words(child, partyName)).join("");
      if (node.name === "part") return partyName(label) ?? label;
      if (node.name === "avsnitt") return `avsnitt ${label}`;
      return label;
    }
    default: {
      if (!("children" in node)) return "";
      // Words run on within a paragraph; blocks (paragraphs, list items, cells) are spaced.
      return node.children
        .map((child) => words(child, partyName))
        .join(PHRASING.has(node.type) ? "" : " ");
    }
  }
}

/** Markdown text as plain text for a summary line: `:part[id]` becomes the party's name. */
export function plain(text: string, partyName: (id: string) => string | undefined): string {
  return words(parseMarkdown(text), partyName).replace(/\s+/g, " ").trim();
}

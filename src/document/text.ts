import type { Block, DocumentTree, Inline } from "./types.js";

/** Plain text of inline content; deleted redline text is left out. */
export function inlineText(nodes: readonly Inline[]): string {
  let out = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out += node.value;
        break;
      case "break":
        out += "\n";
        break;
      case "change":
        if (node.kind === "ins") out += inlineText(node.children);
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}

/** Blocks a reader sees: deleted redline blocks are left out. */
const visible = (blocks: readonly Block[]): Block[] => blocks.filter((b) => b.change !== "del");

/** Plain text of one block, paragraphs separated by newlines. */
export function blockText(block: Block): string {
  switch (block.type) {
    case "heading":
      return `${block.number} ${inlineText(block.children)}`;
    case "paragraph":
      return inlineText(block.children);
    case "list":
      return block.items
        .map((item) => visible(item).map(blockText).join("\n"))
        .filter((text) => text !== "")
        .join("\n");
    case "table":
      return [block.header, ...block.rows, ...(block.total ? [block.total] : [])]
        .map((row) => row.map(inlineText).join("\t"))
        .join("\n");
    case "signatures":
      return block.blocks
        .map((s) =>
          [
            `För ${s.party}`,
            s.name && s.title ? `${s.name}, ${s.title}` : (s.name ?? s.title ?? ""),
          ].join("\n"),
        )
        .join("\n");
  }
}

/**
 * The document's text in reading order: title, subtitle, then every block. Used for content
 * fingerprints and to compare what PDF and Word readers extract.
 */
export function documentText(tree: DocumentTree): string {
  const head = [tree.meta.title, tree.meta.subtitle].filter((s): s is string => Boolean(s));
  return [...head, ...visible(tree.children).map(blockText)].join("\n");
}

/** Collapses all whitespace, for comparing texts from different readers. */
export const normalizeWhitespace = (text: string): string =>
  text.replace(/[\s\u00a0]+/g, " ").trim();

import type { Block, DocumentTree, Inline, SignatureBlock } from "./types.js";

/**
 * Which text to take from a redline: what a reader of the new version sees (deleted words and
 * blocks left out), or everything including what was deleted (the diff lists deletions).
 */
interface TextOptions {
  deleted?: boolean;
}

function collectInline(nodes: readonly Inline[], options: TextOptions): string {
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
        if (node.kind === "ins" || options.deleted) out += collectInline(node.children, options);
        break;
      default:
        out += collectInline(node.children, options);
    }
  }
  return out;
}

/**
 * What a reference `:avsnitt[id]` reads: the section's number ("3.2"), or for an unnumbered
 * section its heading, `avsnittet ”Bilagor”`.
 */
export const sectionReference = (number: string, title: string): string =>
  number || `avsnittet ”${title}”`;

/** The blank a signature page leaves to fill in by hand: the day, an unknown place. */
export const SIGNATURE_BLANK = "____________";

/** "<name>, <title>", either alone when the other is missing; empty when both are. */
export const signatoryLine = (s: SignatureBlock): string =>
  s.name && s.title ? `${s.name}, ${s.title}` : (s.name ?? s.title ?? "");

/**
 * The pieces of "<place> den ____________ <year>", null where a blank to fill in by hand goes: a
 * blank for an unknown place, nothing for an unknown year. For renderers that draw blanks as
 * their own nodes (Markdown); the others use `dateLine`.
 */
export const dateLineParts = (s: SignatureBlock): (string | null)[] => [
  ...(s.place === null ? [null, " den "] : [`${s.place} den `]),
  null,
  ...(s.year === undefined ? [] : [` ${s.year}`]),
];

/** "<place> den ____________ <year>" as text, each blank as `SIGNATURE_BLANK`. */
export const dateLine = (s: SignatureBlock): string =>
  dateLineParts(s)
    .map((part) => part ?? SIGNATURE_BLANK)
    .join("");

/** Blocks a reader sees: deleted redline blocks are left out unless asked for. */
const visible = (blocks: readonly Block[], options: TextOptions): readonly Block[] =>
  options.deleted ? blocks : blocks.filter((b) => b.change !== "del");

function collectBlock(block: Block, options: TextOptions): string {
  const inline = (nodes: readonly Inline[]) => collectInline(nodes, options);
  switch (block.type) {
    case "heading":
      return block.number ? `${block.number} ${inline(block.children)}` : inline(block.children);
    case "paragraph":
      return inline(block.children);
    case "list":
      return block.items
        .map((item) =>
          visible(item, options)
            .map((b) => collectBlock(b, options))
            .join("\n"),
        )
        .filter((text) => text !== "")
        .join("\n");
    case "table":
      return [
        block.header,
        ...block.rows.filter((_, k) => options.deleted || block.rowChanges?.[k] !== "del"),
        ...(block.total ? [block.total] : []),
      ]
        .map((row) => row.map(inline).join("\t"))
        .join("\n");
    case "signatures":
      return block.blocks.map((s) => [`För ${s.party}`, signatoryLine(s)].join("\n")).join("\n");
  }
}

/** Plain text of inline content as the new version reads (deleted words left out). */
export const inlineText = (nodes: readonly Inline[]): string => collectInline(nodes, {});
/** Plain text of inline content including deleted words. */
export const inlineTextWithDeleted = (nodes: readonly Inline[]): string =>
  collectInline(nodes, { deleted: true });
/** Plain text of one block, paragraphs separated by newlines (deleted content left out). */
export const blockText = (block: Block): string => collectBlock(block, {});
/** Plain text of one block including deleted words and blocks. */
export const blockTextWithDeleted = (block: Block): string =>
  collectBlock(block, { deleted: true });

/**
 * The document's text in reading order: title, subtitle, then every block. Used for content
 * fingerprints and to compare what PDF and Word readers extract.
 */
export function documentText(tree: DocumentTree): string {
  const head = [tree.meta.title, tree.meta.subtitle].filter((s): s is string => Boolean(s));
  return [...head, ...visible(tree.children, {}).map(blockText)].join("\n");
}

/**
 * Collapses all whitespace (`\s` includes no-break spaces) and trims, for comparing texts: from
 * different readers, or from two versions of a document.
 */
export const normalizeWhitespace = (text: string): string => text.replace(/\s+/g, " ").trim();

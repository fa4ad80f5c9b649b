/**
 * Comparing the text different readers extract (pdftotext, LibreOffice, mammoth) with the
 * document tree's text, word by word.
 *
 * What is normalised, and why:
 * - Unicode to NFC; no-break and narrow no-break spaces (amounts are written "830 000 kr" with
 *   U+00A0) to spaces; a byte order mark, soft hyphens and zero-width characters are dropped.
 *   Readers differ in these, a reader of the document does not see them.
 * - All whitespace is collapsed, so line wrapping, tabs (heading number and text, table cells)
 *   and blank lines do not count: `documentText` separates table cells with tabs, LibreOffice
 *   writes each cell on a line of its own, pdftotext wraps lines where the PDF does.
 * Everything else is compared as is; what a renderer adds to the text of the tree (list markers,
 * date lines, repeated table headers, the copy label) is passed in as allowed extras, by the test.
 */

import { blockText, inlineText } from "../../src/document/text.js";
import type { Block, DocumentTree } from "../../src/document/types.js";

/** Normalises what readers differ in and a reader does not see (see the module comment). */
export const clean = (text: string): string =>
  text
    .normalize("NFC")
    .replace(/[\u00a0\u202f\u2007]/g, " ")
    .replace(/[\ufeff\u00ad\u200b\u200c\u200d]/g, "");

/** The words of a text after `clean`. */
export const words = (text: string): string[] =>
  clean(text)
    .split(/\s+/)
    .filter((w) => w !== "");

/** One text collapsed to single spaces after `clean`. */
export const flat = (text: string): string => words(text).join(" ");

/** An allowed extra: a sequence of words, or a pattern one word must match whole. */
export type Extra = readonly string[] | RegExp;

/** List markers as the PDF and LibreOffice write them: bullets, dashes, "1.". */
export const LIST_MARKER = /^(?:[•◦▪–-]|\d+\.)$/;

const matchAt = (list: readonly string[], at: number, extra: Extra): number => {
  if (extra instanceof RegExp) {
    const word = list[at];
    return word !== undefined && extra.test(word) ? 1 : 0;
  }
  if (extra.length === 0) return 0;
  for (let k = 0; k < extra.length; k++) if (list[at + k] !== extra[k]) return 0;
  return extra.length;
};

const context = (list: readonly string[], at: number): string => {
  const before = list.slice(Math.max(0, at - 8), at).join(" ");
  const here = at < list.length ? `[${list[at]}]` : "[— end —]";
  const after = list.slice(at + 1, at + 8).join(" ");
  return `…${before} ${here} ${after}…`;
};

/**
 * Compares two word sequences. `aExtras` may appear in `a` and `bExtras` in `b` where the other
 * has nothing: at a mismatch, an extra that starts there is skipped. A word that a line break cut
 * after a hyphen ("Stockholm-" "Gotland") is joined when that gives the other side's word.
 * Returns undefined when the sequences agree, else a readable description of the first difference.
 */
export function compareWords(
  a: readonly string[],
  b: readonly string[],
  names: [string, string],
  extras: { a?: readonly Extra[]; b?: readonly Extra[] } = {},
): string | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && x === y) {
      i++;
      j++;
      continue;
    }
    if (x !== undefined && y?.endsWith("-") && y + (b[j + 1] ?? "") === x) {
      i++;
      j += 2;
      continue;
    }
    if (y !== undefined && x?.endsWith("-") && x + (a[i + 1] ?? "") === y) {
      i += 2;
      j++;
      continue;
    }
    const skipB = Math.max(0, ...(extras.b ?? []).map((e) => matchAt(b, j, e)));
    if (skipB > 0) {
      j += skipB;
      continue;
    }
    const skipA = Math.max(0, ...(extras.a ?? []).map((e) => matchAt(a, i, e)));
    if (skipA > 0) {
      i += skipA;
      continue;
    }
    return (
      `first difference at word ${i + 1} of ${names[0]} / word ${j + 1} of ${names[1]}:\n` +
      `  ${names[0]}: ${context(a, i)}\n` +
      `  ${names[1]}: ${context(b, j)}`
    );
  }
  return undefined;
}

/** Every block of the tree, list items included, in document order. */
export function* blocks(list: readonly Block[]): Generator<Block> {
  for (const block of list) {
    if (block.change === "del") continue;
    yield block;
    if (block.type === "list") for (const item of block.items) yield* blocks(item);
  }
}

/** The numbered headings of a tree: "3.1 Styrgrupp". */
export const headings = (tree: DocumentTree): { number: string; text: string }[] =>
  [...blocks(tree.children)].flatMap((b) =>
    b.type === "heading" ? [{ number: b.number, text: inlineText(b.children) }] : [],
  );

/** Every cell of the tree's tables in a right-aligned (amount) column, total row included. */
export const amounts = (tree: DocumentTree): string[] =>
  [...blocks(tree.children)].flatMap((b) =>
    b.type === "table"
      ? [...b.rows, ...(b.total ? [b.total] : [])].flatMap((row) =>
          row.flatMap((cell, c) => (b.align[c] === "right" ? [flat(inlineText(cell))] : [])),
        )
      : [],
  );

/** The header cell of every right-aligned (amount) column: "Kostnad (kronor)". */
export const amountHeaders = (tree: DocumentTree): string[] =>
  [...blocks(tree.children)].flatMap((b) =>
    b.type === "table"
      ? b.header.flatMap((cell, c) => (b.align[c] === "right" ? [flat(inlineText(cell))] : []))
      : [],
  );

/**
 * The last words of the text before the signatures and the first signing party's name, for
 * checking that the signature blocks do not stand alone on a page. Undefined without signatures.
 */
export function beforeSignatures(
  tree: DocumentTree,
): { lastWords: string; party: string } | undefined {
  const children = tree.children.filter((b) => b.change !== "del");
  const at = children.findIndex((b) => b.type === "signatures");
  const signatures = children[at];
  const before = children[at - 1];
  if (signatures?.type !== "signatures" || !before || !signatures.blocks[0]) return undefined;
  return {
    lastWords: words(blockText(before)).slice(-3).join(" "),
    party: signatures.blocks[0].party,
  };
}

/** The words of each table's header row: a PDF repeats them on each continuation page. */
export const tableHeaders = (tree: DocumentTree): string[][] =>
  [...blocks(tree.children)].flatMap((b) =>
    b.type === "table" ? [words(b.header.map(inlineText).join(" "))] : [],
  );

/** The date line under each signature: "Stockholm den ____________ 2025". */
export const dateLines = (tree: DocumentTree): string[][] =>
  [...blocks(tree.children)].flatMap((b) =>
    b.type === "signatures"
      ? b.blocks.map((s) =>
          words(`${s.place ?? "____________"} den ____________${s.year ? ` ${s.year}` : ""}`),
        )
      : [],
  );

/**
 * Where `needles` occur in `haystack` one after the other, each after the previous one; the
 * first that does not is returned with where the search was, for a readable failure.
 */
export function findInOrder(
  haystack: string,
  needles: readonly string[],
): { missing: string; after: string } | undefined {
  let at = 0;
  let previous = "(start)";
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at);
    if (found < 0) {
      return { missing: needle, after: previous };
    }
    at = found + needle.length;
    previous = needle;
  }
  return undefined;
}

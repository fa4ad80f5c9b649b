/**
 * Word-level redline of inline content: the new content with `change` nodes for inserted and
 * deleted words. Formatting (strong, emphasis) is kept: a word that only changed formatting is
 * deleted and inserted, so accepting every change gives the new content and rejecting every
 * change the old one.
 */
import { diffArrays } from "diff";
import type { ChangeKind, Inline } from "../document/types.js";

const STRONG = 1;
const EMPHASIS = 2;

interface Token {
  text: string;
  marks: number;
  /** A hard line break. */
  brk?: boolean;
}

/**
 * Words (with inner hyphens, slashes, dots: "Stockholm-Gotland", "2021/630", "5.3"), numbers with
 * thousands separators ("805 000"), runs of whitespace, and single other characters.
 */
const TOKEN =
  /\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)|[\p{L}\p{N}]+(?:[-–:'’./][\p{L}\p{N}]+)*|\s+|./gsu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (t: Token): boolean => !t.brk && /^\s+$/u.test(t.text);

function flatten(nodes: readonly Inline[], marks: number, out: Token[]): Token[] {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        for (const text of tokenize(node.value)) out.push({ text, marks });
        break;
      case "break":
        out.push({ text: "\n", marks, brk: true });
        break;
      case "strong":
        flatten(node.children, marks | STRONG, out);
        break;
      case "emphasis":
        flatten(node.children, marks | EMPHASIS, out);
        break;
      case "change":
        // Input is a plain document; should it carry changes, read it as accepted.
        if (node.kind === "ins") flatten(node.children, marks, out);
        break;
    }
  }
  return out;
}

/** Builds inline nodes from tokens, merging neighbours with the same formatting. */
function build(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  let k = 0;
  while (k < tokens.length) {
    const marks = (tokens[k] as Token).marks;
    const run: Inline[] = [];
    let text = "";
    for (; k < tokens.length && (tokens[k] as Token).marks === marks; k++) {
      const token = tokens[k] as Token;
      if (token.brk) {
        if (text) run.push({ type: "text", value: text });
        text = "";
        run.push({ type: "break" });
      } else {
        text += token.text;
      }
    }
    if (text) run.push({ type: "text", value: text });
    let wrapped = run;
    if (marks & EMPHASIS) wrapped = [{ type: "emphasis", children: wrapped }];
    if (marks & STRONG) wrapped = [{ type: "strong", children: wrapped }];
    out.push(...wrapped);
  }
  return out;
}

/** Whitespace differences are not changes: all whitespace compares equal. */
const tokenKey = (t: Token): string => `${t.marks}:${t.brk ? "\n" : isSpace(t) ? " " : t.text}`;

interface Region {
  equal?: Token[];
  /** The same equal stretch as the old text has it (whitespace may differ from `equal`). */
  equalOld?: Token[];
  del?: Token[];
  ins?: Token[];
}

const width = (tokens: readonly Token[] | undefined): number =>
  (tokens ?? []).reduce((n, t) => n + t.text.length, 0);

export interface InlineDiff {
  /** The new content with `change` nodes. */
  children: Inline[];
  /** Whether anything changed. */
  changed: boolean;
  /**
   * Whether anything changed beyond section numbers (a reference "5.3" that became "5.4" because
   * sections were renumbered). Only substantive changes are reported.
   */
  substantive: boolean;
}

/**
 * Redlines `oldNodes` against `newNodes`. `renumbered` maps old section numbers to new ones; a
 * change of exactly such a number is still marked (the text did change) but is not substantive.
 */
export function diffInline(
  oldNodes: readonly Inline[],
  newNodes: readonly Inline[],
  renumbered: ReadonlyMap<string, string> = new Map(),
): InlineDiff {
  const oldTokens = flatten(oldNodes, 0, []);
  const newTokens = flatten(newNodes, 0, []);
  const regions = separateNumbers(absorbShortEqualities(toRegions(oldTokens, newTokens)));
  const children: Inline[] = [];
  let changed = false;
  let substantive = false;
  for (const region of regions) {
    if (region.equal) {
      children.push(...build(region.equal));
      continue;
    }
    changed = true;
    if (!isRenumbering(region, renumbered)) substantive = true;
    children.push(...changeNodes("del", region.del), ...changeNodes("ins", region.ins));
  }
  return { children: mergeText(children), changed, substantive };
}

/** A change mark around tokens, or nothing for none. */
const changeNodes = (kind: ChangeKind, tokens: Token[] | undefined): Inline[] =>
  tokens && tokens.length > 0 ? [{ type: "change", kind, children: build(tokens) }] : [];

/**
 * The word diff of two token lists grouped into equal stretches and change regions (deletions
 * and insertions together).
 */
function toRegions(oldTokens: Token[], newTokens: Token[]): Region[] {
  const parts = diffArrays(oldTokens.map(tokenKey), newTokens.map(tokenKey));
  const regions: Region[] = [];
  let i = 0;
  let j = 0;
  for (const part of parts) {
    if (part.removed || part.added) {
      let last = regions[regions.length - 1];
      if (!last || last.equal) {
        last = {};
        regions.push(last);
      }
      if (part.removed) {
        last.del = [...(last.del ?? []), ...oldTokens.slice(i, i + part.count)];
        i += part.count;
      } else {
        last.ins = [...(last.ins ?? []), ...newTokens.slice(j, j + part.count)];
        j += part.count;
      }
      continue;
    }
    // Equal tokens take the new text (whitespace may differ); the old text is kept for when
    // the stretch is folded into a deletion.
    regions.push({
      equal: newTokens.slice(j, j + part.count),
      equalOld: oldTokens.slice(i, i + part.count),
    });
    i += part.count;
    j += part.count;
  }
  return regions;
}

/**
 * Folds a short equal stretch between two change regions into both, so that "[-a-]{+x+}
 * [-b-]{+y+}" reads "[-a b-]{+x y+}". A stretch is short when it is whitespace or a single word
 * no longer than the changes on either side.
 */
function absorbShortEqualities(regions: Region[]): Region[] {
  const out: Region[] = [];
  for (let k = 0; k < regions.length; k++) {
    const region = regions[k] as Region;
    const before = out[out.length - 1];
    const after = regions[k + 1];
    if (before && after && isShortBetween(region, before, after)) {
      before.del = [
        ...(before.del ?? []),
        ...(region.equalOld ?? region.equal ?? []),
        ...(after.del ?? []),
      ];
      before.ins = [...(before.ins ?? []), ...(region.equal ?? []), ...(after.ins ?? [])];
      k++;
      continue;
    }
    out.push(region.equal ? region : { ...region });
  }
  return out;
}

/**
 * Whether `region` is an equal stretch between two change regions that is short: whitespace, or
 * one word no longer than the changes on either side.
 */
function isShortBetween(region: Region, before: Region, after: Region): boolean {
  if (!region.equal || before.equal || after.equal) return false;
  const words = region.equal.filter((t) => !isSpace(t));
  const len = width(region.equal);
  return (
    words.length === 0 ||
    (words.length === 1 &&
      len <= Math.max(width(before.del), width(before.ins)) &&
      len <= Math.max(width(after.del), width(after.ins)))
  );
}

/**
 * Gives a replaced number (deleted digits followed directly by inserted digits) the space next to
 * it on both sides, so that "[-805 000-]{+830 000+} kr" reads "[-805 000 -]{+830 000 +}kr":
 * printed in black and white, the old and the new amount stand apart instead of reading as one
 * number "805 000830 000". The space after the replacement is taken when there is one, else the
 * space before it. Accepting and rejecting give the same text as before.
 */
function separateNumbers(regions: Region[]): Region[] {
  regions.forEach((region, k) => {
    const del = region.del;
    const ins = region.ins;
    if (!del?.length || !ins?.length) return;
    if (!/\d$/.test((del.at(-1) as Token).text) || !/^\d/.test((ins[0] as Token).text)) return;
    const after = regions[k + 1];
    const before = regions[k - 1];
    if (after?.equal && isSpaceToken(after.equal[0]) && isSpaceToken(after.equalOld?.[0])) {
      del.push(after.equalOld?.shift() as Token);
      ins.push(after.equal.shift() as Token);
    } else if (
      before?.equal &&
      isSpaceToken(before.equal.at(-1)) &&
      isSpaceToken(before.equalOld?.at(-1))
    ) {
      del.unshift(before.equalOld?.pop() as Token);
      ins.unshift(before.equal.pop() as Token);
    }
  });
  return regions;
}

const isSpaceToken = (t: Token | undefined): boolean => t !== undefined && isSpace(t);

/**
 * Whether a change region only follows renumbering: each number became its new number, or the
 * whole region is one reference that changed form ("7" → "avsnittet ”Bilagor”" for a section
 * that lost its number, or back).
 */
function isRenumbering(region: Region, renumbered: ReadonlyMap<string, string>): boolean {
  const del = (region.del ?? []).filter((t) => !isSpace(t));
  const ins = (region.ins ?? []).filter((t) => !isSpace(t));
  if (del.length === 0 || ins.length === 0) return false;
  if (del.every((t, k) => renumbered.get(t.text) === ins[k]?.text) && del.length === ins.length) {
    return true;
  }
  const text = (tokens: Token[] | undefined) =>
    (tokens ?? [])
      .map((t) => t.text)
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  return renumbered.get(text(region.del)) === text(region.ins);
}

/** Merges adjacent text nodes (left by splitting into tokens). */
function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") {
      out[out.length - 1] = { type: "text", value: last.value + node.value };
    } else {
      out.push(node);
    }
  }
  return out;
}

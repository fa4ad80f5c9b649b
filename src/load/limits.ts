/**
 * Limits on the text a user types, checked on every string value of a parsed YAML file before
 * anything else reads it, so that no input can make a later stage slow, crash or write an invalid
 * file. Each problem is an error at the character it concerns:
 * - a value longer than its field allows (one-line fields such as titles and names are short;
 *   text fields are long, but bounded);
 * - a character that XML 1.0 forbids (C0 control characters other than tab and line breaks,
 *   U+FFFE, U+FFFF, lone surrogates): Word files and PDF metadata are XML, and one such character
 *   makes them unreadable;
 * - Markdown nested deeper than any document needs (`> > > …`, `- - - …`): the Markdown parser
 *   takes time quadratic in the nesting and later stages recurse on it.
 */
import { isScalar, type Scalar, visit } from "yaml";
import type { Diagnostic, RuleId } from "../diagnostics.js";
import { positionInScalar, type SourceFile } from "./source.js";

/** Fields written on one line (titles, names, headings): at most this many characters. */
export const MAX_LINE_FIELD_CHARS = 500;
/** Any other text value: at most this many characters (the longest real section is ~1 500). */
export const MAX_TEXT_CHARS = 20_000;
/** Block containers (quotes, list items) nested on one line or by indentation. */
export const MAX_MARKDOWN_DEPTH = 16;
/** Emphasis, links and other inline openers in one value. */
export const MAX_INLINE_OPENERS = 2_000;

const LINE_FIELDS = new Set([
  "titel",
  "undertitel",
  "namn",
  "rubrik",
  "diarienummer",
  "kommun",
  "förvaltning",
  "samlingsnamn",
  "ort",
  "post",
  "id",
]);

/** Characters XML 1.0 does not allow in a document, and lone surrogates. */
const FORBIDDEN = new RegExp(
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]" +
    "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
  "g",
);

const HAS_FORBIDDEN = new RegExp(FORBIDDEN.source);

const codePoint = (ch: string): string =>
  `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;

/** A block container marker at the start of a line: `>`, `-`, `*`, `+` or `1.` / `1)`. */
const CONTAINER = /^[ \t]{0,3}(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?/;

/**
 * A line that `deepMarkdown` can find too deep: each level takes at least one character at the
 * line's start, of indentation or of container markers, so such a line starts with more than
 * MAX_MARKDOWN_DEPTH of them. Almost no text has one, and it is then not split into lines.
 */
const DEEP_CANDIDATE = new RegExp(`^[ \\t>*+\\-0-9.)]{${MAX_MARKDOWN_DEPTH + 1}}`, "m");

/** The offset in `text` where Markdown nesting first exceeds the limit, if it does. */
function deepMarkdown(text: string): number | undefined {
  if (!DEEP_CANDIDATE.test(text)) return undefined;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    let depth = Math.floor(indent / 2);
    let rest = line;
    let at = lineStart;
    for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) {
      depth++;
      if (depth > MAX_MARKDOWN_DEPTH) return at;
      at += m[0].length;
      rest = rest.slice(m[0].length);
    }
    if (depth > MAX_MARKDOWN_DEPTH) return lineStart;
    lineStart += line.length + 1;
  }
  return undefined;
}

/** The offset of the first inline opener past the limit (`*`, `_`, `~`, `[`, `` ` ``). */
function manyOpeners(text: string): number | undefined {
  if (text.length <= MAX_INLINE_OPENERS) return undefined; // too short to hold that many
  let count = 0;
  const openers = /[*_~[`]/g;
  for (let m = openers.exec(text); m; m = openers.exec(text)) {
    if (++count > MAX_INLINE_OPENERS) return m.index;
  }
  return undefined;
}

/** Every limit problem in the string values of one file. */
export function checkLimits(file: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (node: Scalar, offset: number, message: string, rule: RuleId) => {
    const { line, col } = positionInScalar(file, node, offset) ??
      file.lineCounter.linePos(node.range?.[0] ?? 0) ?? { line: 1, col: 1 };
    out.push({ file: file.path, line, col, severity: "fel", message, rule });
  };
  visit(file.doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== "string") return;
      const limit = LINE_FIELDS.has(key) ? MAX_LINE_FIELD_CHARS : MAX_TEXT_CHARS;
      if (value.value.length > limit) {
        add(
          value,
          limit,
          `Värdet är ${value.value.length} tecken långt; ${key ? `fältet ${key}` : "ett fält"} får vara högst ${limit} tecken.`,
          "text-for-lang",
        );
      }
    },
    Scalar(key, node) {
      if (typeof node.value !== "string") return;
      // Tested first without the global flag (which `test` would advance): most texts have none.
      const forbidden = HAS_FORBIDDEN.test(node.value) ? node.value.matchAll(FORBIDDEN) : [];
      for (const m of forbidden) {
        add(
          node,
          m.index,
          `Tecknet ${codePoint(m[0])} är ett styrtecken eller icke-tecken som inte får finnas i text (Word- och PDF-filerna blir oläsbara). Ta bort det.`,
          "otillatet-tecken",
        );
      }
      if (key === "key") return;
      const deep = deepMarkdown(node.value);
      if (deep !== undefined) {
        add(
          node,
          deep,
          `Texten är nästlad i fler än ${MAX_MARKDOWN_DEPTH} nivåer (citat eller listor i varandra); så djupt går ingen överenskommelse.`,
          "markdown-for-djup",
        );
      }
      const openers = manyOpeners(node.value);
      if (openers !== undefined) {
        add(
          node,
          openers,
          `Texten har fler än ${MAX_INLINE_OPENERS} tecken för formatering (*, _, ~, [, \`); dela upp den.`,
          "markdown-for-djup",
        );
      }
    },
  });
  return out;
}

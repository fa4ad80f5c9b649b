/**
 * Escaping of data values for the Markdown that compose writes. Every plain data value (a name, a
 * budget line, a diarienummer) is escaped so that it reads literally after parsing; values typed
 * `Text` in the schemas are Markdown and are inserted as they are.
 */

/**
 * Characters escaped wherever they occur: CommonMark inline syntax (`*`, `_`, `` ` ``, `[`, `]`,
 * `<`, `>`, `&`, `\`), GFM (`|` cell separators, `~` strikethrough), `#` and `{`/`}` (so a value
 * cannot end a heading with a `{#id}` of its own or open a Handlebars-looking `{{`).
 */
const ALWAYS = /[\\`*_{}[\]<>#|~&]/g;
/** A colon followed by a letter or digit would start a text directive (`:part[…]`). */
const DIRECTIVE = /:(?=[\p{L}\p{N}])/gu;
/** Block syntax at the start of a value: list markers, ordered-list numbers, setext underlines. */
const LEADING = /^(?:([-+=])(?=\s|$)|(\d{1,9})([.)])(?=\s|$))/;

/** Escapes a plain value so that Markdown renders it literally. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(ALWAYS, "\\$&")
    .replace(DIRECTIVE, "\\:")
    .replace(LEADING, (_m, sign: string | undefined, digits: string, mark: string) =>
      sign ? `\\${sign}` : `${digits}\\${mark}`,
    );
}

/** Reverses `escapeMarkdown` (removes backslashes before ASCII punctuation). */
export const unescapeMarkdown = (value: string): string =>
  value.replace(/\\([!-/:-@[-`{-~])/g, "$1");

/**
 * Encodes an escaped value for a quoted directive attribute (`namn="…"`), where backslash escapes
 * do not apply but character references do.
 */
export const escapeAttribute = (markdownValue: string): string =>
  unescapeMarkdown(markdownValue)
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("\n", " ");

/** Indents every line after the first, so a multi-line Markdown text stays inside a list item. */
export const indentContinuation = (markdown: string, indent = "  "): string =>
  markdown.replace(/\n(?=[^\n])/g, `\n${indent}`);

/** Folds Markdown text into one table cell: one line, `|` escaped. */
export const tableCell = (markdown: string): string =>
  markdown
    .trim()
    .replace(/\s*\n\s*/g, " ")
    .replace(/(?<!\\)\|/g, "\\|");

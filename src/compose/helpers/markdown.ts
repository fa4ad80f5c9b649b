/** Helpers that shape Markdown: list items, table cells, paragraphs, directive attributes. */
import type { HelperDelegate } from "handlebars";
import { ComposeError } from "../errors.js";
import { escapeAttribute, indentContinuation, tableCell } from "../escape.js";
import { helper } from "./define.js";

const text = (name: string, v: unknown): string => {
  if (typeof v !== "string") {
    throw new ComposeError(`Mallfunktionen ${name} behöver en text.`, "mall-argument");
  }
  return v;
};

export const markdownHelpers: Record<string, HelperDelegate> = {
  /** Markdown text as one list item: continuation lines indented under the marker. */
  indrag: helper("indrag", 1, ([v]) => indentContinuation(text("indrag", v))),
  /** Markdown text folded into one table cell. */
  cell: helper("cell", 1, ([v]) => tableCell(text("cell", v))),
  /** The given texts that are present, joined into one paragraph. */
  stycke: helper("stycke", [1, 10], (args) =>
    args
      .filter((v) => v !== undefined && v !== null && v !== "")
      .map((v) => text("stycke", v).trim())
      .join(" "),
  ),
  /** An escaped value (or a number) as a quoted directive attribute value. */
  attr: helper("attr", 1, ([v]) =>
    typeof v === "number" && Number.isFinite(v) ? String(v) : escapeAttribute(text("attr", v)),
  ),
};

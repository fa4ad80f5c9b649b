/**
 * `--format text`: the summary, then the changed sections of each document with their changed
 * blocks. Changes are coloured (red deleted, green inserted) on a terminal, else marked the way
 * `git diff --word-diff` does: `[-deleted-]{+inserted+}`.
 */
import type { Block, ChangeKind, Inline } from "../../document/types.js";
import type { VersionDiff } from "../compare.js";
import type { DocumentRedline, SectionChange } from "../redline.js";
import { hasChanges, inlineHasChanges } from "./changes.js";

export interface TextOptions {
  /** ANSI colours instead of [-…-]{+…+} markers. Default: false (the CLI turns it on for a TTY without NO_COLOR). */
  color?: boolean;
}

interface Style {
  change(kind: ChangeKind, text: string): string;
  bold(text: string): string;
}

const MARKERS: Style = {
  change: (kind, text) => (kind === "del" ? `[-${text}-]` : `{+${text}+}`),
  bold: (text) => text,
};

const ANSI: Style = {
  change: (kind, text) =>
    kind === "del" ? `\x1b[31;9m${text}\x1b[0m` : `\x1b[32;4m${text}\x1b[0m`,
  bold: (text) => `\x1b[1m${text}\x1b[0m`,
};

function inline(nodes: readonly Inline[], style: Style, within?: ChangeKind): string {
  let out = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out += within ? style.change(within, node.value) : node.value;
        break;
      case "break":
        out += " ";
        break;
      case "change":
        out += inline(node.children, style, node.kind);
        break;
      default:
        out += inline(node.children, style, within);
    }
  }
  return out;
}

const INDENT = "    ";

function block(b: Block, style: Style, indent: string, within?: ChangeKind): string[] {
  const kind = b.change ?? within;
  switch (b.type) {
    case "heading":
      return [
        `${indent}${b.number ? inline([{ type: "text", value: `${b.number} ` }], style, kind) : ""}${inline(b.children, style, kind)}`,
      ];
    case "paragraph":
      return [`${indent}${inline(b.children, style, kind)}`];
    case "list":
      return b.items.flatMap((item, k) => {
        if (!kind && !item.some(hasChanges)) return [];
        const bullet = b.ordered ? `${k + 1}. ` : "• ";
        return item.flatMap((child, c) => {
          const lines = block(child, style, `${indent}  `, kind);
          return c === 0 && lines[0] !== undefined
            ? [`${indent}${bullet}${lines[0].slice(indent.length + 2)}`, ...lines.slice(1)]
            : lines;
        });
      });
    case "table": {
      // Rows with a change: an inserted or deleted row (rowChanges), or changed words in a cell.
      const rows: [Inline[][], ChangeKind | undefined][] = [
        [b.header, kind],
        ...b.rows.map((row, k): [Inline[][], ChangeKind | undefined] => [
          row,
          kind ?? b.rowChanges?.[k] ?? undefined,
        ]),
        ...(b.total ? [[b.total, kind] as [Inline[][], ChangeKind | undefined]] : []),
      ];
      return rows
        .filter(([row, rowKind]) => rowKind || row.some((cell) => inlineHasChanges(cell)))
        .map(
          ([row, rowKind]) =>
            `${indent}${row.map((cell) => inline(cell, style, rowKind)).join(" | ")}`,
        );
    }
    case "signatures":
      return b.blocks.map(
        (s) =>
          `${indent}${inline(
            [
              {
                type: "text",
                value: `För ${s.party}: ${[s.name, s.title].filter(Boolean).join(", ") || "–"}`,
              },
            ],
            style,
            kind,
          )}`,
      );
  }
}

function sectionTitle(s: SectionChange): string {
  // The number where the text stands: the old one for text that is gone, else the new one
  // (none for a section that is unnumbered now).
  const number = s.place === "from" || s.status === "removed" ? s.oldNumber : s.newNumber;
  const title = `${number ? `${number} ` : ""}${s.heading || "(inledning)"}`;
  switch (s.status) {
    case "added":
      return `${title} (tillagt)`;
    case "removed":
      return `${title} (borttaget)`;
    case "moved":
      return `${title} (${movedNote(s)})`;
    default:
      return inPlaceTitle(title, s);
  }
}

function movedNote(s: SectionChange): string {
  if (s.place === "from") return `flyttat härifrån${s.newNumber ? ` till ${s.newNumber}` : ""}`;
  return `flyttat${s.oldNumber ? ` från ${s.oldNumber}` : ""}${s.changed ? ", ändrat" : ""}`;
}

/** A section compared in place: notes for a move in the outline and a renamed heading. */
function inPlaceTitle(title: string, s: SectionChange): string {
  const notes = [
    s.parentChanged && s.oldNumber ? `flyttat från ${s.oldNumber}` : "",
    s.oldHeading ? `tidigare rubrik: ${s.oldHeading}` : "",
  ].filter(Boolean);
  return notes.length > 0 ? `${title} (${notes.join("; ")})` : title;
}

export function renderText(diff: VersionDiff, options: TextOptions = {}): string {
  const style = options.color ? ANSI : MARKERS;
  const lines: string[] = [`Jämförelse: ${diff.old.label} → ${diff.new.label}`, ""];
  if (diff.identical) return `${lines.join("\n")}Inga skillnader.\n`;
  if (diff.summary.length > 0) {
    lines.push(style.bold("Sammanfattning"));
    for (const item of diff.summary) lines.push(`  - ${item.text}`);
    lines.push("");
  }
  for (const doc of diff.documents) {
    if (doc.status !== "unchanged") lines.push(...documentLines(doc, style), "");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

const DOCUMENT_STATUS: Partial<Record<DocumentRedline["status"], string>> = {
  added: " (tillagd)",
  removed: " (borttagen)",
};

/** A changed document: its title, then each section that changed with its changed blocks. */
function documentLines(doc: DocumentRedline, style: Style): string[] {
  const lines = [style.bold(`${doc.title}${DOCUMENT_STATUS[doc.status] ?? ""}`)];
  for (const s of doc.sections) {
    if (s.status === "unchanged" && !s.oldHeading && !s.parentChanged) continue;
    lines.push(`  § ${sectionTitle(s)}`);
    // Moved text is listed where it went, and only when it changed there.
    if (s.status === "moved" && (s.place === "from" || !s.changed)) continue;
    for (const b of s.blocks) {
      if (shownBlock(b, s)) lines.push(...block(b, style, INDENT));
    }
  }
  return lines;
}

/**
 * Whether a block of a listed section is shown: only blocks with changes, and not the heading of
 * a section added, removed or moved as a whole (its title says so).
 */
const shownBlock = (b: Block, s: SectionChange): boolean =>
  hasChanges(b) &&
  !(
    b.type === "heading" &&
    (s.status === "added" || s.status === "removed" || s.status === "moved")
  );

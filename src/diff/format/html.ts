/**
 * `--format html`: one standalone Swedish page (inline CSS, no external resources): the summary
 * first, then the redline of every changed document with <ins>/<del>: the same content as the Word
 * redline (title, subtitle and diarienummer compared like text, moves with the changes inside
 * them). Readable on screen and on paper: insertions are underlined and deletions struck through,
 * whole inserted or deleted blocks carry a change bar, move notes are plain text; each document
 * starts a new page when printed. With `sideBySide`, each changed section is shown old beside new.
 */
import type { Block, DocumentTree, Inline } from "../../document/types.js";
import { escapeHtml, htmlPage, renderHtml } from "../../render/html/index.js";
import { acceptAll, rejectAll } from "../accept.js";
import type { VersionDiff, VersionInfo } from "../compare.js";
import { diffInline } from "../inline.js";
import type { DocumentRedline, SectionChange } from "../redline.js";
import type { SummaryItem } from "../summary/index.js";

export interface HtmlDiffOptions {
  /** Each changed section as the old text beside the new one, after the redline. */
  sideBySide?: boolean;
}

const version = (v: VersionInfo) =>
  `${escapeHtml(v.label)} <span class="forklaring">(${escapeHtml(v.id)}${v.date ? `, ${escapeHtml(v.date)}` : ""})</span>`;

/** Inline text with its changes (text and change nodes of one line) as HTML. */
function inlineHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
          return escapeHtml(node.value);
        case "change":
          return node.kind === "ins"
            ? `<ins>${inlineHtml(node.children)}</ins>`
            : `<del>${inlineHtml(node.children)}</del>`;
        case "strong":
        case "emphasis":
          return inlineHtml(node.children);
        default:
          return "<br>";
      }
    })
    .join("");
}

const text = (value: string): Inline[] => [{ type: "text", value }];

/** A document property redlined word by word (old → new), when it changed. */
function property(label: string, before: string | undefined, after: string | undefined): string {
  if ((before ?? "") === (after ?? "")) return "";
  const content = !before
    ? `<ins>${escapeHtml(after ?? "")}</ins>`
    : !after
      ? `<del>${escapeHtml(before)}</del>`
      : inlineHtml(diffInline(text(before), text(after)).children);
  return `<p class="egenskap"><span class="etikett">${label}:</span> ${content}</p>`;
}

/** Where each moved section came from or went, under its heading (not struck through). */
function notes(doc: DocumentRedline): Map<Block, string> {
  const out = new Map<Block, string>();
  for (const s of doc.sections) {
    const first = s.blocks[0];
    const note = moveNote(s);
    if (first?.type === "heading" && note) out.set(first, note);
  }
  return out;
}

/** The note under a moved section's heading (in the outline or in the text), if it moved. */
function moveNote(s: SectionChange): string | undefined {
  const from = s.oldNumber ? ` från ${s.oldNumber}` : "";
  if (s.parentChanged) return `Avsnittet har flyttats hit${from}.`;
  if (s.status !== "moved") return undefined;
  if (s.place === "from")
    return `Avsnittet har flyttats${s.newNumber ? ` till ${s.newNumber}` : ""}.`;
  return `Avsnittet har flyttats hit${from}${s.changed ? " och ändrats" : ""}.`;
}

/** Blocks with every change accepted or rejected (acceptAll/rejectAll work on whole trees). */
const resolved = (blocks: Block[], keep: "accept" | "reject"): Block[] =>
  (keep === "accept" ? acceptAll : rejectAll)({ children: blocks } as unknown as DocumentTree)
    .children;

/** Each changed section as two columns: the old text, the new text. */
function sideBySide(doc: DocumentRedline, prefix: string): string {
  const rows: string[] = [];
  for (const s of doc.sections) {
    if (s.status === "unchanged" && !s.parentChanged && !s.oldHeading) continue;
    const old = s.place === "to" ? [] : resolved(s.blocks, "reject");
    const now = s.place === "from" ? [] : resolved(s.blocks, "accept");
    const column = (blocks: Block[], side: string) =>
      `<div class="${side}">${blocks.length > 0 ? renderHtml({ ...doc.tree, children: blocks }, { idPrefix: `${prefix}${side}-`, bare: true }) : ""}</div>`;
    rows.push(`<div class="rad">${column(old, "tidigare")}${column(now, "ny")}</div>`);
  }
  return [
    '<section class="sida-vid-sida">',
    "<h2>Sida vid sida</h2>",
    '<div class="rad rubriker"><div class="tidigare">Tidigare version</div><div class="ny">Ny version</div></div>',
    ...rows,
    "</section>",
  ].join("\n");
}

/** One document's part of the page: its changed properties, its redline and the side-by-side view. */
export function documentHtml(doc: DocumentRedline, options: HtmlDiffOptions = {}): string {
  const status =
    doc.status === "added"
      ? "Tillagt dokument"
      : doc.status === "removed"
        ? "Borttaget dokument"
        : "";
  const meta = doc.tree.meta;
  const old = doc.oldMeta;
  return [
    `<section class="dokument" id="dokument-${escapeHtml(doc.name)}">`,
    ...(status ? [`<p class="forklaring">${status}</p>`] : []),
    ...(old
      ? [
          property("Titel", old.title, meta.title),
          property("Undertitel", old.subtitle, meta.subtitle),
          property("Diarienummer", old.diarienummer, meta.diarienummer),
        ].filter(Boolean)
      : []),
    renderHtml(doc.tree, { idPrefix: `${doc.name}-`, note: (block) => notes(doc).get(block) }),
    ...(options.sideBySide && doc.status === "changed" ? [sideBySide(doc, `${doc.name}-`)] : []),
    "</section>",
  ].join("\n");
}

const LEGEND =
  '<p class="forklaring">Tillagd text är <ins>understruken</ins> och borttagen text <del>överstruken</del>; hela tillagda eller borttagna stycken har dessutom ett streck i marginalen. Avsnittens nummer är den nya versionens. Ett flyttat avsnitt visas där det står nu, med en notering om var det stod.</p>';

/** The summary list (or the note that the data did not change). */
const summaryHtml = (summary: readonly SummaryItem[]) => [
  '<section class="sammanfattning">',
  "<h2>Sammanfattning av ändringarna</h2>",
  summary.length > 0
    ? `<ul>\n${summary.map((item) => `<li>${escapeHtml(item.text)}</li>`).join("\n")}\n</ul>`
    : "<p>Inga ändringar i uppgifterna; texten skiljer sig enligt nedan.</p>",
  "</section>",
];

export function renderHtmlDiff(diff: VersionDiff, options: HtmlDiffOptions = {}): string {
  const parts: string[] = [
    "<header>",
    "<h1>Jämförelse av två versioner</h1>",
    `<p>Tidigare version: ${version(diff.old)}<br>Ny version: ${version(diff.new)}</p>`,
    "</header>",
  ];
  if (diff.identical) {
    parts.push('<p class="sammanfattning">Inga skillnader.</p>');
    return htmlPage(`Jämförelse: ${diff.old.id} → ${diff.new.id}`, parts.join("\n"));
  }
  parts.push(...summaryHtml(diff.summary), LEGEND);
  for (const doc of diff.documents) {
    if (doc.status === "unchanged") {
      parts.push(`<p class="oforandrad">${escapeHtml(doc.title)}: oförändrad.</p>`);
      continue;
    }
    parts.push(documentHtml(doc, options));
  }
  return htmlPage(`Jämförelse: ${diff.old.id} → ${diff.new.id}`, parts.join("\n"));
}

/** The HTML redline of one document pair: a summary of its sections' changes, then its redline. */
export function renderDocumentHtmlDiff(
  doc: DocumentRedline,
  summary: readonly SummaryItem[],
  options: HtmlDiffOptions & { versions?: { old: VersionInfo; new: VersionInfo } } = {},
): string {
  const body =
    doc.status === "unchanged"
      ? [`<p class="oforandrad">${escapeHtml(doc.title)}: oförändrad.</p>`]
      : [...summaryHtml(summary), LEGEND, documentHtml(doc, options)];
  const { versions } = options;
  const named = versions
    ? [`<p>Tidigare version: ${version(versions.old)}<br>Ny version: ${version(versions.new)}</p>`]
    : [];
  return htmlPage(
    `Jämförelse: ${doc.title}`,
    ["<header>", "<h1>Jämförelse av två versioner</h1>", ...named, "</header>", ...body].join("\n"),
  );
}

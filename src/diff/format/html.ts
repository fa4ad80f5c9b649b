/**
 * `--format html`: one standalone Swedish page (inline CSS, no external resources): the summary
 * first, then the redline of every changed document with <ins>/<del>. Readable on screen and on
 * paper (each document starts a new page when printed).
 */
import type { Block } from "../../document/types.js";
import { escapeHtml, htmlPage, renderHtml } from "../../render/html/index.js";
import type { VersionDiff, VersionInfo } from "../compare.js";

const version = (v: VersionInfo) =>
  `${escapeHtml(v.label)} <span class="forklaring">(${escapeHtml(v.id)}${v.date ? `, ${escapeHtml(v.date)}` : ""})</span>`;

export function renderHtmlDiff(diff: VersionDiff): string {
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
  parts.push(
    '<section class="sammanfattning">',
    "<h2>Sammanfattning av ändringarna</h2>",
    diff.summary.length > 0
      ? `<ul>\n${diff.summary.map((item) => `<li>${escapeHtml(item.text)}</li>`).join("\n")}\n</ul>`
      : "<p>Inga ändringar i uppgifterna; texten skiljer sig enligt nedan.</p>",
    "</section>",
    '<p class="forklaring">Tillagd text är <ins>understruken</ins> och borttagen text <del>överstruken</del>. Avsnittens nummer är den nya versionens.</p>',
  );
  for (const doc of diff.documents) {
    if (doc.status === "unchanged") {
      parts.push(`<p class="oforandrad">${escapeHtml(doc.title)}: oförändrad.</p>`);
      continue;
    }
    const notes = new Map<Block, string>();
    for (const s of doc.sections) {
      const first = s.blocks[0];
      if (first?.type !== "heading") continue;
      if (s.parentChanged) {
        notes.set(first, `Avsnittet har flyttats hit${s.oldNumber ? ` från ${s.oldNumber}` : ""}.`);
        continue;
      }
      if (s.status !== "moved") continue;
      notes.set(
        first,
        s.place === "from"
          ? `Avsnittet har flyttats${s.newNumber ? ` till ${s.newNumber}` : ""}.`
          : `Avsnittet har flyttats hit${s.oldNumber ? ` från ${s.oldNumber}` : ""}${s.changed ? " och ändrats" : ""}.`,
      );
    }
    const status =
      doc.status === "added"
        ? "Tillagt dokument"
        : doc.status === "removed"
          ? "Borttaget dokument"
          : "";
    parts.push(
      `<section class="dokument" id="dokument-${escapeHtml(doc.name)}">`,
      ...(status ? [`<p class="forklaring">${status}</p>`] : []),
      renderHtml(doc.tree, { idPrefix: `${doc.name}-`, note: (block) => notes.get(block) }),
      "</section>",
    );
  }
  return htmlPage(`Jämförelse: ${diff.old.id} → ${diff.new.id}`, parts.join("\n"));
}

/** Fixture trees of the Word renderer's tests, built with the shared builders. */
import type { Block, ChangeKind, DocumentTree, Inline } from "../../../src/document/types.js";
import { changed, del, h, ins, p, strong, text as t, treeWith } from "../../helpers/trees.js";

/** A tree long enough for two pages in any font: 40 one-line paragraphs after one heading. */
export const longTree = (): DocumentTree =>
  treeWith([
    h(1, "1", "Åtagande"),
    ...Array.from({ length: 40 }, (_, i) => p(`Stycke ${i + 1} av överenskommelsen.`)),
  ]);

/**
 * A redline: inline insertions and deletions (one in bold, one in a table cell), an inserted and
 * a deleted paragraph, an inserted list item, and a section replaced by another.
 */
export function redlineTree(): DocumentTree {
  return treeWith([
    h(1, "1", "Åtagande"),
    p(
      "Partnerskapet gäller till och med den ",
      del(t("31 december 2026")),
      ins(t("31 december 2027")),
      ".",
    ),
    p("Föreningen ", strong(ins(t("ska"))), " rapportera", del(t(" årligen")), "."),
    changed(p("Ett helt nytt stycke."), "ins"),
    changed(p("Ett stycke som tas bort."), "del"),
    {
      type: "list",
      ordered: true,
      items: [[p("Stödsamtal.")], [changed(p("Medföljning."), "ins")]],
    },
    h(1, "2", "Ersättning"),
    {
      type: "table",
      align: ["left", "right"],
      header: [[t("Resurs")], [t("Kostnad")]],
      rows: [[[t("Personal")], [del(t("650\u00a0000 kr")), ins(t("700\u00a0000 kr"))]]],
    },
    changed(h(1, "3", "Uppföljning"), "del"),
    changed(p("Uppföljning sker varje år."), "del"),
    changed(h(1, "3", "Uppsägning"), "ins"),
    changed(p("Överenskommelsen kan sägas upp."), "ins"),
  ]);
}

/**
 * The text of one version of a redline: "new" keeps insertions and drops deletions, "old" the
 * reverse. Headings with their numbers, one line per paragraph or table cell.
 */
export function versionText(tree: DocumentTree, version: "new" | "old"): string {
  const keep: ChangeKind = version === "new" ? "ins" : "del";
  const kept = (change: ChangeKind | undefined) => change === undefined || change === keep;
  const inline = (nodes: Inline[]): string =>
    nodes
      .map((n) => {
        if (n.type === "text") return n.value;
        if (n.type === "break") return "\n";
        if (n.type === "change") return kept(n.kind) ? inline(n.children) : "";
        return inline(n.children);
      })
      .join("");
  const block = (b: Block): string[] => {
    if (!kept(b.change)) return [];
    switch (b.type) {
      case "heading":
        return [`${b.number} ${inline(b.children)}`];
      case "paragraph":
        return [inline(b.children)];
      case "list":
        return b.items.flatMap((item) => item.flatMap(block));
      case "table":
        return [b.header, ...b.rows, ...(b.total ? [b.total] : [])].flatMap((r) => r.map(inline));
      case "signatures":
        return b.blocks.map((s) => s.party);
    }
  };
  return [tree.meta.title, tree.meta.subtitle ?? "", ...tree.children.flatMap(block)].join("\n");
}

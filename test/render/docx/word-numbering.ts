import type { DocumentTree } from "../../../src/document/types.js";
import { all, child, children, paragraphs, render, styleOf, textOf } from "./helpers.js";

/**
 * Works out the list labels Word shows ("1", "1.1", "a)") from the XML alone: a paragraph's
 * numbering (its own `w:numPr`, else its style's, following `w:basedOn`), each `w:num`'s abstract
 * definition and start overrides, counters per list instance that restart the levels below.
 * Enough of ECMA-376 §17.9 for decimal, letter, roman and bullet levels — an independent check of
 * what the renderer writes, not a copy of its logic.
 */
export function wordLabels(document: Document, styles: Document, numbering: Document): string[] {
  const styleById = new Map(all(styles, "w:style").map((s) => [s.getAttribute("w:styleId"), s]));
  const numPrOf = (pPr: Element | undefined) => (pPr ? child(pPr, "w:numPr") : undefined);
  const styleNumPr = (id: string | undefined): Element | undefined => {
    for (let seen = 0; id && seen < 10; seen++) {
      const style = styleById.get(id);
      if (!style) return undefined;
      const found = numPrOf(child(style, "w:pPr"));
      if (found) return found;
      id = child(style, "w:basedOn")?.getAttribute("w:val") ?? undefined;
    }
    return undefined;
  };
  const number = (numPr: Element, name: string): number | undefined => {
    const v = child(numPr, name)?.getAttribute("w:val");
    return v === null || v === undefined ? undefined : Number(v);
  };
  const abstracts = new Map(
    all(numbering, "w:abstractNum").map((a) => [a.getAttribute("w:abstractNumId"), a]),
  );
  const nums = new Map(all(numbering, "w:num").map((n) => [n.getAttribute("w:numId"), n]));
  const counters = new Map<string, number[]>();

  return paragraphs(document).map((p) => {
    const own = numPrOf(child(p, "w:pPr"));
    const numPr = own ?? styleNumPr(styleOf(p));
    if (!numPr) return "";
    const numId = String(number(numPr, "w:numId") ?? 0);
    const ilvl = number(numPr, "w:ilvl") ?? 0;
    const num = nums.get(numId);
    if (numId === "0" || !num) return "";
    const abstract = abstracts.get(child(num, "w:abstractNumId")?.getAttribute("w:val") ?? "");
    if (!abstract) return "";
    const levels = children(abstract, "w:lvl");
    const level = (i: number) => levels.find((l) => l.getAttribute("w:ilvl") === String(i));
    const start = (i: number) => {
      const override = children(num, "w:lvlOverride").find(
        (o) => o.getAttribute("w:ilvl") === String(i),
      );
      const from = override ? child(override, "w:startOverride") : undefined;
      const lvlStart = level(i) ? child(level(i) as Element, "w:start") : undefined;
      return Number(from?.getAttribute("w:val") ?? lvlStart?.getAttribute("w:val") ?? 0);
    };
    const count = counters.get(numId) ?? Array.from({ length: 9 }, (_, i) => start(i) - 1);
    count[ilvl] = (count[ilvl] ?? 0) + 1;
    for (let i = ilvl + 1; i < 9; i++) count[i] = start(i) - 1;
    counters.set(numId, count);
    const lvl = level(ilvl);
    const text = (lvl && child(lvl, "w:lvlText")?.getAttribute("w:val")) ?? "";
    const legal = lvl ? child(lvl, "w:isLgl") !== undefined : false;
    return text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const format = legal
        ? "decimal"
        : level(i) && child(level(i) as Element, "w:numFmt")?.getAttribute("w:val");
      return formatNumber(count[i] ?? 0, format ?? "decimal");
    });
  });
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return String.fromCharCode(96 + n);
    case "upperLetter":
      return String.fromCharCode(64 + n);
    case "lowerRoman":
      return ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n] ?? String(n);
    default:
      return String(n);
  }
}

/**
 * Every paragraph of the rendered document with its style, text and the label Word shows on it
 * (heading or list number), computed from the document, styles and numbering XML.
 */
export async function labelledParagraphs(tree: DocumentTree) {
  const parts = await render(tree);
  const document = parts.xml("word/document.xml");
  const labels = wordLabels(
    document,
    parts.xml("word/styles.xml"),
    parts.xml("word/numbering.xml"),
  );
  return all(document, "w:p").map((para, i) => ({
    para,
    style: styleOf(para),
    text: textOf(para),
    label: labels[i],
  }));
}

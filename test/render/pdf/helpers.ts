import {
  type Box,
  type DocumentLayout,
  page,
  type TextBox,
  textArea,
} from "../../../src/render/pdf/index.js";
import { fontBox } from "../../../src/render/pdf/style.js";

/** Options for layout tests: the running footer's fingerprint and a copy label. */
export const layoutOptions = {
  fingerprint: "3f2a 91c0 77be",
  copyLabel: "Exemplar 2 av 6 – Brottsofferjouren Stockholm-Gotland",
};

export interface PlacedText extends TextBox {
  page: number;
}

/** Every text box of the layout with its page, in reading order (page, baseline, x). */
export function texts(layout: DocumentLayout): PlacedText[] {
  return layout.pages
    .flatMap((p, i) =>
      p.boxes.filter((b): b is TextBox => b.kind === "text").map((b) => ({ ...b, page: i })),
    )
    .sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
}

/** Lines of body text: boxes on one baseline joined, per page. */
export function lines(layout: DocumentLayout): { page: number; y: number; text: string }[] {
  const out: { page: number; y: number; text: string }[] = [];
  for (const t of texts(layout)) {
    const last = out.at(-1);
    if (last && last.page === t.page && Math.abs(last.y - t.y) < 0.01) last.text += t.text;
    else out.push({ page: t.page, y: t.y, text: t.text });
  }
  return out;
}

/** The ink rectangle of a text box: advance width by ascent and descent. */
export const extent = (t: TextBox) => ({
  left: t.x,
  right: t.x + t.width,
  top: t.y - fontBox.ascent * t.size,
  bottom: t.y + fontBox.descent * t.size,
});

const EPS = 0.01;

/** Problems: boxes outside where they belong (body inside the text area, running text in the margins). */
export function outOfPlace(layout: DocumentLayout): string[] {
  const problems: string[] = [];
  layout.pages.forEach((p, i) => {
    for (const box of p.boxes) {
      const where = `page ${i + 1}: ${describe(box)}`;
      if (box.kind === "text") {
        const e = extent(box);
        const inside = e.left >= textArea.left - EPS && e.right <= textArea.right + EPS;
        if (!inside) problems.push(`outside left/right margins: ${where}`);
        if (box.role === "header" && !(e.bottom <= textArea.top && e.top >= 0)) {
          problems.push(`header not in the top margin: ${where}`);
        } else if (
          box.role === "footer" &&
          !(e.top >= textArea.bottom && e.bottom <= page.height)
        ) {
          problems.push(`footer not in the bottom margin: ${where}`);
        } else if (
          box.role !== "header" &&
          box.role !== "footer" &&
          !(e.top >= textArea.top - EPS && e.bottom <= textArea.bottom + EPS)
        ) {
          problems.push(`outside the text area: ${where}`);
        }
      } else {
        const [x1, x2, y1, y2] =
          box.kind === "rule"
            ? [box.x1, box.x2, box.y1, box.y2]
            : [box.x, box.x + box.width, box.y, box.y + box.height];
        const slack = 1;
        if (
          Math.min(x1, x2) < textArea.left - slack ||
          Math.max(x1, x2) > textArea.right + slack ||
          Math.min(y1, y2) < 0 ||
          Math.max(y1, y2) > page.height
        ) {
          problems.push(`graphics outside the measure: ${where}`);
        }
      }
    }
  });
  return problems;
}

/** Pairs of text boxes on one page whose ink rectangles overlap. */
export function overlaps(layout: DocumentLayout): string[] {
  const problems: string[] = [];
  layout.pages.forEach((p, i) => {
    const boxes = p.boxes.filter((b): b is TextBox => b.kind === "text");
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const A = extent(boxes[a] as TextBox);
        const B = extent(boxes[b] as TextBox);
        const apart =
          A.right <= B.left + EPS ||
          B.right <= A.left + EPS ||
          A.bottom <= B.top + EPS ||
          B.bottom <= A.top + EPS;
        if (!apart) {
          problems.push(
            `page ${i + 1}: ${describe(boxes[a] as Box)} / ${describe(boxes[b] as Box)}`,
          );
        }
      }
    }
  });
  return problems;
}

function describe(box: Box): string {
  return box.kind === "text"
    ? `"${box.text}" at (${box.x.toFixed(1)}, ${box.y.toFixed(1)}) w ${box.width.toFixed(1)}`
    : `${box.kind} ${JSON.stringify(box)}`;
}

/**
 * Checks that `extracted` (a reader's text of the PDF) is the document's text `expected` with the
 * renderer's own words (`added`: list markers, date lines, the copy label, in reading order)
 * interleaved, and nothing else: compared word by word after whitespace normalisation. Returns
 * null, or where the two part ways.
 */
export function interleaves(
  extracted: string,
  expected: string,
  added: readonly string[],
): string | null {
  const words = (s: string) => s.split(/[\s\u00a0]+/).filter(Boolean);
  const ext = words(extracted);
  const exp = words(expected);
  const extra = added.map(words).filter((w) => w.length > 0);
  let i = 0;
  let j = 0;
  let f = 0;
  while (i < ext.length) {
    const next = extra[f];
    // Added text where it reads, unless the document's own text reads there just as well (a table
    // header repeated on a later page is added text; the first one is the document's).
    const isAdded = next?.every((w, k) => ext[i + k] === w);
    const isText = next?.every((_, k) => ext[i + k] === exp[j + k]);
    if (next && isAdded && !isText) {
      i += next.length;
      f++;
    } else if (j < exp.length && ext[i] === exp[j]) {
      i++;
      j++;
    } else {
      const context = (xs: string[], at: number) => xs.slice(Math.max(0, at - 5), at + 5).join(" ");
      return `at word ${i}: read "${context(ext, i)}", expected "${context(exp, j)}" or "${next?.join(" ")}"`;
    }
  }
  if (j < exp.length) return `text missing at the end: "${exp.slice(j, j + 10).join(" ")}"`;
  if (f < extra.length) return `added text missing: "${extra[f]?.join(" ")}"`;
  return null;
}

/**
 * The renderer's own words inside the text area (list markers, date lines, labels, repeated table
 * headers), in reading order.
 */
export function addedText(layout: DocumentLayout): string[] {
  return texts(layout)
    .filter((t) => t.role === "marker" || t.role === "label" || t.role === "repeat")
    .map((t) => t.text);
}

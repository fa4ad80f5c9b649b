/**
 * The pure layout step: document tree → pages of positioned boxes. No PDF is written here, so
 * every typesetting rule can be tested on the boxes.
 *
 * Order of work: the title block and one handler per block make chunks (`handlers/`); pagination
 * stacks them onto pages (`paginate.ts`); then, with the page count known, every page gets its
 * running header (title, diarienummer) and footer ("Sida X (Y)", fingerprint).
 */
import type { DocumentMeta, DocumentTree } from "../../document/types.js";
import { blockHandler } from "../handlers.js";
import { textWidth } from "./fonts.js";
import { handlers } from "./handlers/index.js";
import { toSpans, wrap } from "./inline.js";
import { paginate } from "./paginate.js";
import { baselineIn, type Chunk, element, lineBoxes, type State, tag } from "./state.js";
import { page, running, signature, space, style, textArea } from "./style.js";
import type {
  Box,
  DocumentLayout,
  OutlineEntry,
  PdfOptions,
  SignatureSlot,
  StructElement,
  TextBox,
} from "./types.js";

export function layoutDocument(tree: DocumentTree, options: PdfOptions = {}): DocumentLayout {
  const chunks: Chunk[] = [];
  const structure: StructElement = { type: "Document", children: [] };
  const state: State = {
    options,
    chunks,
    indent: 0,
    listDepth: 0,
    parent: structure,
    paragraphSpace: space.paragraph,
    one(block) {
      const outer = state.change;
      if (block.change) state.change = block.change;
      blockHandler(handlers, block)(state, block);
      state.change = outer;
    },
    all(blocks) {
      for (const block of blocks) state.one(block);
    },
  };
  titleBlock(state, tree.meta);
  state.all(tree.children);

  const placed = paginate(chunks, textArea.height);
  const outline: OutlineEntry[] = [];
  const signatures: SignatureSlot[] = [];
  const pages = placed.map((items, index) => {
    const boxes: Box[] = [];
    for (const { chunk, top, repeated } of items) {
      const dy = textArea.top + top;
      boxes.push(...placeBoxes(chunk.boxes, dy, repeated));
      if (chunk.outline) outline.push({ ...chunk.outline, page: index, y: dy });
      if (chunk.signature) {
        const { partyId, x1, x2, y } = chunk.signature;
        signatures.push({ partyId, page: index, rect: signatureRect(x1, x2, dy + y) });
      }
    }
    boxes.push(...runningBoxes(tree.meta, index, placed.length, options));
    return { boxes };
  });
  return { pages, structure, outline, signatures };
}

/** A chunk's boxes moved down to where it stands on its page. */
function placeBoxes(boxes: readonly Box[], dy: number, repeated: boolean | undefined): Box[] {
  return boxes.map((box) => {
    const moved = translate(box, dy);
    // A header row repeated on a continuation page is an artifact: the table's TH hold it once.
    if (repeated && moved.kind === "text") {
      moved.role = "repeat";
      delete moved.tag;
    }
    return moved;
  });
}

function translate(box: Box, dy: number): Box {
  switch (box.kind) {
    case "text":
      return { ...box, y: box.y + dy };
    case "rule":
      return { ...box, y1: box.y1 + dy, y2: box.y2 + dy };
    case "fill":
      return { ...box, y: box.y + dy };
  }
}

/** The widget rectangle over a signature line (PDF user space, origin bottom-left). */
function signatureRect(x1: number, x2: number, lineY: number): SignatureSlot["rect"] {
  const { below, height } = signature.field;
  return { x: x1, y: page.height - lineY - below, width: x2 - x1, height };
}

/** Title (tagged H1) and subtitle (P) on the first page. */
function titleBlock(state: State, meta: DocumentMeta): void {
  const x = textArea.left;
  const add = (
    text: string,
    s: (typeof style)["title" | "subtitle"],
    after: number,
    type: "H1" | "P",
  ) => {
    const lines = wrap(toSpans([{ type: "text", value: text }], s.face), textArea.width, s.size);
    const el = element(state.parent, type);
    state.chunks.push({
      height: lines.length * s.leading,
      before: 0,
      after,
      boxes: tag(
        lines.flatMap((line, i) => lineBoxes(line, x, baselineIn(s) + i * s.leading, s)),
        el,
      ),
      keepWithNext: true,
    });
  };
  add(meta.title, style.title, meta.subtitle ? space.subtitle : space.titleAfter, "H1");
  if (meta.subtitle) add(meta.subtitle, style.subtitle, space.titleAfter, "P");
}

/**
 * Running header and footer, drawn as artifacts (not part of the document's text). The header is
 * the title over the diarienummer, both at the left, its last line just above the header rule; a
 * title too long for the line is shortened at a word boundary. The footer has the fingerprint
 * left and the page number right, and under them the copy label of a signing copy, on every
 * page.
 *
 * The header's lines stand one under the other so that poppler's layout analysis (see `reader`)
 * reads them as one block before anything else on the page. A diarienummer at the right end of
 * the title's line was a block of its own, and poppler reads a block that stands entirely left of
 * another before it: a page starting with a table whose cells are blocks of their own (a text
 * table, see the table handler) was read cells first, then the Dnr.
 */
function runningBoxes(meta: DocumentMeta, index: number, count: number, options: PdfOptions) {
  const s = style.running;
  const boxes: Box[] = [];
  const text = (value: string, x: number, y: number, role: TextBox["role"]): TextBox => ({
    kind: "text",
    x,
    y,
    width: textWidth(value, s.face, s.size),
    text: value,
    face: s.face,
    size: s.size,
    gray: s.gray,
    role,
  });
  const right = (value: string, y: number, role: TextBox["role"]) => {
    const box = text(value, 0, y, role);
    box.x = textArea.right - box.width;
    return box;
  };
  const header = [
    meta.title,
    ...(meta.diarienummer.trim() ? [`Dnr ${meta.diarienummer.trim()}`] : []),
  ];
  header.forEach((line, i) => {
    const y = running.headerBaseline - (header.length - 1 - i) * s.leading;
    boxes.push(text(ellipsize(line, textArea.width), textArea.left, y, "header"));
  });
  const rule = (y: number) =>
    boxes.push({
      kind: "rule",
      x1: textArea.left,
      y1: y,
      x2: textArea.right,
      y2: y,
      ...running.rule,
    });
  rule(running.headerRule);
  rule(running.footerRule);
  const pageBox = right(`Sida ${index + 1} (${count})`, running.footerBaseline, "footer");
  boxes.push(pageBox);
  if (options.fingerprint) {
    const room = textArea.width - pageBox.width - 18;
    boxes.push(
      text(
        ellipsize(`Kontrollsumma ${options.fingerprint}`, room),
        textArea.left,
        running.footerBaseline,
        "footer",
      ),
    );
  }
  if (options.copyLabel) boxes.push(copyLabelBox(options.copyLabel));
  return boxes;
}

/** The copy label under the footer line: the last box of every page of a signing copy. */
export function copyLabelBox(label: string): TextBox {
  const s = style.running;
  const value = ellipsize(label, textArea.width);
  return {
    kind: "text",
    x: textArea.left,
    y: running.footerBaseline + s.leading,
    width: textWidth(value, s.face, s.size),
    text: value,
    face: s.face,
    size: s.size,
    gray: s.gray,
    role: "footer",
  };
}

/**
 * A signing copy's layout from the document's layout without a copy label: the same pages with
 * the label added last on each, exactly as `layoutDocument(tree, { ...options, copyLabel })`
 * lays it out (the label changes nothing else), without laying the document out again. The
 * given layout is not changed.
 */
export function withCopyLabel(layout: DocumentLayout, label: string): DocumentLayout {
  const box = copyLabelBox(label);
  return { ...layout, pages: layout.pages.map((p) => ({ ...p, boxes: [...p.boxes, box] })) };
}

/**
 * `text`, shortened with an ellipsis to fit `width` in the running style: whole words are dropped
 * from the end, so no word is cut. Only a first word wider than the whole line is cut (between
 * characters), as nothing else would fit. Each character is measured once, so a title of any
 * length costs time linear in its length.
 */
export function ellipsize(text: string, width: number): string {
  const s = style.running;
  const measure = (t: string) => textWidth(t, s.face, s.size);
  if (measure(text) <= width) return text;
  const room = width - measure("…");
  const chars = Array.from(text);
  let used = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    used += measure(chars[end] as string);
    if (used > room) break;
  }
  // The longest prefix that fits (at most a line's worth of characters), cut back to whole words.
  let prefix = chars.slice(0, end).join("");
  if (!/\s/.test(chars[end] ?? " ")) {
    const lastSpace = prefix.search(/\s\S*$/u);
    if (lastSpace > 0) prefix = prefix.slice(0, lastSpace);
  }
  return `${prefix.trimEnd().replace(/[\s,;:–—-]+$/u, "")}…`;
}

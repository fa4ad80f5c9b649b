/**
 * Move markup for redlines. docx writes insertions and deletions only, so the renderer writes a
 * moved block's changes as `w:ins` / `w:del` and records their revision ids (`State.moveRevisions`);
 * this rewrites those elements of the compiled document.xml as Word's own move markup:
 *
 * - `w:del` → `w:moveFrom`, `w:ins` → `w:moveTo` (runs and paragraph marks);
 * - words deleted inside moved-to text stay a `w:del`, nested in a `w:moveTo` of their own
 *   (`<w:moveTo><w:del>…</w:del></w:moveTo>`): they were moved, then deleted; that `w:moveTo`
 *   has no date (see below);
 * - only moves with moved text in both places (else they stay insertions and deletions);
 * - each move's text is enclosed in `w:moveFromRangeStart`/`End` and `w:moveToRangeStart`/`End`
 *   with the move's name, which is how Word pairs the two places.
 */
import type { MoveRevision } from "./state.js";

const OPEN = /<w:(ins|del) w:id="(\d+)"([^>]*?)(\/?)>/g;

/** Escapes an attribute value. */
const attribute = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Rewrites the move revisions of a document.xml. `firstFreeId` is above every revision id in use
 * (range marks take ids of their own, after it).
 */
export function writeMoves(
  xml: string,
  revisions: ReadonlyMap<number, MoveRevision>,
  firstFreeId: number,
): string {
  if (revisions.size === 0) return xml;
  // A move is written as one only where both its places hold moved text (run-level elements): a
  // moved section whose text is all new where it now stands has nothing to move to, and a
  // w:moveFrom without its w:moveTo is not a move a reader can follow. Such revisions stay the
  // insertions and deletions they were rendered as.
  const paired = pairedMoves(xml, revisions);
  const writer: MoveWriter = { nextId: firstFreeId, ranges: new Map() };
  let out = "";
  let at = 0;
  for (const match of xml.matchAll(OPEN)) {
    const [whole, name, idText = "", attrs = "", selfClosing] = match;
    const revision = revisions.get(Number(idText));
    if (!revision || match.index === undefined) continue;
    out += xml.slice(at, match.index);
    at = match.index;
    if (!paired(revision.name)) {
      // Words deleted inside text that is no move after all (an insertion): rejecting the
      // insertion would bring them back here; they show in the deleted old text.
      if (revision.deletion) at = xml.indexOf("</w:del>", at) + "</w:del>".length;
      continue;
    }
    at += whole.length;
    if (selfClosing) {
      // A paragraph mark: the element itself says it moved.
      const element = revision.kind === "from" ? "w:moveFrom" : "w:moveTo";
      out += `<${element} w:id="${idText}"${attrs}/>`;
      continue;
    }
    const close = xml.indexOf(`</w:${name}>`, at);
    out += moveElement(writer, revision, { id: idText, attrs, inner: xml.slice(at, close) });
    at = close + `</w:${name}>`.length;
  }
  out += xml.slice(at);
  return endRanges(out, writer.ranges);
}

/** Ids handed out so far, and per move and side its range id and attributes. */
interface MoveWriter {
  nextId: number;
  ranges: Map<string, { id: number; attrs: string }>;
}

/**
 * A run-level revision as move markup, opened by its move's range start the first time that side
 * of the move is met, and followed by a marker where the range may end (see `endRanges`).
 */
function moveElement(
  writer: MoveWriter,
  revision: MoveRevision,
  element: { id: string; attrs: string; inner: string },
): string {
  const { id, attrs, inner } = element;
  const side = revision.kind === "from" ? "From" : "To";
  const key = `${side}:${revision.name}`;
  let start = "";
  if (!writer.ranges.has(key)) {
    const range = { id: writer.nextId++, attrs };
    writer.ranges.set(key, range);
    start = `<w:move${side}RangeStart w:id="${range.id}" w:name="${attribute(revision.name)}"${attrs}/>`;
  }
  // The w:moveTo around a deletion has no w:date of its own (optional in OOXML; the w:del in it
  // carries the date): LibreOffice 7.4.7, given a dated one, keeps the deleted words on
  // reject-all in the Stockholm redline (undated, it reads the nesting right).
  const undated = attrs.replace(/ w:date="[^"]*"/, "");
  const move = revision.deletion
    ? `<w:moveTo w:id="${writer.nextId++}"${undated}><w:del w:id="${id}"${attrs}>${inner}</w:del></w:moveTo>`
    : `<w:move${side} w:id="${id}"${attrs}>${inner}</w:move${side}>`;
  return `${start}${move}<!--move-end:${key}-->`;
}

/** Whether a move has moved text (run-level elements) in both its places, by name. */
function pairedMoves(
  xml: string,
  revisions: ReadonlyMap<number, MoveRevision>,
): (name: string) => boolean {
  const sides = new Map<string, Set<MoveRevision["kind"]>>();
  for (const match of xml.matchAll(OPEN)) {
    const revision = revisions.get(Number(match[2]));
    if (!revision || match[4] || revision.deletion) continue;
    const set = sides.get(revision.name) ?? new Set();
    set.add(revision.kind);
    sides.set(revision.name, set);
  }
  return (name) => sides.get(name)?.size === 2;
}

/** Each range ends after its last element; the markers of the earlier elements go. */
function endRanges(xml: string, ranges: ReadonlyMap<string, { id: number }>): string {
  let out = xml;
  for (const [key, range] of ranges) {
    const marker = `<!--move-end:${key}-->`;
    const last = out.lastIndexOf(marker);
    const side = key.startsWith("From:") ? "From" : "To";
    out = `${out.slice(0, last)}<w:move${side}RangeEnd w:id="${range.id}"/>${out.slice(last + marker.length)}`;
    out = out.split(marker).join("");
  }
  return out;
}

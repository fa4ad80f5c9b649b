/**
 * Move markup for redlines. docx writes insertions and deletions only, so the renderer writes a
 * moved block's changes as `w:ins` / `w:del` and records their revision ids (`State.moveRevisions`);
 * this rewrites those elements of the compiled document.xml as Word's own move markup:
 *
 * - `w:del` → `w:moveFrom`, `w:ins` → `w:moveTo` (runs and paragraph marks);
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
  let nextId = firstFreeId;
  /** Per move and side: the range id, and where its first and last run-level element are. */
  const ranges = new Map<string, { id: number; attrs: string }>();
  let out = "";
  let at = 0;
  for (const match of xml.matchAll(OPEN)) {
    const [whole, name, idText, attrs = "", selfClosing] = match;
    const revision = revisions.get(Number(idText));
    if (!revision || match.index === undefined || !paired(revision.name)) continue;
    out += xml.slice(at, match.index);
    at = match.index + whole.length;
    if (selfClosing) {
      // A paragraph mark: the element itself says it moved.
      const element = revision.kind === "from" ? "w:moveFrom" : "w:moveTo";
      out += `<${element} w:id="${idText}"${attrs}/>`;
      continue;
    }
    const close = xml.indexOf(`</w:${name}>`, at);
    const inner = xml.slice(at, close);
    at = close + `</w:${name}>`.length;
    const side = revision.kind === "from" ? "From" : "To";
    const key = `${side}:${revision.name}`;
    let range = ranges.get(key);
    let start = "";
    if (!range) {
      range = { id: nextId++, attrs };
      ranges.set(key, range);
      start = `<w:move${side}RangeStart w:id="${range.id}" w:name="${attribute(revision.name)}"${attrs}/>`;
    }
    const element = `<w:move${side} w:id="${idText}"${attrs}>${inner}</w:move${side}>`;
    out += `${start}${element}<!--move-end:${key}-->`;
  }
  out += xml.slice(at);
  return endRanges(out, ranges);
}

/** Whether a move has moved text (run-level elements) in both its places, by name. */
function pairedMoves(
  xml: string,
  revisions: ReadonlyMap<number, MoveRevision>,
): (name: string) => boolean {
  const sides = new Map<string, Set<MoveRevision["kind"]>>();
  for (const match of xml.matchAll(OPEN)) {
    const revision = revisions.get(Number(match[2]));
    if (!revision || match[4]) continue;
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

/**
 * Where a redline's inserted paragraphs carry their tracked paragraph mark.
 *
 * The renderer marks each inserted paragraph's own mark as inserted. Both readings are allowed,
 * but LibreOffice (7.4) joins an inserted paragraph's mark with an insertion that ends the
 * paragraph before it into one change, so rejecting every change then also removes the break
 * after that paragraph ("Ledning och samverkanPartnerskapet leds …"). Word itself, when text
 * is typed at the end of a paragraph and Enter pressed, marks the paragraph's mark before the
 * new paragraphs instead; that is what LibreOffice reads correctly. So for every run of
 * paragraphs with inserted (or moved-to) marks that follows a paragraph ending in an insertion,
 * the mark of the run's last paragraph moves to that paragraph: the same number of paragraph
 * marks is inserted, one paragraph earlier.
 */

const PARAGRAPH = /<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g;
const MARK = /<w:(?:ins|moveTo) w:id="\d+"[^>]*\/>/;

/** The paragraph properties element of a paragraph (with a nested w:pPrChange), if any. */
function pPrRange(p: string): [number, number] | undefined {
  const start = p.indexOf("<w:pPr>");
  if (start === -1 || p.lastIndexOf("<w:r", start) !== -1) return undefined;
  let depth = 0;
  const tag = /<(\/?)w:pPr>/g;
  tag.lastIndex = start;
  for (let m = tag.exec(p); m; m = tag.exec(p)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return [start, m.index + m[0].length];
  }
  return undefined;
}

/** The paragraph-mark change (`w:pPr/w:rPr/w:ins|w:moveTo`) of a paragraph. */
function markOf(p: string): string | undefined {
  const range = pPrRange(p);
  if (!range) return undefined;
  const pPr = p.slice(...range);
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>(?=(?:<w:sectPr|<w:pPrChange|<\/w:pPr>))/.exec(pPr);
  return rPr ? MARK.exec(rPr[1] ?? "")?.[0] : undefined;
}

const endsWithInsertion = (p: string): boolean =>
  /<\/w:(?:ins|moveTo)>(?:<w:move(?:To|From)RangeEnd [^>]*\/>)*<\/w:p>$/.test(p);

function withoutMark(p: string, mark: string): string {
  return p.replace(mark, "").replace("<w:rPr></w:rPr>", "");
}

function withMark(p: string, mark: string): string {
  const range = pPrRange(p);
  if (!range)
    return p.replace(/^<w:p( [^>]*)?>/, (open) => `${open}<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`);
  const [start, end] = range;
  const pPr = p.slice(start, end);
  const at = pPr.search(/<w:rPr>(?=[\s\S]*?<\/w:rPr>(?:<w:sectPr|<w:pPrChange|<\/w:pPr>))/);
  const edited =
    at !== -1 && !pPr.slice(0, at).includes("<w:pPrChange")
      ? `${pPr.slice(0, at + "<w:rPr>".length)}${mark}${pPr.slice(at + "<w:rPr>".length)}`
      : pPr.replace(/(<w:sectPr|<w:pPrChange|<\/w:pPr>$)/, `<w:rPr>${mark}</w:rPr>$1`);
  return p.slice(0, start) + edited + p.slice(end);
}

/** Moves inserted paragraph marks one paragraph up where LibreOffice needs it (see above). */
export function markInsertedParagraphsBefore(xml: string): string {
  const paragraphs = [...xml.matchAll(PARAGRAPH)].map((m) => ({
    start: m.index ?? 0,
    text: m[0],
  }));
  const texts = paragraphs.map((p) => p.text);
  const adjacent = (k: number) =>
    k > 0 &&
    (paragraphs[k - 1]?.start ?? 0) + (paragraphs[k - 1]?.text.length ?? 0) ===
      paragraphs[k]?.start;
  let k = 0;
  while (k < paragraphs.length) {
    if (!markOf(texts[k] as string) || !adjacent(k)) {
      k++;
      continue;
    }
    let last = k;
    while (
      last + 1 < paragraphs.length &&
      adjacent(last + 1) &&
      markOf(texts[last + 1] as string)
    ) {
      last++;
    }
    const before = texts[k - 1] as string;
    if (!markOf(before) && endsWithInsertion(before)) {
      const mark = markOf(texts[last] as string) as string;
      texts[last] = withoutMark(texts[last] as string, mark);
      texts[k - 1] = withMark(before, mark);
    }
    k = last + 1;
  }
  let out = "";
  let at = 0;
  paragraphs.forEach((p, i) => {
    out += xml.slice(at, p.start) + texts[i];
    at = p.start + p.text.length;
  });
  return out + xml.slice(at);
}

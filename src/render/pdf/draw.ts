/**
 * The drawing step: a laid-out document → PDF pages, with pdf-lib.
 *
 * Content streams are written as text (pdf-lib's `drawText` shapes and re-measures every string,
 * which the layout has already done). Each face is embedded once as a subset; every character is
 * encoded once per document and strings are encoded by concatenation. The subset's tag (the
 * "ABCDEF+" of the font name) is derived from the characters it holds, so the same text gives the
 * same name.
 */
import { createHash } from "node:crypto";
import type fontkit from "@pdf-lib/fontkit";
import type { PDFFont, PDFRef } from "pdf-lib";
import { PDFContext, PDFDocument, PDFName } from "pdf-lib";
import { compressWithZlib, registerShared, sharedFlateStream } from "./flate.js";
import { drawable, fontBytes, fontkitCache, postScriptNames } from "./fonts.js";
import { type Face, page as pageSize } from "./style.js";
import type { Box, DocumentLayout, FillBox, RuleBox, StructElement, TextBox } from "./types.js";

/** A marked-content sequence drawn: its page, its MCID there, and the element it belongs to. */
export interface MarkedContent {
  page: number;
  mcid: number;
  element: StructElement;
}

const FACES: readonly Face[] = ["regular", "bold", "italic", "boldItalic"];
const resourceName: Record<Face, string> = {
  regular: "F1",
  bold: "F2",
  italic: "F3",
  boldItalic: "F4",
};

/** Rounds to 1/1000 pt: shorter streams, and no float noise in the bytes. */
const r = (n: number): number => Math.round(n * 1000) / 1000;
/** Flips a top-down y to PDF user space. */
const flip = (y: number): number => r(pageSize.height - y);

/** A face as page contents use it: its font dictionary and the glyph code of each character. */
export interface FaceCodes {
  ref: PDFRef;
  /** Hex glyph code of each character drawn. */
  codes: ReadonlyMap<string, string>;
}

/** A face embedded in a PDF being drawn. */
export interface EmbeddedFace extends FaceCodes {
  font: PDFFont;
  codes: Map<string, string>;
  /** Each glyph drawn, with the (first) code point it was drawn for: its ToUnicode entry. */
  drawn: Map<fontkit.Glyph, number>;
}

/**
 * Adds the layout's pages to `doc`, and returns the marked-content sequences that hold their
 * tagged text (for the structure tree, `tags.ts`), in drawing order.
 */
export async function drawPages(
  doc: PDFDocument,
  layout: DocumentLayout,
  chars: Characters = charactersByFace(layout),
): Promise<DrawnPages> {
  doc.registerFontkit(fontkitCache);
  const fonts = await embedFonts(doc, chars);
  const marked: MarkedContent[] = [];
  const pages: DrawnPage[] = [];
  for (const [index, laid] of layout.pages.entries()) {
    const pdfPage = doc.addPage([pageSize.width, pageSize.height]);
    const drawn = pageContent(laid.boxes, fonts);
    const { stream } = drawn;
    stream.elements.forEach((element, mcid) => {
      marked.push({ page: index, mcid, element });
    });
    for (const face of stream.used) {
      const { ref } = fonts.get(face) as FaceCodes;
      pdfPage.node.setFontDictionary(PDFName.of(resourceName[face]), ref);
    }
    const { content } = stream;
    const flate = await sharedFlateStream(doc.context, `page:${content}`, () => content);
    const ref = doc.context.register(flate);
    pdfPage.node.addContentStream(ref);
    pages.push(drawnPage(ref, laid.boxes, drawn));
  }
  return { marked, pages, fonts };
}

/** What `drawPages` drew. */
export interface DrawnPages {
  /** The marked-content sequences that hold the tagged text, in drawing order. */
  marked: MarkedContent[];
  pages: DrawnPage[];
  fonts: ReadonlyMap<Face, EmbeddedFace>;
}

/** A page as drawn: its content stream's object, and how its content ends, for `withLabel`. */
export interface DrawnPage {
  contents: PDFRef;
  boxes: readonly Box[];
  /** The faces the page's text is in (its font resources). */
  used: ReadonlySet<Face>;
  /** The page's content stream (empty once kept as `head`, `keptPages`). */
  content: string;
  /** The part of `content` before `headLength`, as bytes, in a page kept (`keptPages`). */
  head?: Uint8Array;
  /**
   * The stream as it was before the page's last text box: the length of the content written by
   * then (all of it but that box and the closing of its marked-content sequence), and the
   * graphics state there (`beforeLast`, without the content); undefined on a page without text.
   */
  headLength: number;
  beforeLast: ContentStream | undefined;
  last: TextBox | undefined;
}

/**
 * The content stream of `page` as drawn with `label` (a copy label: untagged, of characters the
 * page's fonts hold, in a face the page uses) added as its last box: after the page's last text
 * box or, with `replace` (a signing copy's page, whose last text box is its own label), in place
 * of it. The same operators as drawing the page's boxes with the label again gives.
 */
export function withLabel(page: DrawnPage, label: TextBox, replace: boolean): string | Uint8Array {
  const { beforeLast, last, head } = page;
  if (!beforeLast || !last || label.tag || !page.used.has(label.face)) {
    throw new Error("withLabel: not a page a copy label can be added to");
  }
  const stream = beforeLast.fork();
  if (!head) stream.content = page.content.slice(0, page.headLength);
  if (!replace) stream.text(last, label);
  stream.text(label, undefined);
  stream.close();
  return head ? Buffer.concat([head, Buffer.from(stream.content, "latin1")]) : stream.content;
}

/**
 * The content stream of one page: fills, then rules, then the text. Graphics state (line width,
 * grey, font) is only set when it changes. Written as text, one operator a line (PDF 32000-1, 8
 * and 9), as pdf-lib writes its operators: the numbers are rounded or small multiples of a font
 * size, so `String` gives them without exponents, as PDF requires.
 *
 * Everything painted is marked content (PDF 32000-1, 14.6 and 14.8.2): fills and rules (table
 * grid, signature lines, header and footer rules) and the running header and footer are one
 * /Artifact sequence each; text is cut into one sequence per run of boxes of the same structure
 * element, `/<type> <</MCID n>> BDC … EMC` with n its index in `elements`, each run its own text
 * object.
 */
function pageContent(boxes: readonly Box[], fonts: Fonts) {
  const fills: FillBox[] = [];
  const rules: RuleBox[] = [];
  const texts: TextBox[] = [];
  for (const box of boxes) {
    if (box.kind === "fill") fills.push(box);
    else if (box.kind === "rule") rules.push(box);
    else texts.push(box);
  }
  for (const t of texts) if (t.change) rules.push(changeRule(t));

  const stream = new ContentStream(fonts);
  for (const f of fills) stream.fill(f);
  for (const rule of rules) stream.rule(rule);
  if (fills.length + rules.length > 0) stream.asArtifact();
  let beforeLast: ContentStream | undefined;
  let headLength = 0;
  for (const [i, t] of texts.entries()) {
    if (i === texts.length - 1) {
      beforeLast = stream.fork(fonts, "");
      headLength = stream.content.length;
    }
    stream.text(t, texts[i + 1]);
  }
  stream.close();
  return { stream, beforeLast, headLength, last: texts.at(-1) };
}

/**
 * A page's content stream as it is written: operators, with the graphics state last set (so an
 * unchanged width, grey or font is not set again) and the marked-content sequence open.
 */
class ContentStream {
  content = "";
  readonly used = new Set<Face>();
  readonly elements: StructElement[] = [];
  private readonly last = { lineWidth: -1, stroke: -1, fill: -1, face: "", size: -1 };
  private open: StructElement | "artifact" | undefined;

  constructor(private readonly fonts: Fonts) {}

  /**
   * A stream that goes on from this one as it is now (this one is not changed), encoding text
   * with `fonts` (the same codes) from now on; its content so far is `content`.
   */
  fork(fonts: Fonts = this.fonts, content = this.content): ContentStream {
    const fork = new ContentStream(fonts);
    fork.content = content;
    for (const face of this.used) fork.used.add(face);
    fork.elements.push(...this.elements);
    Object.assign(fork.last, this.last);
    fork.open = this.open;
    return fork;
  }

  private op(line: string): void {
    this.content += `${line}\n`;
  }

  private fillGray(gray: number): void {
    if (gray !== this.last.fill) this.op(`${gray} g`);
    this.last.fill = gray;
  }

  fill(f: FillBox): void {
    this.fillGray(f.gray);
    this.op(`${r(f.x)} ${flip(f.y + f.height)} ${r(f.width)} ${r(f.height)} re`);
    this.op("f");
  }

  rule(rule: RuleBox): void {
    if (rule.width !== this.last.lineWidth) this.op(`${rule.width} w`);
    if (rule.gray !== this.last.stroke) this.op(`${rule.gray} G`);
    this.last.lineWidth = rule.width;
    this.last.stroke = rule.gray;
    this.op(`${r(rule.x1)} ${flip(rule.y1)} m`);
    this.op(`${r(rule.x2)} ${flip(rule.y2)} l`);
    this.op("S");
  }

  /** Makes everything written so far (fills and rules) one /Artifact sequence. */
  asArtifact(): void {
    this.content = `/Artifact BMC\n${this.content}EMC\n`;
  }

  /** A text box, in the marked-content sequence of its structure element (or an artifact). */
  text(t: TextBox, next: TextBox | undefined): void {
    this.mark(t.tag ?? "artifact");
    if (t.face !== this.last.face || t.size !== this.last.size) {
      this.op(`/${resourceName[t.face]} ${t.size} Tf`);
      this.used.add(t.face);
    }
    this.last.face = t.face;
    this.last.size = t.size;
    this.fillGray(t.gray);
    this.op(`1 0 0 1 ${r(t.x)} ${flip(t.y)} Tm`);
    const text = needsSpace(t, next) ? `${t.text} ` : t.text;
    this.op(`<${encode(this.fonts.get(t.face) as FaceCodes, text)}> Tj`);
  }

  /** Opens the sequence of `mark` unless it is the open one. */
  private mark(mark: StructElement | "artifact"): void {
    if (mark === this.open) return;
    this.close();
    if (mark === "artifact") this.op("/Artifact BMC");
    else {
      this.op(`/${mark.type} <</MCID ${this.elements.length}>> BDC`);
      this.elements.push(mark);
    }
    this.op("BT");
    this.open = mark;
    // A new text object: the text matrix starts afresh, but font and grey carry over.
  }

  close(): void {
    if (this.open !== undefined) this.op("ET\nEMC");
    this.open = undefined;
  }
}

/**
 * Whether a space is drawn after `t` (invisible, past its measured end): where the next box of the
 * same structure element starts a new line or stands apart (a heading's number and its text), and
 * neither has a space or hyphen there. Words then stay apart in the text that tagged-PDF readers
 * (screen readers, `pdfinfo -struct-text`) take from the structure, which has no layout to guess
 * word breaks from.
 */
function needsSpace(t: TextBox, next: TextBox | undefined): boolean {
  if (!next || !t.tag || next.tag !== t.tag) return false;
  const adjacent = Math.abs(next.y - t.y) < 0.01 && Math.abs(next.x - (t.x + t.width)) < 0.01;
  return !adjacent && !/[\s\-\u00ad\u2010]$/u.test(t.text) && !/^\s/u.test(next.text);
}

/** Underline for inserted text, strike-through for deleted text (redlines). */
function changeRule(t: TextBox): RuleBox {
  const y = t.change === "ins" ? t.y + 0.12 * t.size : t.y - 0.3 * t.size;
  return {
    kind: "rule",
    x1: t.x,
    y1: y,
    x2: t.x + t.width,
    y2: y,
    width: 0.06 * t.size,
    gray: t.gray,
  };
}

/** The hex glyph codes of a text in a face (each character encoded once per document). */
function encode(face: FaceCodes, text: string): string {
  let hex = "";
  for (const ch of drawable(text)) {
    let code = face.codes.get(ch);
    if (code === undefined) {
      // A face being embedded takes a new character; a kept one (`keptFaces`) has all it draws.
      if (!("font" in face)) throw new Error(`encode: no glyph code for ${ch}`);
      code = includeGlyph(face as EmbeddedFace, ch);
      (face as EmbeddedFace).codes.set(ch, code);
    }
    hex += code;
  }
  return hex;
}

/** The state of pdf-lib's subset embedder (private to `PDFFont`) that encoding a glyph updates. */
interface SubsetEmbedder {
  font: fontkit.Font;
  subset: { includeGlyph(glyph: fontkit.Glyph): number };
  glyphs: fontkit.Glyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  embedUnicodeCmap(context: PDFContext): PDFRef;
  embedIntoContext(context: PDFContext, ref: PDFRef): Promise<PDFRef>;
}

const embedderOf = (font: PDFFont): SubsetEmbedder =>
  (font as unknown as { embedder: SubsetEmbedder }).embedder;

/**
 * Adds the glyph of one character to the font's subset and gives its code (4 hex digits), as
 * pdf-lib's `encodeText` does, but with the glyph the font maps the code point to, the glyph the
 * layout measured. `encodeText` runs the OpenType layout engine (script detection, GSUB and GPOS
 * lookups) to find the same glyph, which in a fresh process costs more than drawing the pages.
 */
function includeGlyph(face: EmbeddedFace, ch: string): string {
  const embedder = embedderOf(face.font);
  const codePoint = ch.codePointAt(0) as number;
  const glyph = embedder.font.glyphForCodePoint(codePoint);
  if (!face.drawn.has(glyph)) face.drawn.set(glyph, codePoint);
  const id = embedder.subset.includeGlyph(glyph);
  embedder.glyphs[id - 1] = glyph;
  embedder.glyphIdMap.set(glyph.id, id);
  embedder.glyphCache.invalidate();
  return id.toString(16).padStart(4, "0").toUpperCase();
}

/**
 * Makes the font's ToUnicode map give each glyph the character it was drawn for. pdf-lib builds
 * the map from the code points fontkit stores on its (process-wide, cached) glyph objects, which
 * are those the glyph was first looked up with, or none for a glyph first made as part of another
 * (the "o" inside "ö", when a subset was written): they would depend on what the process drew
 * before. So they are set from this document, just before the map is made (synchronously, so no
 * other document can change them in between). The map, like the subset, depends only on the face
 * and its characters (encoded sorted, so each glyph's first character is the same), so it is made
 * once per `key` and shared by the PDFs that draw the same characters (a document's copies).
 */
function mapToUnicode(face: EmbeddedFace, key: string): void {
  const embedder = embedderOf(face.font);
  const embedCmap = embedder.embedUnicodeCmap.bind(embedder);
  embedder.embedUnicodeCmap = (context) =>
    registerShared(context, key, () => {
      for (const [glyph, codePoint] of face.drawn) glyph.codePoints = [codePoint];
      return embedCmap(context);
    });
}

/** Embeds each face the layout uses, as a subset named by a tag derived from its characters. */
async function embedFonts(doc: PDFDocument, chars: Characters): Promise<Map<Face, EmbeddedFace>> {
  const fonts = new Map<Face, EmbeddedFace>();
  for (const face of FACES) {
    const set = chars.get(face);
    if (set) fonts.set(face, await embedFace(doc, face, set));
  }
  return fonts;
}

/** One face embedded in `doc` as a subset of the characters `set`. */
async function embedFace(
  doc: PDFDocument,
  face: Face,
  set: ReadonlySet<string>,
): Promise<EmbeddedFace> {
  const sorted = [...set].sort().join("");
  const name = `${subsetTag(face, sorted)}+${postScriptNames[face]}`;
  const font = await doc.embedFont(fontBytes(face), { subset: true, customName: name });
  shareFontProgram(font, `font:${face}:${sorted}`);
  const embedded: EmbeddedFace = { font, ref: font.ref, codes: new Map(), drawn: new Map() };
  mapToUnicode(embedded, `cmap:${face}:${sorted}`);
  // Encode in a fixed order, so glyph ids in the subset do not depend on drawing order.
  for (const ch of sorted) encode(embedded, ch);
  return embedded;
}

/** The faces a PDF's text is set in. */
export type Fonts = ReadonlyMap<Face, FaceCodes>;

/**
 * The faces as page contents use them, without the PDF they were embedded in (which a face
 * being embedded holds): what a PDF kept to draw pages from again keeps (`copies.ts`).
 */
export const keptFaces = (fonts: Fonts): Fonts =>
  new Map([...fonts].map(([face, { ref, codes }]) => [face, { ref, codes }]));

/**
 * The objects of `fonts` with the characters of `chars` in place of their own, written into
 * `context` with the numbers the drawn PDF's have: each face that holds other characters is
 * embedded again into the numbers its objects took (`numbers`, as `embedAll` wrote them), under
 * its font dictionary's. Returns the faces as now embedded, or undefined when the faces are not
 * the same ones.
 */
export async function reembedFaces(
  context: PDFContext,
  fonts: Fonts,
  chars: Characters,
  numbers: ReadonlyMap<Face, { first: number; last: number }>,
): Promise<Fonts | undefined> {
  if (![...chars.keys()].every((face) => fonts.has(face)) || chars.size !== fonts.size) return;
  const scratch = await PDFDocument.create({ updateMetadata: false });
  scratch.registerFontkit(fontkitCache);
  const out = new Map(fonts);
  for (const [face, set] of chars) {
    const old = fonts.get(face) as FaceCodes;
    const span = numbers.get(face);
    if (!span) return;
    if (sameCharacters(old, set)) continue;
    const embedded = await embedFace(scratch, face, set);
    // Into a context of its own numbered from where the drawn face's objects start, then moved.
    const own = PDFContext.create();
    compressWithZlib(own);
    own.largestObjectNumber = span.first - 1;
    await embedderOf(embedded.font).embedIntoContext(own, old.ref);
    if (own.largestObjectNumber !== span.last) return;
    for (const [ref, object] of own.enumerateIndirectObjects()) context.assign(ref, object);
    out.set(face, { ref: old.ref, codes: embedded.codes });
  }
  return out;
}

/** Whether a face as embedded holds exactly the characters `set`. */
const sameCharacters = (face: FaceCodes, set: ReadonlySet<string>): boolean =>
  face.codes.size === set.size && [...set].every((ch) => face.codes.has(ch));

/**
 * The pages as kept: with the fonts `keptFaces` gives for theirs (not holding their PDF), and
 * each content up to its last text box as bytes (which the garbage collector does not move, as
 * it does a string that lives on).
 */
export const keptPages = (pages: readonly DrawnPage[], fonts: Fonts): DrawnPage[] =>
  pages.map((page) => ({
    ...page,
    content: "",
    head: Buffer.from(page.content, "latin1").subarray(0, page.headLength),
    beforeLast: page.beforeLast?.fork(fonts),
  }));

/**
 * The pages of a drawn PDF drawn again with other fonts (`reembedFaces`): the same content
 * stream objects, contents not yet written (`withLabel` writes them).
 */
export const redrawPages = (pages: readonly DrawnPage[], fonts: Fonts): DrawnPage[] =>
  pages.map(({ contents, boxes }) => drawnPage(contents, boxes, pageContent(boxes, fonts)));

/** A page as drawn into the stream object `contents` (`pageContent` of its `boxes`). */
const drawnPage = (
  contents: PDFRef,
  boxes: readonly Box[],
  { stream, ...ends }: ReturnType<typeof pageContent>,
): DrawnPage => ({ contents, boxes, used: stream.used, content: stream.content, ...ends });

/** The characters drawn in each face (`drawPages` embeds them as subsets). */
export type Characters = ReadonlyMap<Face, ReadonlySet<string>>;

/** The characters drawn in each face of a layout. */
export function charactersByFace(layout: DocumentLayout): Characters {
  const chars = new Map<Face, Set<string>>();
  for (const p of layout.pages) addCharacters(chars, p.boxes);
  return chars;
}

/**
 * The characters of `chars` and of `boxes` (a new map): a signing copy's are its document's and
 * its label's, without going through every box again.
 */
export function withCharacters(chars: Characters, boxes: readonly Box[]): Characters {
  const out = new Map([...chars].map(([face, set]) => [face, new Set(set)]));
  addCharacters(out, boxes);
  return out;
}

function addCharacters(chars: Map<Face, Set<string>>, boxes: readonly Box[]): void {
  for (const box of boxes) {
    if (box.kind !== "text") continue;
    const set = chars.get(box.face) ?? new Set<string>();
    chars.set(box.face, set);
    for (const ch of drawable(box.text)) set.add(ch);
    if (box.tag) set.add(" "); // for the spaces `needsSpace` adds
  }
}

/** Six capital letters from a hash of the face and its characters (PDF 32000-1, 9.6.4). */
function subsetTag(face: Face, chars: string): string {
  const digest = createHash("sha256").update(face).update(chars).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
}

/** The part of pdf-lib's font embedder (private to `PDFFont`) that writes the font program. */
interface FontProgramEmbedder {
  serializeFont(): Promise<Uint8Array>;
  embedFontStream(context: PDFContext): Promise<PDFRef>;
}

/**
 * Shares a subset's font program between PDFs (see `sharedFlateStream`): the subset holds the
 * same glyphs in the same order (characters are encoded sorted), so its bytes depend only on the
 * face and the characters, and subsetting, the slow part, is skipped too.
 */
function shareFontProgram(font: PDFFont, key: string): void {
  const embedder = (font as unknown as { embedder: FontProgramEmbedder }).embedder;
  embedder.embedFontStream = async (context) =>
    context.register(await sharedFlateStream(context, key, () => embedder.serializeFont()));
}

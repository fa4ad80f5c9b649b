/**
 * Signing copies written from one drawn PDF. A document's copies differ only in their label, the
 * last text box of every page, an artifact; so a copy whose pages need the same characters (the
 * same font subsets) as a PDF drawn of the document with the same options, with another label or
 * none, differs from it only in its page content streams and its /ID. That PDF is drawn in full
 * with pdf-lib and kept (`CopyTemplate`); every object of it but the page contents is then taken
 * as the bytes pdf-lib wrote for it, and a copy is that PDF with its own page contents (the
 * drawn pages' with the label added, `withLabel`) and /ID, written by pdf-lib's own writer: the
 * same objects, numbers, order and syntax as drawing the copy in full gives, with no object built
 * or serialised again. A label that adds characters to a face changes that face's objects and
 * every glyph code of it: the face is embedded again into the numbers its objects had and the
 * pages drawn again (`withCharacters`), once for all the copies with those characters.
 */
import { PDFContext, type PDFDocument, PDFObject, type PDFRef, PDFWriter } from "pdf-lib";
import { setDocumentId } from "./document.js";
import {
  type Characters,
  type DrawnPage,
  type EmbeddedFace,
  type Fonts,
  keptFaces,
  keptPages,
  redrawPages,
  reembedFaces,
  withLabel,
} from "./draw.js";
import { flateStream } from "./flate.js";
import type { Face } from "./style.js";
import type { TextBox } from "./types.js";

/** An object as the bytes pdf-lib wrote for it (what `PDFWriter` puts between "obj" and "endobj"). */
class WrittenObject extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }

  /** `object` as the bytes pdf-lib writes for it. */
  static of(object: PDFObject): WrittenObject {
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    return new WrittenObject(bytes);
  }

  override clone(): PDFObject {
    return this;
  }

  override toString(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length).toString(
      "latin1",
    );
  }

  override sizeInBytes(): number {
    return this.bytes.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

/** A `PDFWriter` that notes where in the file it writes each object. */
class NotingWriter extends PDFWriter {
  /** Each object, in writing order, with the offset and length of its "n g obj … endobj" part. */
  readonly written: { ref: PDFRef; start: number; size: number }[] = [];

  static of(context: PDFContext): NotingWriter {
    // No waiting for ticks: one PDF is written at once, as `renderPdf` saves it.
    return new NotingWriter(context, Number.POSITIVE_INFINITY);
  }

  protected override async computeBufferSize() {
    const info = await super.computeBufferSize();
    // The objects follow the header and two newlines, one after the other.
    let start = info.header.sizeInBytes() + 2;
    for (const object of this.written) {
      object.start = start;
      start += object.size;
    }
    return info;
  }

  protected override computeIndirectObjectSize(indirect: [PDFRef, PDFObject]): number {
    const size = super.computeIndirectObjectSize(indirect);
    this.written.push({ ref: indirect[0], start: 0, size });
    return size;
  }
}

/** Whether `bytes` hold the (ASCII) `text` at `offset`. */
function startsWith(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** The object numbers each face's objects took when the PDF embedded its fonts. */
type FontNumbers = ReadonlyMap<Face, { first: number; last: number }>;

/** A drawn PDF of a document, kept to write its signing copies from. */
export class CopyTemplate {
  /** The PDF's objects, all but the page contents as the bytes written (`take`). */
  private context: PDFContext | undefined;
  /** The pages' content stream objects, which each copy sets for itself. */
  private readonly contents: ReadonlySet<PDFRef>;

  private constructor(
    private readonly pages: readonly DrawnPage[],
    /** Whether the pages end with a copy label (replaced by a copy's own) or with none. */
    private readonly labelled: boolean,
    private readonly fonts: Fonts,
    private readonly fontNumbers: FontNumbers,
    /**
     * The PDF as written, where each object is in it, and its trailer: what the objects are
     * taken from (without the pdf-lib document, which a kept template would hold in memory).
     */
    private written?: Written,
  ) {
    this.contents = new Set(pages.map((p) => p.contents));
  }

  /**
   * The bytes of a drawn PDF, as `doc.save({ useObjectStreams: false })` gives them (`doc` has
   * pages and no interactive form that pdf-lib manages), and the PDF kept as a template.
   */
  static async save(
    doc: PDFDocument,
    drawn: { pages: readonly DrawnPage[]; fonts: ReadonlyMap<Face, EmbeddedFace> },
    labelled: boolean,
  ): Promise<{ pdf: Uint8Array; template: CopyTemplate }> {
    const context = doc.context;
    const fontNumbers = new Map<Face, { first: number; last: number }>();
    for (const [face, { font }] of drawn.fonts) {
      // Note the numbers each face's objects take as `flush` embeds it.
      const embed = font.embed.bind(font);
      font.embed = async () => {
        const first = context.largestObjectNumber + 1;
        await embed();
        fontNumbers.set(face, { first, last: context.largestObjectNumber });
      };
    }
    await doc.flush();
    const writer = NotingWriter.of(context);
    const pdf = await writer.serializeToBuffer();
    const written: Written = {
      pdf: pdf.slice(), // a copy of its own: the caller owns `pdf`
      objects: writer.written,
      trailer: { Root: context.trailerInfo.Root, Info: context.trailerInfo.Info },
      largest: context.largestObjectNumber,
    };
    const fonts = keptFaces(drawn.fonts);
    const pages = keptPages(drawn.pages, fonts);
    const template = new CopyTemplate(pages, labelled, fonts, fontNumbers, written);
    return { pdf, template };
  }

  /** Whether `label` can be drawn on every page (each page's text uses its face). */
  fits(label: TextBox): boolean {
    return this.pages.every((page) => page.used.has(label.face) && page.last !== undefined);
  }

  /**
   * The copy with `label` (the box `copyLabelBox` gives, of characters the template's fonts
   * hold, `fits`) and the /ID `id`. The pages and /ID are set and the PDF written in one
   * synchronous run, so copies drawn at the same time from one template do not mix.
   */
  draw(label: TextBox, id: string): Promise<Uint8Array> {
    const context = this.take();
    for (const page of this.pages) {
      context.assign(page.contents, flateStream(context, withLabel(page, label, this.labelled)));
    }
    setDocumentId(context, id);
    return PDFWriter.forContext(context, Number.POSITIVE_INFINITY).serializeToBuffer();
  }

  /**
   * A template of this unlabelled PDF with the characters `chars` in its fonts (a label's added):
   * the faces with other characters embedded again in their objects' numbers, the pages drawn
   * again with them (`reembedFaces`, `redrawPages`); undefined when `chars` has other faces.
   */
  async withCharacters(chars: Characters): Promise<CopyTemplate | undefined> {
    if (this.labelled) return;
    const own = this.take();
    const context = PDFContext.create();
    for (const [ref, object] of own.enumerateIndirectObjects()) context.assign(ref, object);
    context.trailerInfo = { ...own.trailerInfo };
    context.largestObjectNumber = own.largestObjectNumber;
    const fonts = await reembedFaces(context, this.fonts, chars, this.fontNumbers);
    if (!fonts || context.largestObjectNumber !== own.largestObjectNumber) return;
    // The faces embedded again, as the bytes written for them.
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (!(object instanceof WrittenObject) && !this.contents.has(ref)) {
        context.assign(ref, WrittenObject.of(object));
      }
    }
    const pages = redrawPages(this.pages, fonts);
    const template = new CopyTemplate(pages, false, fonts, this.fontNumbers);
    template.context = context;
    return template;
  }

  /** The PDF's objects, made from the bytes written the first time they are asked for. */
  private take(): PDFContext {
    if (this.context) return this.context;
    const { pdf, objects, trailer, largest } = this.written as Written;
    this.written = undefined;
    const context = PDFContext.create();
    for (const { ref, start, size } of objects) {
      if (this.contents.has(ref)) continue; // each copy sets its own
      const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
      const tail = "\nendobj\n\n";
      if (!startsWith(pdf, start, head) || !startsWith(pdf, start + size - tail.length, tail)) {
        throw new Error(`CopyTemplate: object ${ref.objectNumber} not where pdf-lib wrote it`);
      }
      const body = pdf.subarray(start + head.length, start + size - tail.length);
      context.assign(ref, new WrittenObject(body));
    }
    context.largestObjectNumber = largest;
    context.trailerInfo = { ...trailer };
    this.context = context;
    return context;
  }
}

/** A PDF as pdf-lib wrote it: its bytes, where each object is, its trailer and object count. */
interface Written {
  pdf: Uint8Array;
  objects: NotingWriter["written"];
  trailer: { Root: PDFObject | undefined; Info: PDFObject | undefined };
  largest: number;
}

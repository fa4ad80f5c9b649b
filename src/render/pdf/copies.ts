/**
 * Signing copies written from one drawn PDF. A document's copies differ only in their label, the
 * last text box of every page, an artifact; so a copy whose pages need the same characters (the
 * same font subsets) as a PDF drawn of the document with the same options, with another label or
 * none, differs from it only in its page content streams and its /ID. That PDF is drawn in full
 * with pdf-lib and kept (`CopyTemplate`); every object of it but the page contents is then taken
 * as the bytes pdf-lib wrote for it, and a copy is that PDF with its own page contents (the
 * drawn pages' with the label added, `withLabel`) and /ID, written by pdf-lib's own writer: the
 * same objects, numbers, order and syntax as drawing the copy in full gives, with no object built
 * or serialised again.
 */
import { type PDFContext, type PDFDocument, PDFObject, type PDFRef, PDFWriter } from "pdf-lib";
import { type DrawnPage, withLabel } from "./draw.js";
import { flateStream } from "./flate.js";
import type { TextBox } from "./types.js";

/** An object as the bytes pdf-lib wrote for it (what `PDFWriter` puts between "obj" and "endobj"). */
class WrittenObject extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
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

/** A drawn PDF of a document, kept to write its signing copies from. */
export class CopyTemplate {
  /** The bytes of every object, once taken (`take`): the doc's objects are then these. */
  private taken = false;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly pages: readonly DrawnPage[],
    /** Whether the pages end with a copy label (replaced by a copy's own) or with none. */
    private readonly labelled: boolean,
    /** The PDF as written, and where each object is in it. */
    private readonly written: { pdf: Uint8Array; objects: NotingWriter["written"] },
  ) {}

  /**
   * The bytes of a drawn PDF, as `doc.save({ useObjectStreams: false })` gives them (`doc` has
   * pages and no interactive form that pdf-lib manages), and the PDF kept as a template.
   */
  static async save(
    doc: PDFDocument,
    pages: readonly DrawnPage[],
    labelled: boolean,
  ): Promise<{ pdf: Uint8Array; template: CopyTemplate }> {
    await doc.flush();
    const writer = NotingWriter.of(doc.context);
    const pdf = await writer.serializeToBuffer();
    // A copy of its own: the caller owns `pdf`.
    const written = { pdf: pdf.slice(), objects: writer.written };
    return { pdf, template: new CopyTemplate(doc, pages, labelled, written) };
  }

  /** Whether `label` can be drawn on every page (each page's text uses its face). */
  fits(label: TextBox): boolean {
    return this.pages.every((page) => page.used.has(label.face) && page.last !== undefined);
  }

  /**
   * The copy with `label` (the box `copyLabelBox` gives, of characters the template's fonts
   * hold, `fits`); `finish` sets what else differs between copies (the /ID). The pages and /ID
   * are set and the PDF written in one synchronous run, so copies drawn at the same time from
   * one template do not mix.
   */
  draw(label: TextBox, finish: (doc: PDFDocument) => void): Promise<Uint8Array> {
    this.take();
    const context = this.doc.context;
    for (const page of this.pages) {
      context.assign(page.contents, flateStream(context, withLabel(page, label, this.labelled)));
    }
    finish(this.doc);
    return PDFWriter.forContext(context, Number.POSITIVE_INFINITY).serializeToBuffer();
  }

  /** Makes every object but the page contents the bytes written for it. */
  private take(): void {
    if (this.taken) return;
    this.taken = true;
    const { pdf, objects } = this.written;
    const contents = new Set(this.pages.map((p) => p.contents));
    for (const { ref, start, size } of objects) {
      if (contents.has(ref)) continue;
      const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
      const tail = "\nendobj\n\n";
      if (!startsWith(pdf, start, head) || !startsWith(pdf, start + size - tail.length, tail)) {
        throw new Error(`CopyTemplate: object ${ref.objectNumber} not where pdf-lib wrote it`);
      }
      const body = pdf.subarray(start + head.length, start + size - tail.length);
      this.doc.context.assign(ref, new WrittenObject(body));
    }
  }
}

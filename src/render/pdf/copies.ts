/**
 * Signing copies drawn from one drawn copy. A document's copies differ only in their label, the
 * last text box of every page, an artifact; so copies whose pages need the same characters (the
 * same font subsets) differ only in their page content streams and their /ID. The first such
 * copy is drawn in full with pdf-lib; every object of it but the page contents is then kept as
 * the bytes pdf-lib wrote for it, and each further copy is that PDF with its own page contents
 * (the first copy's up to the label, then its label, `withLastText`) and /ID, written by pdf-lib's
 * own writer: the same objects, numbers, order and syntax as a full draw gives, with no object
 * built or serialised again.
 */
import { type PDFContext, type PDFDocument, PDFObject, type PDFRef, PDFWriter } from "pdf-lib";
import { type DrawnPage, withLastText } from "./draw.js";
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

/** A drawn signing copy, kept to write the others with the same characters. */
export class CopyTemplate {
  private constructor(
    private readonly doc: PDFDocument,
    private readonly pages: readonly DrawnPage[],
  ) {}

  /**
   * The bytes of a drawn copy, as `doc.save({ useObjectStreams: false })` gives them (`doc` has
   * pages and no interactive form pdf-lib manages), and the copy kept as the template of others.
   */
  static async save(
    doc: PDFDocument,
    pages: readonly DrawnPage[],
  ): Promise<{ pdf: Uint8Array; template: CopyTemplate }> {
    await doc.flush();
    const writer = NotingWriter.of(doc.context);
    const pdf = await writer.serializeToBuffer();
    const kept = pdf.slice(); // the caller owns `pdf`
    const contents = new Set(pages.map((p) => p.contents));
    for (const { ref, start, size } of writer.written) {
      if (contents.has(ref)) continue;
      const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
      const tail = "\nendobj\n\n";
      if (!startsWith(kept, start, head) || !startsWith(kept, start + size - tail.length, tail)) {
        throw new Error(`CopyTemplate: object ${ref.objectNumber} not where pdf-lib wrote it`);
      }
      const body = kept.subarray(start + head.length, start + size - tail.length);
      doc.context.assign(ref, new WrittenObject(body));
    }
    return { pdf, template: new CopyTemplate(doc, pages) };
  }

  /**
   * The copy with `label` (the box `copyLabelBox` gives, of characters the template's fonts
   * hold); `finish` sets what else differs between copies (the /ID).
   */
  async draw(label: TextBox, finish: (doc: PDFDocument) => void): Promise<Uint8Array> {
    const context = this.doc.context;
    for (const page of this.pages) {
      context.assign(page.contents, flateStream(context, withLastText(page, label)));
    }
    finish(this.doc);
    return PDFWriter.forContext(context, Number.POSITIVE_INFINITY).serializeToBuffer();
  }
}

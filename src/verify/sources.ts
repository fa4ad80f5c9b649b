/**
 * Reading what a built folder carries besides text: the YAML sources attached to its PDFs
 * (/EmbeddedFiles, read with pdf-lib) and the parts of its Word files (a small ZIP reader on
 * Node's zlib: the archive's central directory, then each entry's data, inflated).
 */
import { inflateRawSync } from "node:zlib";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from "pdf-lib";

/**
 * The file attached by the name-tree pair at `pairs[i]`, `pairs[i + 1]`, decoded; undefined when
 * the pair is no file specification with a name and a stream, or the stream cannot be decoded
 * (the rebuild then reports the attachment missing).
 */
function attachment(pairs: PDFArray, i: number): [string, Uint8Array] | undefined {
  const key = pairs.lookup(i);
  const spec = pairs.lookup(i + 1);
  if (!(spec instanceof PDFDict)) return undefined;
  const name =
    key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : undefined;
  const stream = spec.lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"));
  if (name === undefined || !(stream instanceof PDFRawStream)) return undefined;
  try {
    return [name, decodePDFRawStream(stream).decode()];
  } catch {
    return undefined;
  }
}

/** Adds the attachments of an /EmbeddedFiles name-tree node and its kids to `out`. */
function collectAttachments(
  node: PDFDict | undefined,
  depth: number,
  out: Map<string, Uint8Array>,
): void {
  if (!node || depth > 20) return;
  const pairs = node.lookupMaybe(PDFName.of("Names"), PDFArray);
  for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
    const found = attachment(pairs, i);
    if (found) out.set(...found);
  }
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) collectAttachments(kid, depth + 1, out);
  }
}

/** The files attached to a PDF, by name; undefined when the PDF cannot be read. */
export async function pdfAttachments(
  data: Uint8Array,
): Promise<Map<string, Uint8Array> | undefined> {
  const out = new Map<string, Uint8Array>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return undefined;
  }
  const names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  collectAttachments(tree, 0, out);
  return out;
}

/** The entries of a ZIP archive (a .docx), by name; undefined when it is no readable archive. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Map<string, Uint8Array>();
  try {
    // End of central directory: the last 0x06054b50 signature (a comment may follow it).
    let end = data.length - 22;
    while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
    if (end < 0) return undefined;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const decoder = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (view.getUint32(at, true) !== 0x02014b50) return undefined;
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
      const start =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const raw = data.subarray(start, start + size);
      out.set(name, method === 0 ? raw : new Uint8Array(inflateRawSync(raw)));
      at += 46 + nameLength + extra + comment;
    }
  } catch {
    return undefined;
  }
  return out;
}

/** The text a reader sees in a Word file: the paragraphs of the body, headers and footers. */
export function docxText(data: Uint8Array): string | undefined {
  const parts = unzip(data);
  if (!parts) return undefined;
  const decoder = new TextDecoder();
  return [...parts.keys()]
    .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .sort()
    .map((name) =>
      decoder
        .decode(parts.get(name))
        .replace(/<\/w:p>/g, "\n")
        .replace(/<w:tab\/>/g, "\t")
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&"),
    )
    .join("\n");
}

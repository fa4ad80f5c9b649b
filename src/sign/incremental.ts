/**
 * Appends an incremental update to a PDF that turns one empty signature field into a signed one
 * waiting for its signature: the bytes of the PDF before the update are never touched, so every
 * earlier signature stays valid (ISO 32000-1, 7.5.6 "Incremental Updates" and 12.8 "Digital
 * Signatures").
 *
 * The update holds:
 *   1. a new signature dictionary (SubFilter ETSI.CAdES.detached, PAdES) with a `/ByteRange`
 *      placeholder and a zero-filled `/Contents` hex string, which `sign.ts` then fills in;
 *   2. a new version of the field's dictionary, with `/V` pointing at the signature dictionary;
 *   3. when needed, a new version of the AcroForm with `/SigFlags 3` (signatures exist, append
 *      only), and of the catalog with the PAdES extension (and the AcroForm, when it is a direct
 *      object in the catalog);
 *   4. a cross-reference section for just these objects with `/Prev` pointing at the previous
 *      one. It is a classic `xref` table when the previous section is one, and an uncompressed
 *      cross-reference stream when the previous section is a stream (pdf-lib's default), so a
 *      reader that handles the original also handles the update.
 *
 * pdf-lib is used only to read the existing objects; the update is written here byte by byte.
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from "pdf-lib";
import { signatureFields } from "./fields.js";
import { embeddedSigningMode } from "./paper.js";

export const BYTE_RANGE_PLACEHOLDER = "/ByteRange [0 /********** /********** /**********]";

export interface SignatureRevisionOptions {
  /** Fully qualified name of the empty signature field (the party id). */
  field: string;
  /** Written as the signature dictionary's /M. */
  signingTime: Date;
  /** Room for the DER-encoded PKCS#7 signature, in bytes. */
  contentsBytes: number;
  /** Optional /Reason, /Location (text strings). */
  reason?: string;
  location?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One PDF object of the update: number, generation and the bytes between `obj` and `endobj`. */
export interface UpdateObject {
  ref: PDFRef;
  body: Uint8Array;
}

const latin1 = (text: string): Uint8Array => Buffer.from(text, "latin1");

/** A PDF text string as UTF-16BE hex with a byte-order mark: safe for å, ä, ö and anything else. */
export function pdfTextString(text: string): string {
  const utf16 = Buffer.from(text, "utf16le").swap16();
  return `<FEFF${utf16.toString("hex").toUpperCase()}>`;
}

/** PDF date string in UTC: D:20250325143000+00'00'. */
export function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(
    date.getUTCHours(),
  )}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`;
}

export interface PreviousXref {
  offset: number;
  isStream: boolean;
  size: number;
}

/** The offset after the last `startxref` and whether that section is a stream, plus its /Size. */
function previousXref(pdf: Uint8Array): Result<PreviousXref> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const at = text.lastIndexOf("startxref");
  const offset = Number(/^startxref\s+(\d+)/.exec(text.toString("latin1", at, at + 40))?.[1]);
  if (at < 0 || !Number.isInteger(offset) || offset >= pdf.length) {
    return { ok: false, error: "PDF-filen saknar en giltig startxref." };
  }
  const isStream = !text.toString("latin1", offset, offset + 4).startsWith("xref");
  // The trailer dictionary (table) or the stream dictionary holds /Size.
  const end = isStream ? text.indexOf("stream", offset) : text.indexOf("startxref", offset);
  const dictStart = isStream ? offset : text.indexOf("trailer", offset);
  const size = Number(/\/Size\s+(\d+)/.exec(text.toString("latin1", dictStart, end))?.[1]);
  if (!Number.isInteger(size)) return { ok: false, error: "PDF-filens trailer saknar /Size." };
  return { ok: true, value: { offset, isStream, size } };
}

/**
 * Loads a PDF to append an update to: the parsed document, its last cross-reference section and
 * the first free object number (from the previous /Size on: pdf-lib's own count does not include
 * cross-reference streams, whose numbers must not be reused).
 */
export async function openForUpdate(
  pdf: Uint8Array,
): Promise<Result<{ doc: PDFDocument; xref: PreviousXref; next: number }>> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    return {
      ok: false,
      error: encrypted
        ? "PDF-filen är krypterad och kan inte signeras."
        : "Filen kunde inte läsas som PDF.",
    };
  }
  const xref = previousXref(pdf);
  if (!xref.ok) return xref;
  const next = Math.max(xref.value.size, doc.context.largestObjectNumber + 1);
  return { ok: true, value: { doc, xref: xref.value, next } };
}

/**
 * Declares the ETSI developer extension of PAdES in the catalog (ETSI EN 319 142-1 and the
 * earlier TS 102 778: prefix /ESIC, base version 1.7, extension level 2). Returns whether the
 * catalog changed.
 */
function addPadesExtension(catalog: PDFDict, doc: PDFDocument): boolean {
  const existing = catalog.lookup(PDFName.of("Extensions"));
  const extensions =
    existing instanceof PDFDict ? existing.clone(doc.context) : doc.context.obj({});
  if (extensions.has(PDFName.of("ESIC"))) return false;
  extensions.set(
    PDFName.of("ESIC"),
    doc.context.obj({ BaseVersion: PDFName.of("1.7"), ExtensionLevel: 2 }),
  );
  catalog.set(PDFName.of("Extensions"), extensions);
  return true;
}

const acroFormOf = (doc: PDFDocument): PDFDict | undefined => {
  const form = doc.catalog.lookup(PDFName.of("AcroForm"));
  return form instanceof PDFDict ? form : undefined;
};

const objectBytes = ({ ref, body }: UpdateObject): Uint8Array =>
  Buffer.concat([
    latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`),
    body,
    latin1("\nendobj\n"),
  ]);

/**
 * Returns `pdf` with the update appended: ready for `SignPdf.sign`, which replaces the
 * /ByteRange placeholder and fills /Contents. The first `pdf.length` bytes are `pdf` itself.
 */
export async function appendSignatureRevision(
  pdf: Uint8Array,
  options: SignatureRevisionOptions,
): Promise<Result<Uint8Array>> {
  const opened = await openForUpdate(pdf);
  if (!opened.ok) return opened;
  const { doc, xref } = opened.value;
  let next = opened.value.next;

  if (embeddedSigningMode(doc) === "papper") {
    return {
      ok: false,
      error:
        "PDF-filen hör till en överenskommelse som skrivs under på papper (signering.sätt i den inbäddade overenskommelse.yaml) och kan inte skrivas under elektroniskt. Ange sätt: elektronisk och bygg om; då skrivs den PDF som ska skrivas under elektroniskt.",
    };
  }
  const acroForm = acroFormOf(doc);
  const fields = signatureFields(doc);
  const found = fields.find((f) => f.name === options.field);
  if (!found?.ref || !acroForm) {
    const names = fields.map((f) => f.name).join(", ") || "inga";
    return {
      ok: false,
      error: `PDF-filen har inget underskriftsfält för parten "${options.field}" (underskriftsfält: ${names}).`,
    };
  }
  if (found.dict.has(PDFName.of("V"))) {
    return {
      ok: false,
      error: `Parten "${options.field}" har redan skrivit under i den här filen.`,
    };
  }

  const sigRef = PDFRef.of(next++);
  const objects: UpdateObject[] = [];

  const sigDict = [
    "<<",
    "/Type /Sig",
    "/Filter /Adobe.PPKLite",
    "/SubFilter /ETSI.CAdES.detached",
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${"0".repeat(options.contentsBytes * 2)}>`,
    `/M (${pdfDate(options.signingTime)})`,
    ...(options.reason ? [`/Reason ${pdfTextString(options.reason)}`] : []),
    ...(options.location ? [`/Location ${pdfTextString(options.location)}`] : []),
    ">>",
  ].join("\n");
  objects.push({ ref: sigRef, body: latin1(sigDict) });

  const field = found.dict.clone(doc.context);
  field.set(PDFName.of("V"), sigRef);
  objects.push({ ref: found.ref, body: latin1(field.toString()) });

  // /SigFlags 3: "signatures exist" and "append only", so editors save incrementally.
  const rootRef = doc.context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) return { ok: false, error: "PDF-filen saknar /Root." };
  const catalog = doc.catalog.clone(doc.context);
  let catalogChanged = addPadesExtension(catalog, doc);
  const sigFlags = acroForm.lookup(PDFName.of("SigFlags"));
  if (!(sigFlags instanceof PDFNumber) || (sigFlags.asNumber() & 3) !== 3) {
    const newForm = acroForm.clone(doc.context);
    newForm.set(PDFName.of("SigFlags"), PDFNumber.of(3));
    const formRef = doc.catalog.get(PDFName.of("AcroForm"));
    if (formRef instanceof PDFRef) {
      objects.push({ ref: formRef, body: latin1(newForm.toString()) });
    } else {
      catalog.set(PDFName.of("AcroForm"), newForm);
      catalogChanged = true;
    }
  }
  if (catalogChanged) objects.push({ ref: rootRef, body: latin1(catalog.toString()) });

  return { ok: true, value: appendUpdate(pdf, doc, xref, objects, next) };
}

/**
 * Appends `objects` to `pdf` as one incremental update: the objects, then a cross-reference
 * section for just them with /Prev pointing at the previous one. It is a classic `xref` table
 * when the previous section is one, and an uncompressed cross-reference stream when it is a
 * stream. `next` is the first object number not in use.
 */
export function appendUpdate(
  pdf: Uint8Array,
  doc: PDFDocument,
  xref: PreviousXref,
  objects: UpdateObject[],
  next: number,
): Uint8Array {
  // Lay out the update after the original bytes (on a new line if it does not end with one).
  const lead = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? "" : "\n";
  const parts: Uint8Array[] = [pdf, latin1(lead)];
  let offset = pdf.length + lead.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const object of objects) {
    offsets.set(object.ref.objectNumber, { offset, gen: object.ref.generationNumber });
    const bytes = objectBytes(object);
    parts.push(bytes);
    offset += bytes.length;
  }

  const { Root, Info, ID } = doc.context.trailerInfo;
  const trailerEntries = [
    `/Prev ${xref.offset}`,
    `/Root ${Root?.toString()}`,
    ...(Info ? [`/Info ${Info.toString()}`] : []),
    ...(ID ? [`/ID ${ID.toString()}`] : []),
  ];
  const xrefOffset = offset;
  if (xref.isStream) {
    // A cross-reference stream: /W [1 4 2] rows (type 1, offset, generation), uncompressed.
    const xrefRef = PDFRef.of(next++);
    offsets.set(xrefRef.objectNumber, { offset: xrefOffset, gen: 0 });
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const rows = Buffer.alloc(numbers.length * 7);
    numbers.forEach((n, i) => {
      const entry = offsets.get(n) as { offset: number; gen: number };
      rows.writeUInt8(1, i * 7);
      rows.writeUInt32BE(entry.offset, i * 7 + 1);
      rows.writeUInt16BE(entry.gen, i * 7 + 5);
    });
    const dict = [
      "<<",
      "/Type /XRef",
      `/Size ${next}`,
      `/Index [${numbers.map((n) => `${n} 1`).join(" ")}]`,
      "/W [1 4 2]",
      `/Length ${rows.length}`,
      ...trailerEntries,
      ">>",
    ].join("\n");
    parts.push(
      latin1(`${xrefRef.objectNumber} 0 obj\n${dict}\nstream\n`),
      rows,
      latin1("\nendstream\nendobj\n"),
    );
  } else {
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const lines = ["xref"];
    for (const n of numbers) {
      const entry = offsets.get(n) as { offset: number; gen: number };
      lines.push(`${n} 1`);
      // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
      lines.push(
        `${String(entry.offset).padStart(10, "0")} ${String(entry.gen).padStart(5, "0")} n\r`,
      );
    }
    lines.push("trailer", ["<<", `/Size ${next}`, ...trailerEntries, ">>"].join("\n"), "");
    parts.push(latin1(lines.join("\n")));
  }
  // No newline after %%EOF: a signature's byte range must reach the end of the file, which then
  // ends exactly where the signed bytes do.
  parts.push(latin1(`startxref\n${xrefOffset}\n%%EOF`));
  return Buffer.concat(parts);
}

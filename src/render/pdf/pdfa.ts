/**
 * What makes the PDF an archival (PDF/A-3b or PDF/A-2b, ISO 19005) and accessible (PDF/UA-1,
 * ISO 14289) document at the document level: the XMP metadata stream that repeats the Info
 * dictionary and names both standards, the sRGB output intent, and the catalog entries a tagged
 * document needs. The structure tree itself is built in `tags.ts`.
 *
 * Every value comes from the document's data (dates from its `date`, fixed at midnight UTC):
 * no clock, no randomness, so the bytes are the same in any time zone.
 */
import { type PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import type { DocumentMeta } from "../../document/types.js";
import { SRGB_IDENTIFIER, srgbProfile } from "./icc.js";
import type { PdfALevel } from "./levels.js";

export const PRODUCER = "iop (pdf-lib)";
export const CREATOR = "iop";

/** `YYYY-MM-DD` as midnight UTC, or undefined. */
export function metaDate(date: string | undefined): Date | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

/**
 * The Info dictionary, and the catalog's /Lang, /ViewerPreferences /DisplayDocTitle and
 * /MarkInfo (PDF/UA 7.1: a tagged document, its title shown in the window's title bar).
 */
export function setInfo(doc: PDFDocument, meta: DocumentMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setLanguage(meta.language);
  const date = metaDate(meta.date);
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  doc.catalog.set(PDFName.of("MarkInfo"), doc.context.obj({ Marked: true }));
}

/** XML text with the five special characters escaped. */
const xml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** An XMP date, the same instant as the Info dictionary's `D:YYYYMMDDHHmmSSZ`. */
const xmpDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The XMP packet (ISO 16684-1): Dublin Core title, creator, description and language, the PDF and
 * XMP basic properties that the Info dictionary also holds (with equal values, as PDF/A 6.6.2.3
 * requires), `pdfaid` (part and conformance) and `pdfuaid` (part 1). `pdfuaid` is not one of the
 * schemas PDF/A predefines, so the packet declares it in a PDF/A extension schema.
 */
export function xmpPacket(meta: DocumentMeta, level: PdfALevel): string {
  const date = metaDate(meta.date);
  const dates = date
    ? [
        `<xmp:CreateDate>${xmpDate(date)}</xmp:CreateDate>`,
        `<xmp:ModifyDate>${xmpDate(date)}</xmp:ModifyDate>`,
        `<xmp:MetadataDate>${xmpDate(date)}</xmp:MetadataDate>`,
      ]
    : [];
  const alt = (text: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    ' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
    ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
    ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    "<dc:format>application/pdf</dc:format>",
    `<dc:title>${alt(meta.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(meta.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    `<pdf:Keywords>${xml(meta.keywords.join(" "))}</pdf:Keywords>`,
    `<xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>`,
    ...dates,
    `<pdfaid:part>${level[0]}</pdfaid:part>`,
    "<pdfaid:conformance>B</pdfaid:conformance>",
    "<pdfuaid:part>1</pdfuaid:part>",
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>",
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
    "<pdfaProperty:name>part</pdfaProperty:name>",
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>",
    "<pdfaProperty:category>internal</pdfaProperty:category>",
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>",
    "</rdf:li></rdf:Seq></pdfaSchema:property>",
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>",
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="r"?>',
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The catalog's /Metadata: the XMP packet as an unfiltered stream (PDF/A 6.6.2.1 forbids a
 * filter on it, so archive tools can find it without decoding).
 */
export function addXmpMetadata(doc: PDFDocument, meta: DocumentMeta, level: PdfALevel): void {
  const bytes = new TextEncoder().encode(xmpPacket(meta, level));
  const stream = doc.context.stream(bytes, { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
}

/**
 * The PDF/A output intent: the sRGB profile (`icc.ts`) as the colour space everything is meant
 * for. The document paints in DeviceGray only, which PDF/A allows under any output intent.
 */
export function addOutputIntent(doc: PDFDocument): void {
  const ctx = doc.context;
  const profile = ctx.register(ctx.flateStream(srgbProfile(), { N: 3 }));
  const intent = ctx.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of(SRGB_IDENTIFIER),
    Info: PDFString.of(SRGB_IDENTIFIER),
    RegistryName: PDFString.of("http://www.color.org"),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of("OutputIntents"), ctx.obj([ctx.register(intent)]));
}

/** Text for a PDF text string: literal when printable ASCII, else UTF-16 hex. */
export const pdfText = (text: string): PDFString | PDFHexString =>
  /^[\x20-\x7e]*$/.test(text) && !/[()\\]/.test(text)
    ? PDFString.of(text)
    : PDFHexString.fromText(text);

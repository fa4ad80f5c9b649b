/**
 * Document-level parts of the PDF: bookmarks, attachments, signature fields and the document /ID
 * (metadata and the PDF/A parts are in `pdfa.ts`). Everything is derived from the input; no
 * clock, no randomness.
 */
import { createHash, type Hash } from "node:crypto";
import {
  AFRelationship,
  type PDFArray,
  type PDFContext,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFRef,
  PDFString,
} from "pdf-lib";
import type { DocumentTree } from "../../document/types.js";
import { bytesSha256 } from "../../hash.js";
import { page as pageSize } from "./style.js";
import type { OutlineEntry, PdfOptions, SignatureSlot } from "./types.js";

/** Bookmarks nested by heading depth, all open, each pointing at its heading. */
export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  interface Node {
    entry?: OutlineEntry;
    ref: PDFRef;
    children: Node[];
  }
  const ctx = doc.context;
  const root: Node = { ref: ctx.nextRef(), children: [] };
  const stack: { depth: number; node: Node }[] = [{ depth: 0, node: root }];
  for (const entry of entries) {
    while ((stack.at(-1) as { depth: number }).depth >= entry.depth) stack.pop();
    const node: Node = { entry, ref: ctx.nextRef(), children: [] };
    (stack.at(-1) as { node: Node }).node.children.push(node);
    stack.push({ depth: entry.depth, node });
  }
  const pages = doc.getPages();
  const count = (node: Node): number =>
    node.children.reduce((sum, child) => sum + 1 + count(child), 0);
  const write = (node: Node, parent: Node | undefined, prev?: Node, next?: Node) => {
    const dict = ctx.obj({});
    if (node.entry) {
      const target = pages[node.entry.page];
      dict.set(PDFName.of("Title"), PDFHexString.fromText(node.entry.title));
      if (target) {
        const top = Math.round((pageSize.height - node.entry.y + 6) * 100) / 100;
        dict.set(PDFName.of("Dest"), ctx.obj([target.ref, "XYZ", null, top, null]));
      }
    } else {
      dict.set(PDFName.of("Type"), PDFName.of("Outlines"));
    }
    if (parent) dict.set(PDFName.of("Parent"), parent.ref);
    if (prev) dict.set(PDFName.of("Prev"), prev.ref);
    if (next) dict.set(PDFName.of("Next"), next.ref);
    const first = node.children[0];
    const last = node.children.at(-1);
    if (first && last) {
      dict.set(PDFName.of("First"), first.ref);
      dict.set(PDFName.of("Last"), last.ref);
      dict.set(PDFName.of("Count"), ctx.obj(count(node)));
    }
    ctx.assign(node.ref, dict);
    node.children.forEach((child, i) => {
      write(child, node, node.children[i - 1], node.children[i + 1]);
    });
  };
  write(root, undefined);
  doc.catalog.set(PDFName.of("Outlines"), root.ref);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

const mimeTypes: Record<string, string> = {
  yaml: "application/yaml",
  yml: "application/yaml",
  json: "application/json",
  md: "text/markdown",
};

/** The source files as /EmbeddedFiles (sorted by name, as a name tree requires), dated `date`. */
export async function addAttachments(
  doc: PDFDocument,
  attachments: NonNullable<PdfOptions["attachments"]>,
  date: Date | undefined,
): Promise<void> {
  const sorted = [...attachments].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
    await doc.attach(file.data, file.name, {
      mimeType: mimeTypes[ext] ?? "application/octet-stream",
      description: file.description,
      creationDate: date,
      modificationDate: date,
      afRelationship: AFRelationship.Source,
    });
  }
}

/**
 * One empty signature field per slot, its widget over the signature line, printable (/F 4), with
 * an empty appearance (PDF/A wants one for every visible annotation) and a description for
 * assistive technology (/TU, PDF/UA 7.18.1) naming the party. A page with fields has its tab
 * order follow the structure (/Tabs /S). Returns each widget by party id, for the structure tree.
 */
export function addSignatureFields(
  doc: PDFDocument,
  slots: readonly SignatureSlot[],
  partyNames: ReadonlyMap<string, string> = new Map(),
): Map<string, PDFRef> {
  const widgets = new Map<string, PDFRef>();
  if (slots.length === 0) return widgets;
  const ctx = doc.context;
  const pages = doc.getPages();
  const fields: PDFRef[] = [];
  for (const slot of slots) {
    const target = pages[slot.page];
    if (!target) continue;
    const { x, y, width, height } = slot.rect;
    const appearance = ctx.register(
      ctx.stream(new Uint8Array(), {
        Type: "XObject",
        Subtype: "Form",
        BBox: [0, 0, width, height],
        Resources: {},
      }),
    );
    const ref = ctx.register(
      ctx.obj({
        Type: "Annot",
        Subtype: "Widget",
        FT: "Sig",
        T: /^[\x20-\x7e]*$/.test(slot.partyId)
          ? PDFString.of(slot.partyId)
          : PDFHexString.fromText(slot.partyId),
        TU: PDFHexString.fromText(
          `Underskrift för ${partyNames.get(slot.partyId) ?? slot.partyId}`,
        ),
        Rect: [x, y, x + width, y + height],
        F: 4,
        P: target.ref,
        AP: { N: appearance },
      }),
    );
    target.node.addAnnot(ref);
    target.node.set(PDFName.of("Tabs"), PDFName.of("S"));
    fields.push(ref);
    widgets.set(slot.partyId, ref);
  }
  doc.catalog.set(PDFName.of("AcroForm"), ctx.obj({ Fields: ctx.obj(fields) as PDFArray }));
  return widgets;
}

/** The hash each tree's /IDs start from, by tree (`documentIdStart`). */
const idStarts = new WeakMap<DocumentTree, Hash>();

/**
 * The hash a document /ID starts from: its tree, the part all copies of a document share (the
 * copies hash it once, `documentId` continues from a copy of it). Made once per tree, as a
 * document's PDF and then its signing copies start from the same one: a tree is not changed once
 * it is built, as the PDFs of a tree changed after they were drawn would not be its PDFs either.
 */
export function documentIdStart(tree: DocumentTree): Hash {
  let start = idStarts.get(tree);
  if (!start) {
    start = createHash("sha256").update(JSON.stringify(tree));
    idStarts.set(tree, start);
  }
  return start;
}

/**
 * The /ID of a PDF of the tree `start` hashes (`documentIdStart`) drawn with `options`, as 32 hex
 * digits: a hash of everything the output is made of (not random, not a clock).
 */
export function documentId(options: PdfOptions, start: Hash): string {
  const hash = start.copy();
  hash.update(
    JSON.stringify({
      copyLabel: options.copyLabel ?? null,
      pdfa: options.pdfa ?? "3b",
      fingerprint: options.fingerprint ?? null,
      signatureFields: options.signatureFields ?? false,
    }),
  );
  for (const a of options.attachments ?? []) {
    hash.update(JSON.stringify([a.name, a.description ?? null]));
    // Kept per array: the YAML sources a document embeds are the same arrays in its PDF and
    // every signing copy.
    hash.update(Buffer.from(bytesSha256(a.data), "hex"));
  }
  return hash.digest("hex").slice(0, 32).toUpperCase();
}

/** Sets a PDF's /ID (`documentId`), both of its halves. */
export function setDocumentId(context: PDFContext, id: string): void {
  const hex = PDFHexString.of(id);
  context.trailerInfo.ID = context.obj([hex, hex]);
}

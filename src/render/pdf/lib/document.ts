/**
 * Document-level parts of the PDF: metadata, bookmarks, attachments, signature fields and the
 * document /ID. Everything is derived from the input; no clock, no randomness.
 */
import { createHash } from "node:crypto";
import {
  AFRelationship,
  type PDFArray,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFRef,
  PDFString,
} from "pdf-lib";
import type { DocumentMeta, DocumentTree } from "../../../document/types.js";
import { page as pageSize } from "./style.js";
import type { OutlineEntry, PdfOptions, SignatureSlot } from "./types.js";

const PRODUCER = "iop (pdf-lib)";
const CREATOR = "iop";

/** `YYYY-MM-DD` as midnight UTC, or undefined. */
export function metaDate(date: string | undefined): Date | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

/** Info dictionary and catalog /Lang. */
export function setMetadata(doc: PDFDocument, meta: DocumentMeta): void {
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
}

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

/** One empty signature field per slot, its widget over the signature line. */
export function addSignatureFields(doc: PDFDocument, slots: readonly SignatureSlot[]): void {
  if (slots.length === 0) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const fields: PDFRef[] = [];
  for (const slot of slots) {
    const target = pages[slot.page];
    if (!target) continue;
    const { x, y, width, height } = slot.rect;
    const ref = ctx.register(
      ctx.obj({
        Type: "Annot",
        Subtype: "Widget",
        FT: "Sig",
        T: /^[\x20-\x7e]*$/.test(slot.partyId)
          ? PDFString.of(slot.partyId)
          : PDFHexString.fromText(slot.partyId),
        Rect: [x, y, x + width, y + height],
        F: 4,
        P: target.ref,
      }),
    );
    target.node.addAnnot(ref);
    fields.push(ref);
  }
  doc.catalog.set(PDFName.of("AcroForm"), ctx.obj({ Fields: ctx.obj(fields) as PDFArray }));
}

/** A document /ID from a hash of everything the output is made of (not random, not a clock). */
export function setDocumentId(doc: PDFDocument, tree: DocumentTree, options: PdfOptions): void {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(tree));
  hash.update(
    JSON.stringify({
      copyLabel: options.copyLabel ?? null,
      fingerprint: options.fingerprint ?? null,
      signatureFields: options.signatureFields ?? false,
    }),
  );
  for (const a of options.attachments ?? []) {
    hash.update(JSON.stringify([a.name, a.description ?? null]));
    hash.update(createHash("sha256").update(a.data).digest());
  }
  const id = PDFHexString.of(hash.digest("hex").slice(0, 32).toUpperCase());
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

/**
 * The structure tree of a tagged PDF (PDF 32000-1, 14.7 and 14.8), built from pdf-lib's low-level
 * objects, as pdf-lib has no tagging API: a StructTreeRoot over the layout's Document element,
 * one StructElem per element, its content the marked-content sequences the drawing step made
 * (by MCID and page) or, for a Form element, its signature field's widget (an OBJR); and the
 * ParentTree that maps each page's MCIDs, and each widget, back to their elements.
 */
import {
  type PDFContext,
  type PDFDict,
  type PDFDocument,
  PDFName,
  type PDFObject,
  type PDFPage,
  type PDFRef,
} from "pdf-lib";
import type { MarkedContent } from "./draw.js";
import { pdfText } from "./pdfa.js";
import type { StructElement } from "./types.js";

/**
 * Adds the structure tree of `structure` to `doc`. `widgets` are the signature fields' widget
 * annotations by party id (see `addSignatureFields`); each gets its /StructParent.
 */
export function addStructureTree(
  doc: PDFDocument,
  structure: StructElement,
  marked: readonly MarkedContent[],
  widgets: ReadonlyMap<string, PDFRef> = new Map(),
): void {
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();
  const refs = new Map<StructElement, PDFRef>();
  const assignRefs = (el: StructElement) => {
    refs.set(el, ctx.nextRef());
    for (const child of el.children) assignRefs(child);
  };
  assignRefs(structure);

  // Each element's content, in drawing order (which, within an element, is reading order).
  const content = new Map<StructElement, MarkedContent[]>();
  for (const m of marked) {
    const list = content.get(m.element) ?? [];
    list.push(m);
    content.set(m.element, list);
  }

  const parentTree: [number, PDFObject][] = [];
  const write = (el: StructElement, parent: PDFRef) => {
    const ref = refs.get(el) as PDFRef;
    const dict = ctx.obj({ Type: "StructElem", S: el.type, P: parent }) as PDFDict;
    const kids = markedKids(ctx, dict, pages, content.get(el) ?? []);
    const widget = el.field ? widgets.get(el.field) : undefined;
    const annot = widget ? (ctx.lookup(widget) as PDFDict | undefined) : undefined;
    if (widget && annot) {
      const key = pages.length + parentTree.filter(([k]) => k >= pages.length).length;
      parentTree.push([key, ref]);
      kids.push(widgetKid(ctx, widget, annot, key));
    }
    for (const child of el.children) kids.push(refs.get(child) as PDFRef);
    setKidsAndAttributes(ctx, dict, kids, el);
    ctx.assign(ref, dict);
    for (const child of el.children) write(child, ref);
  };
  write(structure, rootRef);

  // The ParentTree: per page (key = page index), its elements indexed by MCID.
  pages.forEach((page, index) => {
    const elements = marked.filter((m) => m.page === index).sort((a, b) => a.mcid - b.mcid);
    page.node.set(PDFName.of("StructParents"), ctx.obj(index));
    parentTree.push([index, ctx.obj(elements.map((m) => refs.get(m.element) as PDFRef))]);
  });
  parentTree.sort((a, b) => a[0] - b[0]);
  const nums: PDFObject[] = parentTree.flatMap(([key, value]) => [ctx.obj(key), value]);
  const parentTreeRef = ctx.register(ctx.obj({ Nums: ctx.obj(nums) }));
  ctx.assign(
    rootRef,
    ctx.obj({
      Type: "StructTreeRoot",
      K: refs.get(structure) as PDFRef,
      ParentTree: parentTreeRef,
      ParentTreeNextKey: parentTree.length === 0 ? 0 : (parentTree.at(-1)?.[0] ?? 0) + 1,
    }),
  );
  doc.catalog.set(PDFName.of("StructTreeRoot"), rootRef);
}

/**
 * An element's marked-content sequences: an MCID on the element's first page (its /Pg), else a
 * marked content reference with its page.
 */
function markedKids(
  ctx: PDFContext,
  dict: PDFDict,
  pages: readonly PDFPage[],
  own: readonly MarkedContent[],
): PDFObject[] {
  const firstPage = own[0] ? pages[own[0].page] : undefined;
  if (firstPage) dict.set(PDFName.of("Pg"), firstPage.ref);
  const kids: PDFObject[] = [];
  for (const m of own) {
    const page = pages[m.page];
    if (!page) continue;
    kids.push(
      page === firstPage ? ctx.obj(m.mcid) : ctx.obj({ Type: "MCR", Pg: page.ref, MCID: m.mcid }),
    );
  }
  return kids;
}

/** A signature field's widget as an object reference, the widget pointing back (/StructParent). */
function widgetKid(ctx: PDFContext, widget: PDFRef, annot: PDFDict, key: number): PDFObject {
  annot.set(PDFName.of("StructParent"), ctx.obj(key));
  const page = annot.get(PDFName.of("P"));
  return ctx.obj({ Type: "OBJR", Obj: widget, ...(page ? { Pg: page } : {}) });
}

/** An element's /K (its kids, one or an array), /A (attributes) and /T (title). */
function setKidsAndAttributes(
  ctx: PDFContext,
  dict: PDFDict,
  kids: PDFObject[],
  el: StructElement,
): void {
  if (kids.length === 1) dict.set(PDFName.of("K"), kids[0] as PDFObject);
  else if (kids.length > 1) dict.set(PDFName.of("K"), ctx.obj(kids));
  const attributes = attributesOf(ctx, el);
  if (attributes) dict.set(PDFName.of("A"), attributes);
  if (el.title) dict.set(PDFName.of("T"), pdfText(el.title));
}

/** A table header cell's scope, a list's numbering: the element's /A attribute dictionary. */
function attributesOf(ctx: PDFContext, el: StructElement): PDFDict | undefined {
  if (el.scope) return ctx.obj({ O: "Table", Scope: el.scope }) as PDFDict;
  if (el.numbering) return ctx.obj({ O: "List", ListNumbering: el.numbering }) as PDFDict;
  return undefined;
}

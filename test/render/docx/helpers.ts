import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import type { DocumentTree } from "../../../src/document/types.js";
import { type DocxOptions, renderDocx } from "../../../src/render/docx/index.js";

/** The parts of a rendered .docx, as text and as XML trees. */
export interface Parts {
  files: Record<string, Uint8Array>;
  text(path: string): string;
  xml(path: string): Document;
}

export const parseXml = (text: string): Document =>
  new DOMParser().parseFromString(text, "text/xml");

export function unzipDocx(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  const text = (path: string): string => {
    const file = files[path];
    if (!file) throw new Error(`no part ${path}`);
    return strFromU8(file);
  };
  return { files, text, xml: (path) => parseXml(text(path)) };
}

export const render = async (tree: DocumentTree, options?: DocxOptions): Promise<Parts> =>
  unzipDocx(await renderDocx(tree, options));

/** Elements with this qualified name (`w:p`) under `node`, in document order. */
export const all = (node: Document | Element, name: string): Element[] =>
  Array.from(node.getElementsByTagName(name) as unknown as ArrayLike<Element>);

/** The direct children of `element` with this qualified name. */
export const children = (element: Element, name?: string): Element[] =>
  Array.from(element.childNodes as unknown as ArrayLike<Node>).filter(
    (n): n is Element => n.nodeType === 1 && (name === undefined || n.nodeName === name),
  );

/** The one direct child with this name, or undefined. */
export const child = (element: Element, name: string): Element | undefined =>
  children(element, name)[0];

/** `w:val` (or another attribute) of the first `name` element under `node`. */
export const val = (node: Document | Element, name: string, attribute = "w:val") =>
  all(node, name)[0]?.getAttribute(attribute) ?? undefined;

/** The text Word shows for a paragraph or run: `w:t` and `w:delText`, tabs and breaks. */
export function textOf(node: Element): string {
  return all(node, "*")
    .map((el) => {
      if (el.nodeName === "w:t" || el.nodeName === "w:delText") return el.textContent ?? "";
      if (el.nodeName === "w:tab" && el.parentNode?.nodeName === "w:r") return "\t";
      if (el.nodeName === "w:br") return "\n";
      return "";
    })
    .join("");
}

/** Body paragraphs (those inside tables too), in document order. */
export const paragraphs = (doc: Document): Element[] => all(doc, "w:p");

/** The body paragraph whose text is `text` (throws when there is none). */
export function paragraphWithText(doc: Document, text: string): Element {
  const found = paragraphs(doc).find((p) => textOf(p) === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

/** The paragraph style id of a paragraph. */
export const styleOf = (p: Element): string | undefined => {
  const pPr = child(p, "w:pPr");
  return pPr ? (child(pPr, "w:pStyle")?.getAttribute("w:val") ?? undefined) : undefined;
};

/** The style element with this id in styles.xml. */
export function style(styles: Document, id: string): Element {
  const found = all(styles, "w:style").find((s) => s.getAttribute("w:styleId") === id);
  if (!found) throw new Error(`no style ${id}`);
  return found;
}

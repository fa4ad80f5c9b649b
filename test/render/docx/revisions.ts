import { XMLSerializer } from "@xmldom/xmldom";
import { all, child, paragraphs, parseXml, textOf } from "./helpers.js";

type Decision = "accept" | "reject";

/** Replaces an element by its children. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

const remove = (element: Element): void => {
  element.parentNode?.removeChild(element);
};

/** The paragraph mark's change marker (`w:pPr/w:rPr/w:ins|w:del`), if any. */
function markChange(p: Element, name: string): Element | undefined {
  const pPr = child(p, "w:pPr");
  const rPr = pPr ? child(pPr, "w:rPr") : undefined;
  return rPr ? child(rPr, name) : undefined;
}

/**
 * Accepts or rejects every tracked change of a document.xml, as Word's "Accept All" / "Reject
 * All" do: the content of the changes that go (`w:del` on accept, `w:ins` on reject) is removed,
 * the others are unwrapped; a paragraph whose mark goes joins the next paragraph (and vanishes
 * when it is empty); a table row whose row mark goes is removed.
 */
export function resolveChanges(xml: string, decision: Decision): string {
  const doc = parseXml(xml);
  const [goes, stays] = decision === "accept" ? ["w:del", "w:ins"] : ["w:ins", "w:del"];

  for (const row of all(doc, "w:tr")) {
    const trPr = child(row, "w:trPr");
    if (trPr && child(trPr, goes)) remove(row);
    else if (trPr && child(trPr, stays)) remove(child(trPr, stays) as Element);
  }
  for (const p of paragraphs(doc)) {
    const kept = markChange(p, stays);
    if (kept) remove(kept);
    if (!markChange(p, goes)) continue;
    const next = p.nextSibling as Element | null;
    const content = Array.from(p.childNodes as unknown as ArrayLike<Element>).filter(
      (n) => n.nodeName !== "w:pPr",
    );
    if (next?.nodeName === "w:p") {
      const nextPPr = child(next, "w:pPr");
      const anchor = nextPPr ? nextPPr.nextSibling : next.firstChild;
      for (const node of content) next.insertBefore(node, anchor);
    }
    remove(p);
  }
  for (const element of all(doc, goes)) {
    if (element.parentNode?.nodeName !== "w:rPr") remove(element);
  }
  for (const element of all(doc, stays)) unwrap(element);
  if (decision === "reject") {
    for (const delText of all(doc, "w:delText")) {
      const t = doc.createElement("w:t");
      while (delText.firstChild) t.appendChild(delText.firstChild);
      delText.parentNode?.replaceChild(t, delText);
    }
  }
  return new XMLSerializer().serializeToString(doc);
}

/** The text of a document.xml, one line per paragraph. */
export const documentXmlText = (xml: string): string =>
  paragraphs(parseXml(xml)).map(textOf).join("\n");

/** Every change marker of a document.xml (`w:ins` and `w:del`, runs and paragraph marks). */
export const changeMarkers = (xml: string): Element[] => {
  const doc = parseXml(xml);
  return [...all(doc, "w:ins"), ...all(doc, "w:del")];
};

import { XMLSerializer } from "@xmldom/xmldom";
import { elements, parseXml } from "./helpers.js";

const child = (element: Element, name: string): Element | undefined =>
  Array.from(element.childNodes as unknown as ArrayLike<Node>).find(
    (n): n is Element => n.nodeType === 1 && n.nodeName === name,
  );

const remove = (node: Node) => node.parentNode?.removeChild(node);

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

const markOf = (p: Element, name: string): Element | undefined => {
  const pPr = child(p, "w:pPr");
  const rPr = pPr && child(pPr, "w:rPr");
  return rPr && child(rPr, name);
};

/**
 * Word's "Accept All" or "Reject All" on a document.xml: the changes that go are removed (their
 * paragraph marks too, joining what is left of the paragraph to the next one; their table rows
 * too), the changes that stay are unwrapped.
 */
export function resolveAll(xml: string, decision: "accept" | "reject"): string {
  const doc = parseXml(xml);
  const [goes, stays] = decision === "accept" ? ["w:del", "w:ins"] : ["w:ins", "w:del"];
  for (const row of elements(doc, "w:tr")) {
    const trPr = child(row, "w:trPr");
    if (trPr && child(trPr, goes)) remove(row);
  }
  for (const p of elements(doc, "w:p")) {
    if (!p.parentNode) continue;
    if (!markOf(p, goes)) continue;
    const next = p.nextSibling as Element | null;
    const content = Array.from(p.childNodes as unknown as ArrayLike<Node>).filter(
      (n) => n.nodeName !== "w:pPr",
    );
    if (next?.nodeName === "w:p") {
      const anchor = child(next, "w:pPr")?.nextSibling ?? next.firstChild;
      for (const node of content) next.insertBefore(node, anchor);
    }
    remove(p);
  }
  for (const element of elements(doc, goes)) remove(element);
  for (const element of elements(doc, stays)) {
    if (element.parentNode?.nodeName === "w:rPr" || element.parentNode?.nodeName === "w:trPr")
      remove(element);
    else unwrap(element);
  }
  for (const delText of elements(doc, "w:delText")) {
    const t = doc.createElement("w:t");
    while (delText.firstChild) t.appendChild(delText.firstChild);
    delText.parentNode?.replaceChild(t, delText);
  }
  return new XMLSerializer().serializeToString(doc);
}

const styleOf = (p: Element): string | undefined => {
  const pPr = child(p, "w:pPr");
  return (pPr && child(pPr, "w:pStyle")?.getAttribute("w:val")) ?? undefined;
};

/**
 * The body text of a document.xml, one line per paragraph, as a reader sees it: the title block
 * (Title and Subtitle styles) left out, and heading numbers written as text ("2.1<tab>") taken off,
 * since Word numbers headings itself in a plain document.
 */
export function bodyText(xml: string): string[] {
  return elements(parseXml(xml), "w:p")
    .filter((p) => styleOf(p) !== "Title" && styleOf(p) !== "Subtitle")
    .map((p) =>
      elements(p, "*")
        .map((el) =>
          el.nodeName === "w:t" || el.nodeName === "w:delText"
            ? (el.textContent ?? "")
            : el.nodeName === "w:tab" && el.parentNode?.nodeName === "w:r"
              ? "\t"
              : el.nodeName === "w:br"
                ? "\n"
                : "",
        )
        .join("")
        .replace(/^\d+(\.\d+)*\t/, ""),
    );
}

import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFString,
} from "pdf-lib";

/** A signature form field (AcroForm /FT /Sig) of a PDF. */
export interface SignatureField {
  /** Fully qualified name: the partial names (/T) of the field and its ancestors joined by ".". */
  name: string;
  /** The field's dictionary and, when it is an indirect object (as it should be), its reference. */
  dict: PDFDict;
  ref?: PDFRef;
  /** The signature dictionary (/V), when the field is signed. */
  value?: PDFDict;
}

/** The text of a PDF string object (PDFDocEncoding or UTF-16, decoded by pdf-lib). */
export function decodeText(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

const key = (name: string) => PDFName.of(name);

/** Whether a field's /Kids are fields of their own (have a /T), not just its widgets. */
function hasFieldKids(kids: PDFObject | undefined): kids is PDFArray {
  return (
    kids instanceof PDFArray &&
    kids.asArray().some((_, k) => {
      const kid = kids.lookup(k);
      return kid instanceof PDFDict && kid.has(key("T"));
    })
  );
}

/** The signature field at `list[i]`, named `name`: its reference and value when it has them. */
function signatureField(list: PDFArray, i: number, dict: PDFDict, name: string): SignatureField {
  const ref = list.get(i);
  const value = dict.lookup(key("V"));
  return {
    name,
    dict,
    ...(ref instanceof PDFRef ? { ref } : {}),
    ...(value instanceof PDFDict ? { value } : {}),
  };
}

/**
 * Adds the signature fields in `list` (and their descendant fields) to `out`: `prefix` is the
 * parent's full name, `inheritedType` its /FT.
 */
function collectFields(
  list: PDFArray,
  prefix: string,
  inheritedType: PDFObject | undefined,
  depth: number,
  out: SignatureField[],
): void {
  if (depth > 32) return; // a cycle or a hostile file
  for (let i = 0; i < list.size(); i++) {
    const dict = list.lookup(i);
    if (!(dict instanceof PDFDict)) continue;
    const partial = decodeText(dict.lookup(key("T")));
    if (partial === undefined) continue;
    const name = prefix ? `${prefix}.${partial}` : partial;
    const type = dict.lookup(key("FT")) ?? inheritedType;
    const kids = dict.lookup(key("Kids"));
    if (hasFieldKids(kids)) collectFields(kids, name, type, depth + 1, out);
    else if (type === key("Sig")) out.push(signatureField(list, i, dict, name));
  }
}

/**
 * Every signature field in the document's AcroForm, in form order. /FT is inherited from
 * ancestors; kids without a /T of their own are widgets of their parent, not fields.
 */
export function signatureFields(doc: PDFDocument): SignatureField[] {
  const out: SignatureField[] = [];
  const form = doc.catalog.lookup(key("AcroForm"));
  const fields = form instanceof PDFDict ? form.lookup(key("Fields")) : undefined;
  if (fields instanceof PDFArray) collectFields(fields, "", undefined, 0, out);
  return out;
}

/**
 * The XML text of what docx's components format to (`prepForXml`: objects such as
 * `{ "w:p": [{ _attr: { "w14:paraId": "1A2B" } }, { "w:r": [...] }] }`), exactly as docx's own
 * writer (`stringifyXmlable` without indentation, which reproduces the `xml` npm package, quirks
 * and all) writes it, but in one pass into strings: docx's builds an intermediate object with two
 * arrays per element and joins them, a fifth of a document's compile time.
 *
 * The rules, docx 9.15.2's `resolve` and `format` (node_modules/docx/dist/index.mjs):
 * - an element is the first key of its object; its value is
 *   - an array: children (objects), attribute objects (`{ _attr }`, added to the element's own,
 *     wherever they stand) and text (anything else: a text replaces the item before it, a quirk
 *     of the `xml` package); written with a closing tag, even with no child (`<a></a>`);
 *   - another object: its `_attr` and `_cdata`, nothing else; no content gives `<a/>`;
 *   - anything else: the element's text (`undefined` writes nothing);
 * - texts and attribute values that are strings are escaped (`&"'<>` as entities, the control
 *   characters XML 1.0 forbids dropped); other values are written with `String`;
 * - an element with an empty name writes no tags around its content.
 * Test: test/render/docx/fast-format.test.ts (every agreement, fixture and redline, and edge
 * cases, against docx's own compile).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids, which docx drops
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const SPECIALS = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES = new Map([
  ["&", "&amp;"],
  ['"', "&quot;"],
  ["'", "&apos;"],
  ["<", "&lt;"],
  [">", "&gt;"],
]);

/** docx's escaping of texts and attribute values (its `escapeAll`), skipped when not needed. */
export const escapeXml = (value: string): string =>
  SPECIAL.test(value) ? value.replace(SPECIALS, (char) => ENTITIES.get(char) ?? "") : value;

/** A text or an attribute value as docx writes it: strings escaped, the rest with `String`. */
const valueText = (value: unknown): string =>
  typeof value === "string" ? escapeXml(value) : String(value);

/** ` key="value"` for each attribute of an `_attr` object, in its order. */
function attributesText(attributes: unknown): string {
  let text = "";
  const object = attributes as Record<string, unknown>;
  for (const key of Object.keys(object)) text += ` ${key}="${valueText(object[key])}"`;
  return text;
}

/**
 * The content items of an element as docx keeps them: all but the last joined, and the last
 * apart, because a text item replaces the item before it.
 */
interface Content {
  count: number;
  head: string;
  last: string;
}

const push = (content: Content, text: string): void => {
  content.head += content.last;
  content.last = text;
  content.count++;
};

/** A text in an element's array: it replaces the item before it (docx pops, then pushes). */
const replaceLast = (content: Content, text: string): void => {
  if (content.count > 0) content.count--;
  content.last = "";
  push(content, text);
};

/** The content of an element whose value is an array; returns the attributes it adds. */
function arrayContent(values: readonly unknown[], content: Content): string {
  let attributes = "";
  let isText = false;
  push(content, "");
  for (const value of values) {
    if (typeof value === "object") {
      if (Object.keys(value as object)[0] === "_attr") {
        attributes += attributesText((value as { _attr: unknown })._attr);
      } else push(content, elementText(value as object));
    } else {
      isText = true;
      replaceLast(content, value === undefined ? "" : valueText(value));
    }
  }
  if (!isText) push(content, "");
  return attributes;
}

/** The content of an element whose value is an object (not null); returns its attributes. */
function objectContent(values: object, content: Content): string {
  const { _attr: attr, _cdata: cdata } = values as { _attr?: unknown; _cdata?: string };
  let attributes = attr ? attributesText(attr) : "";
  if (cdata) push(content, `<![CDATA[${cdata.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`);
  if (Array.isArray(values)) attributes += arrayContent(values, content);
  return attributes;
}

/** One element (the first key of `data`) and everything in it. */
function elementText(data: object): string {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : (data as Record<string, unknown>)[name];
  let attributes = "";
  const content: Content = { count: 0, head: "", last: "" };
  if (typeof values !== "object") push(content, values === undefined ? "" : valueText(values));
  else if (values !== null) attributes = objectContent(values, content);
  if (!name)
    return content.count === 0 ? `${attributes}/>` : attributes + content.head + content.last;
  const open = `<${name}${attributes}`;
  if (content.count === 0) return `${open}/>`;
  return `${open}>${content.head}${content.last}</${name}>`;
}

/**
 * The XML text of a formatted component (or of several, one after another, as docx writes an
 * array), without the XML declaration.
 */
export function xmlText(formatted: object): string {
  if (!Array.isArray(formatted)) return elementText(formatted);
  let text = "";
  for (const item of formatted) text += elementText(item);
  return text;
}

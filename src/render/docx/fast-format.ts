/**
 * docx's compile of a document, with its serialisation made cheaper and every byte the same.
 *
 * docx turns each part's component tree into objects (`prepForXml`, recursively), then the objects
 * into text. While `compileFast` runs (synchronously, undone before anything else can run):
 * - the three generic `prepForXml` every component reaches (`XmlComponent`'s, which formats the
 *   children, and the two attribute components') are replaced by loops that build exactly the
 *   objects docx's build with `flatMap`, `filter`, `Object.entries` and, for
 *   `NextAttributeComponent`, an object spread per attribute; the components that override
 *   `prepForXml` still run their own, and reach these through `super`;
 * - the compiler's formatter writes the objects with xml-text.ts instead of docx's writer, and hands
 *   docx a one-element stand-in (`<iop:part n="3"/>`), which docx writes after the part's XML
 *   declaration; every place docx reads a part's text (the image and numbering placeholders it
 *   replaces, the parts it returns) gets the text with the stand-in swapped for the real one.
 * Side effects of formatting (ids drawn, list instances, relationships) happen in docx's order,
 * because docx still calls every `prepForXml` itself, once, when it reaches the part.
 *
 * Relies on docx 9.15.2's Compiler (a `formatter`, an `imageReplacer` and a `numberingReplacer`
 * per compiler, the texts they are given) and generic `prepForXml`s; package.json pins docx.
 * Test: test/render/docx/fast-format.test.ts (every agreement, fixture and redline, combined and
 * split, and edge cases of escaping and empty elements, against docx's own compile).
 */
import {
  EMPTY_OBJECT,
  isXmlComponent,
  NextAttributeComponent,
  XmlAttributeComponent,
  XmlComponent,
} from "docx";
import { xmlText } from "./xml-text.js";

type Formatted = object | undefined;
interface Context {
  stack: unknown[];
}
type Prep = (this: unknown, context: Context) => Formatted;

interface Component {
  prepForXml(context: Context): Formatted;
  readonly writtenAs?: readonly Component[];
}

/** Adds a formatted child as docx's `flatMap` does: an array spread one level, `undefined` dropped. */
function addFormatted(children: unknown[], item: unknown): void {
  if (!Array.isArray(item)) {
    if (item !== undefined) children.push(item);
    return;
  }
  for (const inner of item) if (inner !== undefined) children.push(inner);
}

/** A child of a component's `root`, formatted into `children` as docx's `XmlComponent` does. */
function formatChild(children: unknown[], comp: unknown, context: Context): void {
  if (!isXmlComponent(comp)) {
    addFormatted(children, comp);
    return;
  }
  const parts = (comp as unknown as Component).writtenAs;
  if (!parts) {
    addFormatted(children, (comp as unknown as Component).prepForXml(context));
    return;
  }
  for (const formatted of parts.map((part) => part.prepForXml(context))) {
    if (formatted !== undefined) children.push(formatted);
  }
}

/** `XmlComponent.prototype.prepForXml`: each child formatted, in order, `undefined`s dropped. */
function prepComponent(this: { rootKey: string; root: unknown[] }, context: Context): Formatted {
  context.stack.push(this);
  const root = this.root;
  const children: unknown[] = [];
  for (let i = 0, length = root.length; i < length; i++) {
    if (i in root) formatChild(children, root[i], context);
  }
  context.stack.pop();
  const first = children[0] as { _attr?: unknown } | null | undefined;
  const only = children.length === 1 && first?._attr;
  return { [this.rootKey]: children.length ? (only ? first : children) : EMPTY_OBJECT };
}

/** `XmlAttributeComponent.prototype.prepForXml`: defined values, under their XML names. */
function prepAttributes(
  this: { root: Record<string, unknown>; xmlKeys?: Record<string, string> },
  _context: Context,
): Formatted {
  const attrs: Record<string, unknown> = {};
  const root = this.root;
  const xmlKeys = this.xmlKeys;
  for (const key of Object.keys(root)) {
    const value = root[key];
    if (value !== undefined) attrs[xmlKeys?.[key] || key] = value;
  }
  return { _attr: attrs };
}

/**
 * `NextAttributeComponent.prototype.prepForXml`: `{ key, value }` pairs with a value, a later pair
 * of the same key taking its value and keeping its place, as docx's spread of a copy per pair
 * does (it defines a key already in the object, even an inherited one, as an own property).
 * Keys that are not strings (none in docx) take docx's own path.
 */
function nextAttributes(original: Prep): Prep {
  return function (this: unknown, context: Context): Formatted {
    const pairs = Object.values((this as { root: object }).root) as {
      key: unknown;
      value: unknown;
    }[];
    const attrs: Record<string, unknown> = {};
    for (const { key, value } of pairs) {
      if (value === undefined) continue;
      if (typeof key !== "string") return original.call(this, context);
      if (key in attrs) {
        Object.defineProperty(attrs, key, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      } else attrs[key] = value;
    }
    return { _attr: attrs };
  };
}

interface Replacers {
  formatter: { format(input: Component, context?: Context): object };
  imageReplacer: {
    getMediaData(xml: string, media: unknown): unknown;
    replace(xml: string, images: unknown, offset: number): string;
  };
  numberingReplacer: { replace(xml: string, numberings: unknown): string };
}

/** What a part's stand-in is written as, `n` its number among this compile's parts. */
const STAND_IN = /<iop:part n="(\d+)"\/>/;
/** At most how long a stand-in's text is: docx's longest declaration (55) and the element (~21). */
const STAND_IN_LENGTH = 100;

/**
 * Sets `object[key]` to `value` and returns what undoes it: the old own value put back, or the own
 * property deleted when the old one was inherited (a class's method).
 */
function swap<K extends string>(object: Partial<Record<K, unknown>>, key: K, value: unknown) {
  const own = Object.hasOwn(object, key);
  const old = object[key];
  object[key] = value;
  return () => {
    if (own) object[key] = old;
    else delete object[key];
  };
}

/** The generic `prepForXml`s swapped for the loops above; returns what undoes it. */
function swapPrototypes(): (() => void)[] {
  const next = NextAttributeComponent.prototype as unknown as { prepForXml: Prep };
  return [
    swap(XmlComponent.prototype, "prepForXml", prepComponent),
    swap(XmlAttributeComponent.prototype, "prepForXml", prepAttributes),
    swap(next, "prepForXml", nextAttributes(next.prepForXml)),
  ];
}

/**
 * `compile()` (a call of `compiler.compile`) with the fast formatting above; returns what it
 * returns, every part's text in place of its stand-in.
 */
export function compileFast<T extends Map<string, string | Uint8Array>>(
  compiler: object,
  compile: () => T,
): T {
  const { imageReplacer, numberingReplacer } = compiler as Replacers;
  const texts: string[] = [];
  // A stand-in's text is its declaration and the element: a longer text is a part's own.
  const real = (xml: string): string =>
    xml.length > STAND_IN_LENGTH
      ? xml
      : xml.replace(STAND_IN, (_, n: string) => texts[Number(n)] as string);
  const { getMediaData, replace } = imageReplacer;
  const replaceNumbers = numberingReplacer.replace;
  const fastFormatter: Replacers["formatter"] = {
    format(input, context = { stack: [] }) {
      const output = input.prepForXml(context);
      if (!output) throw Error("XMLComponent did not format correctly");
      texts.push(xmlText(output));
      return { "iop:part": { _attr: { n: texts.length - 1 } } };
    },
  };
  const undo = [
    swap(compiler as Partial<Replacers>, "formatter", fastFormatter),
    // With no media there is nothing to find (docx filters the media by the placeholders found).
    swap(imageReplacer, "getMediaData", (xml: string, media: { Entries: unknown[] }) =>
      media.Entries.length === 0 ? [] : getMediaData.call(imageReplacer, real(xml), media),
    ),
    swap(imageReplacer, "replace", (xml: string, images: unknown, offset: number) =>
      replace.call(imageReplacer, real(xml), images, offset),
    ),
    swap(numberingReplacer, "replace", (xml: string, numberings: unknown) =>
      replaceNumbers.call(numberingReplacer, real(xml), numberings),
    ),
    ...swapPrototypes(),
  ];
  try {
    const parts = compile();
    for (const [path, data] of parts) if (typeof data === "string") parts.set(path, real(data));
    return parts;
  } finally {
    for (const restore of undo.reverse()) restore();
  }
}

/**
 * Parts of a .docx that are the same text in document after document (theme, settings, font
 * table, footnotes and endnotes, numbering, styles, content types), formatted by docx once per
 * process and reused, instead of docx turning the same components into the same XML for each
 * document (a third of its compile time).
 *
 * How: before docx compiles a document, each such component's `prepForXml` is replaced, on that
 * component only, by one that works out the part's key when docx reaches it. A key seen before:
 * docx gets a one-element stand-in (nothing else reads it) and `fill` puts the kept text in its
 * place; a new key: docx formats the component as ever and `fill` keeps the text.
 *
 * Safe only for documents made with the same `File` options, as render.ts makes every one (same
 * styles, numbering config, fonts, one header and one footer, no footnotes, images or extra
 * parts): the keys hold what varies between such documents, i.e. the fonts' keys, the list
 * instances the document uses, and the header and footer count. It also relies on docx formatting
 * each of these components once, for its own part: true of render.ts's documents, which have no
 * table of contents or SEQ field (for those docx also reads the styles while writing the body).
 * Test: test/render/docx/shared-parts.test.ts (every agreement, fixture and redline gives the
 * bytes of a renderer that has kept nothing and lets docx format every part).
 */
import type { Document } from "docx";
import { Recent } from "../../recent.js";

type Xmlable = object;
interface Formattable {
  prepForXml(context: unknown): Xmlable | undefined;
}

/** The arguments of docx's `Numbering.createConcreteNumberingInstance`. */
type ListCall = [
  reference: string,
  instance: number,
  definition?: unknown,
  restartedListId?: number,
];

interface NumberingInternals extends Formattable {
  createConcreteNumberingInstance(...args: ListCall): void;
  readonly ConcreteNumbering: {
    numId: number;
    reference: string;
    instance: number;
    restartedListId?: number;
  }[];
  readonly abstractNumberingMap: Map<string, unknown>;
}

/** What of docx's `File` (exported as `Document`) the shared parts are made from. */
interface FileInternals {
  Theme: Formattable;
  Settings: Formattable;
  Styles: Formattable;
  Numbering: NumberingInternals;
  ContentTypes: Formattable & { root: unknown[] };
  FontTable: { View: Formattable };
  FootNotes: { View: Formattable };
  Endnotes: { View: Formattable };
  Headers: unknown[];
  Footers: unknown[];
  Comments: Formattable & { IsEmpty: boolean };
  CoreProperties: Formattable;
}

/** What docx formats in place of a kept part: one empty element, replaced by `fill`. */
const STAND_IN = { "iop:kept": {} };

/** The kept text of each part by its key (bounded: a long run meets many numbering variants). */
const kept = new Recent<string, string>(64);

/**
 * The list instances formatting the styles creates (the heading styles name the heading list),
 * recorded the first time docx formats them and made again when the styles are reused, so the
 * numbering and the list ids are what docx gives.
 */
let stylesLists: ListCall[] | undefined;

/** The list ids the `calls` lead to, as the styles' `{reference-instance}` placeholders get. */
function listIds(numbering: NumberingInternals, calls: readonly ListCall[]): number[] {
  return calls.map(([reference, instance, , restartedListId]) => {
    const list = numbering.ConcreteNumbering.find(
      (c) =>
        c.reference === reference &&
        c.instance === instance &&
        c.restartedListId === restartedListId,
    );
    return list ? list.numId : -1;
  });
}

/** The styles, reusable once their list instances are known; then keyed by the lists' ids. */
function stylesKey(file: FileInternals): string | undefined {
  if (!stylesLists) return undefined;
  for (const call of stylesLists) file.Numbering.createConcreteNumberingInstance(...call);
  return JSON.stringify(listIds(file.Numbering, stylesLists));
}

/** Formats the styles as docx does, recording the list instances that creates. */
function formatStyles(file: FileInternals, styles: Formattable, context: unknown) {
  const numbering = file.Numbering;
  const calls: ListCall[] = [];
  const create = numbering.createConcreteNumberingInstance;
  numbering.createConcreteNumberingInstance = (...args: ListCall) => {
    calls.push(args);
    create.apply(numbering, args);
  };
  try {
    return styles.prepForXml(context);
  } finally {
    delete (numbering as Partial<NumberingInternals>).createConcreteNumberingInstance;
    if (calls.every(([, , definition]) => definition === undefined)) stylesLists = calls;
  }
}

/** The numbering, keyed by its list definitions and the list instances the document made. */
const numberingKey = (file: FileInternals): string =>
  JSON.stringify([
    [...file.Numbering.abstractNumberingMap.keys()],
    file.Numbering.ConcreteNumbering.map((c) => [
      c.numId,
      c.reference,
      c.instance,
      c.restartedListId,
    ]),
  ]);

interface SharedPart {
  path: string;
  component(file: FileInternals): Formattable;
  /** The part's key, when docx reaches it; undefined: format it, keep nothing. */
  key(file: FileInternals, fontKeys: readonly string[]): string | undefined;
  format?(file: FileInternals, component: Formattable, context: unknown): Xmlable | undefined;
}

const SHARED: SharedPart[] = [
  { path: "word/theme/theme1.xml", component: (f) => f.Theme, key: () => "" },
  { path: "word/settings.xml", component: (f) => f.Settings, key: () => "" },
  { path: "word/footnotes.xml", component: (f) => f.FootNotes.View, key: () => "" },
  { path: "word/endnotes.xml", component: (f) => f.Endnotes.View, key: () => "" },
  {
    path: "word/fontTable.xml",
    component: (f) => f.FontTable.View,
    key: (_, fontKeys) => fontKeys.join(" "),
  },
  {
    path: "word/styles.xml",
    component: (f) => f.Styles,
    key: stylesKey,
    format: formatStyles,
  },
  { path: "word/numbering.xml", component: (f) => f.Numbering, key: numberingKey },
  {
    path: "[Content_Types].xml",
    component: (f) => f.ContentTypes,
    key: (f) => `${f.Headers.length} ${f.Footers.length} ${f.ContentTypes.root.length}`,
  },
];

/** `component` formatted as the stand-in, once: for a part docx formats and then does not write. */
function standIn(component: Formattable): void {
  component.prepForXml = () => {
    delete (component as Partial<Formattable>).prepForXml;
    return STAND_IN;
  };
}

/**
 * Prepares `document` (not compiled yet) so that docx formats only the shared parts it has not
 * kept, and none it drops (the comments when there are none, which it does not write, and
 * docProps/core.xml when `replaced` names it); returns `fill`, which puts the kept texts into
 * docx's compiled parts and keeps new ones. `fontKeys`: the keys of the embedded fonts, in order
 * (the font table names them).
 */
export function shareParts(
  document: Document,
  fontKeys: readonly string[],
  replaced: ReadonlySet<string>,
): (parts: Map<string, string | Uint8Array>) => void {
  const file = document as unknown as FileInternals;
  if (file.Comments.IsEmpty) standIn(file.Comments);
  if (replaced.has("docProps/core.xml")) standIn(file.CoreProperties);
  const reused: [path: string, text: string][] = [];
  const fresh: [path: string, id: string][] = [];
  for (const part of SHARED) {
    const component = part.component(file);
    const own = component.prepForXml;
    component.prepForXml = (context: unknown) => {
      delete (component as Partial<Formattable>).prepForXml; // docx formats each once
      const key = part.key(file, fontKeys);
      const id = key === undefined ? undefined : `${part.path}\n${key}`;
      const text = id === undefined ? undefined : kept.get(id);
      if (text !== undefined) {
        reused.push([part.path, text]);
        return STAND_IN;
      }
      if (id !== undefined) fresh.push([part.path, id]);
      return part.format ? part.format(file, component, context) : own.call(component, context);
    };
  }
  return (parts) => {
    for (const [path, text] of reused) parts.set(path, text);
    for (const [path, id] of fresh) {
      const text = parts.get(path);
      if (typeof text === "string") kept.set(id, text);
    }
  };
}

import {
  BuilderElement,
  DocumentDefaults,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LineRuleType,
  type XmlComponent,
} from "docx";
import {
  BODY_SIZE,
  CELL_MARGIN,
  FONT,
  HEADING_HANGING,
  LANGUAGE,
  MUTED_COLOR,
  SMALL_SIZE,
} from "./layout.js";
import { HEADING_NUMBERING } from "./numbering.js";

/**
 * Word's built-in styles, by their built-in ids and English names (`heading 1`, `List Paragraph`,
 * `Table Grid`), so Word in any language shows them under its own names (Rubrik 1, Liststycke,
 * Tabellrutnät) and a jurist can keep editing with the ordinary style gallery.
 */
export const STYLE = {
  normal: "Normal",
  title: "Title",
  subtitle: "Subtitle",
  heading: ["Heading1", "Heading2", "Heading3"] as const,
  listParagraph: "ListParagraph",
  header: "Header",
  footer: "Footer",
  tableGrid: "TableGrid",
} as const;

const headingStyle = (
  level: 1 | 2 | 3,
  size: number,
  before: number,
  after: number,
): IParagraphStyleOptions => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: STYLE.normal,
  next: STYLE.normal,
  uiPriority: 9,
  quickFormat: true,
  run: { bold: true, size },
  paragraph: {
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
    spacing: { before, after },
    indent: { left: HEADING_HANGING, hanging: HEADING_HANGING },
    numbering: { reference: HEADING_NUMBERING, level: level - 1 },
  },
});

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.title,
    name: "Title",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    uiPriority: 10,
    quickFormat: true,
    run: { bold: true, size: 40 },
    paragraph: { spacing: { after: 120 }, keepNext: true },
  },
  {
    id: STYLE.subtitle,
    name: "Subtitle",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    uiPriority: 11,
    quickFormat: true,
    run: { size: 26, color: MUTED_COLOR },
    paragraph: { spacing: { after: 360 } },
  },
  headingStyle(1, 28, 360, 120),
  headingStyle(2, 24, 240, 80),
  headingStyle(3, 22, 200, 60),
  {
    id: STYLE.listParagraph,
    name: "List Paragraph",
    basedOn: STYLE.normal,
    uiPriority: 34,
    quickFormat: true,
    paragraph: { spacing: { after: 60 } },
  },
  ...[STYLE.header, STYLE.footer].map(
    (id): IParagraphStyleOptions => ({
      id,
      name: id.toLowerCase(),
      basedOn: STYLE.normal,
      uiPriority: 99,
      unhideWhenUsed: true,
      run: { size: SMALL_SIZE, color: MUTED_COLOR },
      paragraph: {
        spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO },
      },
    }),
  ),
];

const el = (
  name: string,
  attributes: Record<string, string | number> = {},
  children: XmlComponent[] = [],
): BuilderElement =>
  new BuilderElement({
    name,
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, { key, value }]),
    ),
    children,
  });

/** Word's own defaults every document has: the default character, table and list styles. */
const baseStyles = (): XmlComponent[] => [
  el("w:style", { "w:type": "character", "w:default": 1, "w:styleId": "DefaultParagraphFont" }, [
    el("w:name", { "w:val": "Default Paragraph Font" }),
    el("w:uiPriority", { "w:val": 1 }),
    el("w:semiHidden"),
    el("w:unhideWhenUsed"),
  ]),
  el("w:style", { "w:type": "table", "w:default": 1, "w:styleId": "TableNormal" }, [
    el("w:name", { "w:val": "Normal Table" }),
    el("w:uiPriority", { "w:val": 99 }),
    el("w:semiHidden"),
    el("w:unhideWhenUsed"),
    el("w:tblPr", {}, [
      el("w:tblInd", { "w:w": 0, "w:type": "dxa" }),
      el(
        "w:tblCellMar",
        {},
        [
          ["top", 0],
          ["left", CELL_MARGIN],
          ["bottom", 0],
          ["right", CELL_MARGIN],
        ].map(([side, w]) => el(`w:${side}`, { "w:w": w as number, "w:type": "dxa" })),
      ),
    ]),
  ]),
  el("w:style", { "w:type": "numbering", "w:default": 1, "w:styleId": "NoList" }, [
    el("w:name", { "w:val": "No List" }),
    el("w:uiPriority", { "w:val": 99 }),
    el("w:semiHidden"),
    el("w:unhideWhenUsed"),
  ]),
];

/** `Table Grid`: thin black borders on every cell, no paragraph spacing. */
const tableGrid = (): XmlComponent => {
  const border = (side: string) =>
    el(`w:${side}`, { "w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "auto" });
  return el("w:style", { "w:type": "table", "w:styleId": STYLE.tableGrid }, [
    el("w:name", { "w:val": "Table Grid" }),
    el("w:basedOn", { "w:val": "TableNormal" }),
    el("w:uiPriority", { "w:val": 39 }),
    el("w:pPr", {}, [el("w:spacing", { "w:after": 0, "w:line": 240, "w:lineRule": "auto" })]),
    el("w:tblPr", {}, [
      el("w:tblBorders", {}, ["top", "left", "bottom", "right", "insideH", "insideV"].map(border)),
    ]),
  ]);
};

/**
 * The document's styles: exactly the ones it uses, each defined here (docx's own default set is
 * replaced, as giving `importedStyles` replaces it). Built per render, since docx components are
 * not shared between documents, from plain objects: no template is parsed.
 */
export const styles = (): IStylesOptions => ({
  importedStyles: [
    new DocumentDefaults({
      run: { font: FONT, size: BODY_SIZE, language: { value: LANGUAGE } },
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    }),
    ...baseStyles(),
    tableGrid(),
  ],
  paragraphStyles: [{ id: STYLE.normal, name: "Normal", quickFormat: true }, ...paragraphStyles],
  // docx's footnotes and endnotes parts (empty but for their separators) name these.
  characterStyles: [
    ["FootnoteReference", "footnote reference"],
    ["EndnoteReference", "endnote reference"],
  ].map(([id = "", name]) => ({
    id,
    name,
    basedOn: "DefaultParagraphFont",
    uiPriority: 99,
    semiHidden: true,
    unhideWhenUsed: true,
    run: { superScript: true },
  })),
});

import {
  AlignmentType,
  Footer,
  Header,
  type ISectionPropertiesOptions,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import type { DocumentMeta } from "../../document/types.js";
import { HEADER_DISTANCE, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, TEXT_WIDTH } from "./layout.js";
import { STYLE } from "./styles.js";

/** A4 portrait with 25 mm margins. */
export const pageProperties = (): ISectionPropertiesOptions => ({
  page: {
    size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
    margin: {
      top: MARGIN,
      right: MARGIN,
      bottom: MARGIN,
      left: MARGIN,
      header: HEADER_DISTANCE,
      footer: HEADER_DISTANCE,
    },
  },
});

/** Width of the header's diarienummer column: 40 mm. */
const DNR_WIDTH = 2268;

/**
 * The document title on the left and "Dnr <diarienummer>" on the right, in a borderless
 * two-column table, so a long title wraps in its own column and the diarienummer stays whole at
 * the right margin. Without a diarienummer the right cell stays empty (no bare "Dnr"), as in
 * the PDF.
 */
export const header = (
  meta: DocumentMeta,
  redline?: { title: ParagraphChild[]; diarienummer: ParagraphChild[] },
): Header => {
  const dnr = meta.diarienummer.trim();
  const cell = (
    width: number,
    content: string | ParagraphChild[],
    alignment?: typeof AlignmentType.RIGHT,
  ) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [
        new Paragraph({
          style: STYLE.header,
          alignment,
          children: typeof content === "string" ? [new TextRun(content)] : content,
        }),
      ],
    });
  return new Header({
    children: [
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [TEXT_WIDTH - DNR_WIDTH, DNR_WIDTH],
        borders: TableBorders.NONE,
        margins: { left: 0, right: 0 },
        rows: [
          new TableRow({
            children: [
              cell(TEXT_WIDTH - DNR_WIDTH, redline?.title ?? meta.title),
              cell(
                DNR_WIDTH,
                redline?.diarienummer ?? (dnr ? `Dnr\u00a0${dnr}` : ""),
                AlignmentType.RIGHT,
              ),
            ],
          }),
        ],
      }),
      // Word wants a paragraph after a table at the end of a header; this one is 1 pt high.
      new Paragraph({ style: STYLE.header, run: { size: 2 } }),
    ],
  });
};

/**
 * "Sida X (Y)" with Word's PAGE and NUMPAGES fields: centred, or, with the content fingerprint,
 * at the right margin after "Kontrollsumma <fingerprint>" at the left, as in the PDF.
 */
export const footer = (fingerprint?: string): Footer => {
  const page = new TextRun({
    children: ["Sida ", PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"],
  });
  return new Footer({
    children: [
      fingerprint
        ? new Paragraph({
            style: STYLE.footer,
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
            children: [
              new TextRun(`Kontrollsumma ${fingerprint}`),
              new TextRun({ children: [new Tab()] }),
              page,
            ],
          })
        : new Paragraph({ style: STYLE.footer, alignment: AlignmentType.CENTER, children: [page] }),
    ],
  });
};

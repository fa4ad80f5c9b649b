import {
  Footer,
  Header,
  type ISectionPropertiesOptions,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from "docx";
import type { DocumentMeta } from "../../document/types.js";
import { HEADER_DISTANCE, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, TEXT_WIDTH } from "./layout.js";
import { STYLE } from "./styles.js";

/** A centre and a right tab stop, as Word's own Header and Footer styles have. */
const tabStops = [
  { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
  { type: TabStopType.RIGHT, position: TEXT_WIDTH },
];

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

/** The document title on the left, "Dnr <diarienummer>" on the right. */
export const header = (meta: DocumentMeta): Header =>
  new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        tabStops,
        children: [
          new TextRun({ children: [meta.title, new Tab(), new Tab(), `Dnr ${meta.diarienummer}`] }),
        ],
      }),
    ],
  });

/** "Sida X (Y)" in the middle, with Word's PAGE and NUMPAGES fields. */
export const footer = (): Footer =>
  new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops,
        children: [
          new TextRun({
            children: [new Tab(), "Sida ", PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"],
          }),
        ],
      }),
    ],
  });

/**
 * The page's stylesheet, inline (a page must work offline and as a single file). Redline marks are
 * told apart by more than colour (underline, strike-through), so they survive black-and-white print.
 * Plain colour values, no custom properties, so simpler HTML readers (LibreOffice) show them too.
 */
export const STYLESHEET = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; font: 16px/1.55 Georgia, "DejaVu Serif", "Times New Roman", serif; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4, h5 { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; line-height: 1.25; }
h1 { font-size: 1.6rem; margin: 2.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4, h5 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
.nummer { display: inline-block; min-width: 2.5em; }
.undertitel { margin: 0; font-style: italic; }
.dnr { margin: 0.25rem 0 1rem; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.h, th.h { text-align: right; white-space: nowrap; }
td.c, th.c { text-align: center; }
tfoot td { font-weight: bold; }
.underskrifter { display: flex; flex-wrap: wrap; gap: 1.5rem 3rem; margin-top: 1.5rem; }
.underskrift { flex: 1 1 16rem; break-inside: avoid; }
.underskrift p { margin: 0.2rem 0; }
.underskrift .linje { border-bottom: 1px solid #333; height: 2.5rem; margin-bottom: 0.4rem; }
ins { color: #0a6b2d; background: #e3f6e8; text-decoration: underline; }
del { color: #a3161b; background: #fbe4e4; text-decoration: line-through; }
ins.block, del.block { display: block; background: none; border-left: 4px solid; padding-left: 0.75rem; margin-left: -1rem; }
ins.block { border-color: #0a6b2d; }
del.block { border-color: #a3161b; }
ins.block > *, del.block > * { background: inherit; }
.notering { margin: -0.25rem 0 0.75rem; font: italic 0.9rem/1.4 "Helvetica Neue", Arial, sans-serif; color: #555; }
.okand { border: 1px dashed #999; padding: 0.5rem; }
.sammanfattning { border: 1px solid #ccc; border-radius: 4px; padding: 0.75rem 1.25rem; background: #fafafa; }
.sammanfattning li { margin: 0.25rem 0; }
.forklaring { font-size: 0.9rem; color: #555; }
.dokument { border-top: 2px solid #333; margin-top: 3rem; }
.oforandrad { color: #555; font-style: italic; }
.egenskap { margin: 0.25rem 0; }
.egenskap .etikett { font-weight: bold; }
.sida-vid-sida { margin-top: 2rem; }
.sida-vid-sida .rad { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; border-top: 1px solid #ccc; padding-top: 0.5rem; }
.sida-vid-sida .rubriker { font-weight: bold; border-top: none; }
.sida-vid-sida .tidigare { border-right: 1px dashed #999; padding-right: 0.75rem; }
body:has(.sida-vid-sida) { max-width: 72rem; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3, h4 { break-after: avoid; }
  table, .underskrift, li, .sida-vid-sida .rad { break-inside: avoid; }
  .dokument { break-before: page; border-top: none; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

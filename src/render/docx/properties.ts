import type { DocumentMeta } from "../../document/types.js";

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

/**
 * `docProps/core.xml`, written by us rather than by docx, which stamps the clock: title,
 * subject, author, keywords, language, and created/modified at midnight UTC of `meta.date` (left
 * out when the date is unknown). Same meta, same bytes, in any time zone.
 */
export function coreXml(meta: DocumentMeta): string {
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const date = (name: string) =>
    meta.date ? `<${name} xsi:type="dcterms:W3CDTF">${meta.date}T00:00:00Z</${name}>` : "";
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element("dc:title", meta.title),
    element("dc:subject", meta.subject),
    element("dc:creator", meta.author),
    element("cp:keywords", meta.keywords.join(", ")),
    element("dc:language", meta.language),
    element("cp:lastModifiedBy", meta.author),
    element("cp:revision", "1"),
    date("dcterms:created"),
    date("dcterms:modified"),
    "</cp:coreProperties>",
  ].join("");
}

import { documentText } from "../document/text.js";
import type { DocumentTree } from "../document/types.js";
import { sha256 } from "../hash.js";

/** Hex digits of contentSha256 that the printed fingerprint shows (48 bits). */
const FINGERPRINT_HEX_DIGITS = 12;

export interface ContentFingerprint {
  /** SHA-256 (hex) of the document's text (`documentText`), UTF-8 encoded. */
  contentSha256: string;
  /** The first 12 hex digits in groups of four, e.g. "3f2a 91c0 77be": printed on every page. */
  fingerprint: string;
}

/** Formats the readable fingerprint for a content hash: "3f2a 91c0 77be". */
export function formatFingerprint(contentSha256: string): string {
  return (contentSha256.slice(0, FINGERPRINT_HEX_DIGITS).match(/.{1,4}/g) ?? []).join(" ");
}

/**
 * The content fingerprint of a document: the same for every copy, because copy labels and
 * signature fields are not part of the document text.
 */
export function contentFingerprint(tree: DocumentTree): ContentFingerprint {
  const contentSha256 = sha256(documentText(tree));
  return { contentSha256, fingerprint: formatFingerprint(contentSha256) };
}

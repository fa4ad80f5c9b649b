import type { Document } from "docx";
import { Packer } from "docx";
import { strToU8, unzipSync, type Zippable, zipSync } from "fflate";

/**
 * The zip entries' time: 1980-01-01 00:00 local time, which fflate writes as the DOS date
 * 1980-01-01 00:00 in every time zone (the earliest a zip can hold). Made at each call, since the
 * local fields of a Date made earlier change with `TZ`.
 */
const zipTime = (): Date => new Date(1980, 0, 1);

/** Parts first in this order (content types first, as OPC readers that stream like), the rest by name. */
const PART_ORDER = [
  "[Content_Types].xml",
  "_rels/.rels",
  "docProps/core.xml",
  "docProps/app.xml",
  "word/document.xml",
  "word/_rels/document.xml.rels",
  "word/styles.xml",
  "word/numbering.xml",
  "word/settings.xml",
];

const rank = (path: string): number => {
  const i = PART_ORDER.indexOf(path);
  return i === -1 ? PART_ORDER.length : i;
};
const byPartOrder = (a: string, b: string): number =>
  rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A fixed pseudo-random sequence (mulberry32), for the ids docx draws from `Math.random`
 * (hyperlinks, bookmarks, embedded fonts). We use none of them today; this keeps the output
 * byte-identical should a handler start to.
 */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds a document and packs it into a zip with `Math.random` swapped for the seeded sequence.
 * docx draws ids both when components are made and when `pack` is called, and does both
 * synchronously (the promise only hands the result over), so the swap covers exactly this call
 * and is undone before anything else can run.
 */
function pack(build: () => Document): Promise<Uint8Array> {
  const random = Math.random;
  Math.random = seededRandom(0x10b);
  try {
    return Packer.pack(build(), "uint8array");
  } finally {
    Math.random = random;
  }
}

/**
 * The .docx bytes of the document `build` makes: docx's parts with `replace`d ones (our
 * core.xml), zipped again in a fixed part order with a fixed time, so the same document gives the
 * same bytes.
 */
export async function packDocument(
  build: () => Document,
  replace: Record<string, string>,
): Promise<Uint8Array> {
  const parts: Record<string, Uint8Array> = unzipSync(await pack(build));
  for (const [path, text] of Object.entries(replace)) parts[path] = strToU8(text);
  const mtime = zipTime();
  const zippable: Zippable = {};
  for (const path of Object.keys(parts).sort(byPartOrder)) {
    zippable[path] = [parts[path] as Uint8Array, { mtime }];
  }
  return zipSync(zippable, { level: 6, mtime });
}

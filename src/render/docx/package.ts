import type { Document } from "docx";
import { Packer } from "docx";
import { Recent } from "../../recent.js";
import { compileFast } from "./fast-format.js";
import { fontPart } from "./fonts.js";
import { shareParts } from "./shared-parts.js";
import { type Deflated, deflatePart, type ZipEntry, zipParts } from "./zip.js";

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
 * (hyperlinks, bookmarks, and the key that obfuscates the embedded fonts, which fonts.ts relies
 * on being the same in every document), so the same document gives the same bytes. Test:
 * test/render/docx/determinism.test.ts ("should not let Math.random into the package").
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
 * docx's compiler, which turns a Document into the package's parts (path → XML text or bytes)
 * before `Packer` zips them. It is a private static member of `Packer` (package.json pins docx; if
 * an upgrade moves it, every Word test fails, first test/render/docx/determinism.test.ts):
 * zipping the parts ourselves, once, saves docx's own zip and our unzip of it, a third of a
 * document's rendering time in a short-lived process.
 */
type Parts = Map<string, string | Uint8Array>;
const compiler = (
  Packer as unknown as {
    compiler: {
      compile(
        file: Document,
        prettify: undefined,
        overrides: { path: string; data: string }[],
      ): Parts;
    };
  }
).compiler;

/** A font file docx embeds: `word/fonts/font<N>.odttf` is the Nth, obfuscated with its key. */
interface EmbeddedFont {
  data: Uint8Array;
  fontKey: string;
}

/** What docx's `File` holds of the embedded fonts (`FontTable.files`, a plain array it reads). */
type FontFiles = { FontTable: { files: EmbeddedFont[] } };

/**
 * The parts of the document `build` makes, with `Math.random` swapped for the seeded sequence.
 * docx draws ids both when components are made and when they are compiled, synchronously, so the
 * swap covers exactly this call and is undone before anything else can run.
 *
 * The embedded fonts are taken out of the document before it is compiled (their relationships,
 * font table and content types are made with the document, not read from this list) and returned
 * apart: their parts are the same in every document, and fonts.ts keeps them compressed, so the
 * compiler need not obfuscate a copy of 2.7 MB for each.
 *
 * docx formats the parts with the faster formatting of fast-format.ts (the same text, in one pass).
 */
function compile(
  build: () => Document,
  replace: Record<string, string>,
  share: boolean,
): { parts: Parts; fonts: EmbeddedFont[] } {
  const random = Math.random;
  Math.random = seededRandom(0x10b);
  try {
    const overrides = Object.entries(replace).map(([path, data]) => ({ path, data }));
    const document = build();
    const table = (document as unknown as FontFiles).FontTable;
    const fonts = table.files;
    table.files = [];
    const fill = share
      ? shareParts(
          document,
          fonts.map((f) => f.fontKey),
          new Set(Object.keys(replace)),
        )
      : undefined;
    const parts = compileFast(compiler, () => compiler.compile(document, undefined, overrides));
    fill?.(parts);
    return { parts, fonts };
  } finally {
    Math.random = random;
  }
}

/**
 * Parts written anew for every document; the others (styles, numbering, settings, theme, font
 * table, relationships, content types…) are the same text in most documents.
 */
const PER_DOCUMENT = /^(word\/document\.xml|docProps\/core\.xml|word\/(header|footer)\d+\.xml)$/;
/** How many texts of one part are kept compressed (numbering.xml differs with the lists used). */
const KEPT_PER_PART = 8;
/** Compressed parts by path and exact text. */
const kept = new Map<string, Recent<string, Deflated>>();

const encoder = new TextEncoder();

/**
 * A part of XML text for the zip: compressed here, or, for a part that is not the document's own,
 * the compressed bytes of the same text from an earlier document (the same text always compresses
 * to the same bytes). Test: test/render/docx/fonts.test.ts (the package equals one compressed
 * anew).
 */
function textEntry(path: string, text: string): ZipEntry {
  if (PER_DOCUMENT.test(path)) return { path, data: encoder.encode(text) };
  let texts = kept.get(path);
  if (!texts) {
    texts = new Recent(KEPT_PER_PART);
    kept.set(path, texts);
  }
  return { path, deflated: texts.getOrMake(text, () => deflatePart(encoder.encode(text))) };
}

/**
 * The .docx bytes of the document `build` makes: docx's parts with `replace`d ones (our
 * core.xml) and `edit`ed ones (a redline's move markup, see `moves.ts`), and the embedded fonts
 * (fonts.ts), zipped in a fixed part order with a fixed time (zip.ts), so the same document gives
 * the same bytes. `share`: the parts that are the same text in every document are formatted once
 * per process (shared-parts.ts), for documents all made with the same `File` options (render.ts).
 */
export async function packDocument(
  build: () => Document,
  replace: Record<string, string>,
  edit: Record<string, (xml: string) => string> = {},
  { share = false }: { share?: boolean } = {},
): Promise<Uint8Array> {
  const { parts, fonts } = compile(build, replace, share);
  for (const [path, change] of Object.entries(edit)) {
    const part = parts.get(path);
    if (typeof part === "string") parts.set(path, change(part));
  }
  const entries = new Map<string, ZipEntry>();
  for (const [path, data] of parts) {
    entries.set(path, typeof data === "string" ? textEntry(path, data) : { path, data });
  }
  fonts.forEach(({ data, fontKey }, i) => {
    const path = `word/fonts/font${i + 1}.odttf`;
    entries.set(path, { path, deflated: fontPart(data, fontKey) });
  });
  return zipParts(
    [...entries.keys()].sort(byPartOrder).map((path) => entries.get(path) as ZipEntry),
  );
}

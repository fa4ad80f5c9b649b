import type { Document } from "docx";
import { Packer } from "docx";
import { precompressedFont } from "./fonts.js";
import { type ZipEntry, zipParts } from "./zip.js";

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

/** The embedded fonts docx writes (`word/fonts/font1.odttf`…), compressed at build time (fonts.ts). */
const FONT_PART = /^word\/fonts\/[^/]+\.odttf$/;

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

/**
 * The parts of the document `build` makes, with `Math.random` swapped for the seeded sequence.
 * docx draws ids both when components are made and when they are compiled, synchronously, so the
 * swap covers exactly this call and is undone before anything else can run.
 */
function compile(build: () => Document, replace: Record<string, string>): Parts {
  const random = Math.random;
  Math.random = seededRandom(0x10b);
  try {
    const overrides = Object.entries(replace).map(([path, data]) => ({ path, data }));
    return compiler.compile(build(), undefined, overrides);
  } finally {
    Math.random = random;
  }
}

/**
 * The .docx bytes of the document `build` makes: docx's parts with `replace`d ones (our
 * core.xml) and `edit`ed ones (a redline's move markup, see `moves.ts`), zipped in a fixed part order with a fixed time (zip.ts), so the same document gives
 * the same bytes.
 */
export async function packDocument(
  build: () => Document,
  replace: Record<string, string>,
  edit: Record<string, (xml: string) => string> = {},
): Promise<Uint8Array> {
  const parts = compile(build, replace);
  for (const [path, change] of Object.entries(edit)) {
    const part = parts.get(path);
    if (typeof part === "string") parts.set(path, change(part));
  }
  const encoder = new TextEncoder();
  return zipParts(
    [...parts.keys()].sort(byPartOrder).map((path): ZipEntry => {
      const data = parts.get(path) as string | Uint8Array;
      if (typeof data === "string") return { path, data: encoder.encode(data) };
      return FONT_PART.test(path)
        ? { path, data, deflated: precompressedFont(data) }
        : { path, data };
    }),
  );
}

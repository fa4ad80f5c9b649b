/**
 * Flate compression of a PDF's streams with Node's zlib. pdf-lib compresses with pako, a
 * JavaScript zlib, which in a fresh process (the code not yet warmed up) takes much of a
 * document's drawing time; zlib is native and gives the same kind of stream.
 */
import { deflateSync } from "node:zlib";
import type { PDFContext, PDFRawStream, PDFRef } from "pdf-lib";
import { Recent } from "../../recent.js";

type Contents = string | Uint8Array;

/** The bytes pdf-lib writes for stream contents given as a string (one byte per character). */
const bytesOf = (contents: Contents): Uint8Array =>
  typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;

const deflate = (contents: Contents): Uint8Array => new Uint8Array(deflateSync(bytesOf(contents)));

/**
 * Makes the document's own Flate streams (ToUnicode maps, attachments, and anything else pdf-lib
 * compresses through its context) use zlib.
 */
export function compressWithZlib(context: PDFContext): void {
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateArrayOnce(contents), { ...dict, Filter: "FlateDecode" });
}

/**
 * Compressed bytes by the array they were made from. The YAML sources attached to a PDF are the
 * same arrays (read once per build) in every document of an agreement and every signing copy,
 * so each is compressed once; iop never changes an array it has read.
 */
const byArray = new WeakMap<Uint8Array, Uint8Array>();

function deflateArrayOnce(contents: Contents): Uint8Array {
  if (typeof contents === "string") return deflate(contents);
  let kept = byArray.get(contents);
  if (!kept) {
    kept = deflate(contents);
    byArray.set(contents, kept);
  }
  return kept;
}

/** Compressed stream contents by what they were made from. */
const compressed = new Recent<string, Uint8Array>(256);

/**
 * Forgets the shared streams, so the next PDF is drawn as the first one of its kind is (the PDF
 * benchmark measures both).
 */
export function forgetSharedStreams(): void {
  compressed.clear();
}

/**
 * A Flate-compressed stream of `contents()` (a string as one byte per character, like pdf-lib's),
 * compressed once per `key` and shared by every PDF the process draws: a document and its signing
 * copies differ only in the copy label, so most of their pages and font programs repeat.
 */
export async function sharedFlateStream(
  context: PDFContext,
  key: string,
  contents: () => Contents | Promise<Contents>,
): Promise<PDFRawStream> {
  let kept = compressed.get(key);
  if (!kept) {
    kept = deflate(await contents());
    compressed.set(key, kept);
  }
  return context.stream(kept, { Filter: "FlateDecode" });
}

/**
 * A Flate-compressed stream of `contents`, not shared: a signing copy's page (`copies.ts`), which
 * no other PDF has, as each holds its copy's label.
 */
export const flateStream = (context: PDFContext, contents: Contents): PDFRawStream =>
  context.stream(deflate(contents), { Filter: "FlateDecode" });

/**
 * For a Flate stream pdf-lib makes and registers itself (synchronously): the stream kept for
 * `key`, registered in `context`, when there is one; else `make()`'s, whose compressed bytes are
 * then kept for `key`.
 */
export function registerShared(context: PDFContext, key: string, make: () => PDFRef): PDFRef {
  const kept = compressed.get(key);
  if (kept) return context.register(context.stream(kept, { Filter: "FlateDecode" }));
  const ref = make();
  compressed.set(key, (context.lookup(ref) as PDFRawStream).contents);
  return ref;
}

/**
 * The embedded font parts of a .docx, compressed once at `npm run build` instead of in every
 * process.
 *
 * Why: every .docx embeds the four DejaVu Sans faces (render.ts), which docx obfuscates into
 * `word/fonts/font<N>.odttf` parts, 2.7 MB together. Deflating them took longer than the rest of a
 * cold build's four Word files (~120 ms); the obfuscated bytes are the same in every document (the
 * key comes from docx's ids, which package.ts draws from a fixed sequence), so
 * scripts/precompress-fonts.mjs deflates them once into dist/assets/docx-fonts.bin: a JSON index
 * and the compressed bytes after it, read as they are (no base64 to decode in a cold process).
 *
 * Safe: a part is taken from the asset only when its bytes are the ones the asset was made from
 * (same length, same obfuscated first 32 bytes, and the rest equal to the font file, compared in
 * full) and the asset was compressed by this process's zlib version, so the .docx is byte for byte
 * what compressing it here would give. Anything else (no asset, another key, other fonts, another
 * Node) is compressed as before (zip.ts). Tests: test/render/docx/fonts.test.ts (the asset is
 * used for every document kind, and the output equals a build without it).
 *
 * In a process, each font file and key is looked up once (`fontPart`): the first 32 bytes are
 * obfuscated and the rest compared with the asset's font, without copying the file; later
 * documents get the kept part.
 */
import { readFileSync } from "node:fs";
import { versions } from "node:process";
import { builtAssetPath } from "../../paths.js";
import { fontBytes } from "../pdf/font-files.js";
import type { Face } from "../pdf/style.js";
import { type Deflated, deflatePart } from "./zip.js";

export const FONT_ASSET = "docx-fonts.bin";
const HEAD = 32; // the bytes ODTTF obfuscation changes (ECMA-376 Part 2, 17.8.1)

/**
 * The index of dist/assets/docx-fonts.bin, which holds: the index's length in bytes (uint32,
 * little-endian), the index as JSON (UTF-8), then each part's compressed bytes in index order.
 */
export interface FontAsset {
  /** `process.versions.zlib` of the process that compressed the parts. */
  zlib: string;
  parts: {
    face: Face;
    size: number;
    crc: number;
    /** The part's first 32 bytes (obfuscated), base64. */
    head: string;
    /** How many bytes the part deflated (raw DEFLATE, as a zip stores it) takes in the file. */
    deflatedLength: number;
  }[];
}

/** The asset's bytes for `index` and the compressed parts in its order. */
export function fontAssetBytes(index: FontAsset, deflated: readonly Uint8Array[]): Buffer {
  const json = Buffer.from(JSON.stringify(index), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return Buffer.concat([length, json, ...deflated]);
}

interface Precompressed {
  face: Face;
  size: number;
  crc: number;
  head: Buffer;
  compressed: Uint8Array;
}

let asset: Precompressed[] | undefined;

function load(): Precompressed[] {
  if (asset) return asset;
  asset = [];
  let file: Buffer;
  let index: FontAsset;
  try {
    file = readFileSync(builtAssetPath(FONT_ASSET));
    index = JSON.parse(file.toString("utf8", 4, 4 + file.readUInt32LE(0)));
  } catch {
    return asset; // not built: compress in the process
  }
  if (index.zlib !== versions.zlib) return asset;
  let at = 4 + file.readUInt32LE(0);
  asset = index.parts.map((p) => {
    const compressed = file.subarray(at, at + p.deflatedLength);
    at += p.deflatedLength;
    return {
      face: p.face,
      size: p.size,
      crc: p.crc,
      head: Buffer.from(p.head, "base64"),
      compressed,
    };
  });
  return asset;
}

/** Which face `data` (an .odttf part) obfuscates, whatever the key, or undefined. */
export function faceOf(data: Uint8Array, faces: readonly Face[]): Face | undefined {
  const tail = Buffer.from(data.buffer, data.byteOffset + HEAD, data.length - HEAD);
  return faces.find((face) => {
    const bytes = fontBytes(face);
    return bytes.length === data.length && tail.equals(bytes.subarray(HEAD));
  });
}

/** The first 32 bytes of an .odttf part (the obfuscated ones), base64, for the asset. */
export const headOf = (data: Uint8Array): string =>
  Buffer.from(data.subarray(0, HEAD)).toString("base64");

/**
 * The compressed bytes and CRC of an embedded font part from the build's asset, when `data` is
 * exactly the part the asset was made from; otherwise undefined.
 */
export const precompressedFont = (data: Uint8Array): Deflated | undefined =>
  fromAsset(data.subarray(0, HEAD), data);

/**
 * The asset's part whose bytes are `head` and then `data`'s bytes after its first 32 (which
 * obfuscation leaves as they are), or undefined.
 */
function fromAsset(head: Uint8Array, data: Uint8Array): Deflated | undefined {
  for (const part of load()) {
    if (part.size !== data.length) continue;
    if (!part.head.equals(head)) continue;
    if (faceOf(data, [part.face]) !== part.face) continue;
    return { compressed: part.compressed, crc: part.crc, size: part.size };
  }
  return undefined;
}

/**
 * A font file obfuscated with `fontKey` (a GUID) as an embedded .odttf part, as docx's compiler
 * does it (ECMA-376 Part 1, 17.8.1): the first 32 bytes XORed with the key's 16 bytes, read from
 * its hexadecimal digits last byte first. Test: test/render/docx/fonts.test.ts (equal to docx's
 * own parts).
 */
export function obfuscateFont(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/-/g, "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`obfuscateFont: not a GUID: ${fontKey}`);
  const key = Buffer.from(hex, "hex").reverse();
  const out = new Uint8Array(data);
  for (let i = 0; i < Math.min(HEAD, out.length); i++)
    out[i] = (out[i] as number) ^ (key[i % key.length] as number);
  return out;
}

/** The embedded font parts compressed in this process, by font file and key (see `fontPart`). */
const parts = new WeakMap<ArrayBufferLike, Map<string, Deflated>>();

/**
 * The compressed .odttf part of a font file docx embeds with `fontKey`: from the build's asset, or
 * compressed here, once per process for each file and key. The same font bytes and key always
 * make the same part (the keys come from package.ts's fixed sequence), so later documents skip
 * obfuscating, comparing and compressing 2.7 MB. The font files must not change while the process
 * runs (fontBytes reads them once, and nothing writes to them).
 */
export function fontPart(data: Uint8Array, fontKey: string): Deflated {
  let byKey = parts.get(data.buffer);
  if (!byKey) {
    byKey = new Map();
    parts.set(data.buffer, byKey);
  }
  const key = `${data.byteOffset}:${data.byteLength}:${fontKey}`;
  let part = byKey.get(key);
  if (!part) {
    part =
      fromAsset(obfuscateFont(data.subarray(0, HEAD), fontKey), data) ??
      deflatePart(obfuscateFont(data, fontKey));
    byKey.set(key, part);
  }
  return part;
}

/**
 * The font files of DejaVu Sans (npm \`dejavu-fonts-ttf\`: every Swedish letter, free licence), one
 * per face: the PDF embeds subsets of them, the .docx embeds them whole. A module of its own,
 * free of fontkit, so the Word renderer can read the files without loading the PDF's font code.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Face } from "./style.js";

const files: Record<Face, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};

/** PostScript names, used (with a subset tag) as the embedded fonts' /BaseFont. */
export const postScriptNames: Record<Face, string> = {
  regular: "DejaVuSans",
  bold: "DejaVuSans-Bold",
  italic: "DejaVuSans-Oblique",
  boldItalic: "DejaVuSans-BoldOblique",
};

const require = createRequire(import.meta.url);
const bytesCache = new Map<Face, Uint8Array>();
const faces = new WeakMap<Uint8Array, Face>();

/** The face whose file `fontBytes` read into these very bytes. */
export const faceOf = (bytes: Uint8Array): Face | undefined => faces.get(bytes);

/** The TrueType file of a face (read once). */
export function fontBytes(face: Face): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${files[face]}`)));
    bytesCache.set(face, bytes);
    faces.set(bytes, face);
  }
  return bytes;
}

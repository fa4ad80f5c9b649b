// Compresses the font parts every .docx embeds once, at `npm run build`, into
// dist/assets/docx-fonts.bin, which src/render/docx/fonts.ts (why, and when it is used) reads
// instead of deflating 2.7 MB in every process. Run by scripts/bundle.mjs after tsc; it renders a
// one-line document with the compiled Word renderer and keeps what docx embedded in it.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { versions } from "node:process";
import { crc32, deflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { builtAssetPath } from "../dist/paths.js";
import { FONT_ASSET, faceOf, fontAssetBytes, headOf } from "../dist/render/docx/fonts.js";
import { renderDocx } from "../dist/render/docx/index.js";

const FACES = ["regular", "bold", "italic", "boldItalic"];

/** The smallest document: the parts docx embeds do not depend on its text. */
const tree = {
  type: "document",
  kind: "bilaga",
  name: "bilaga-1",
  meta: {
    title: "Typsnitt",
    diarienummer: "0",
    author: "iop",
    subject: "iop",
    keywords: [],
    language: "sv-SE",
  },
  signing: { mode: "papper", parties: [] },
  children: [{ type: "paragraph", children: [{ type: "text", value: "Typsnitt" }] }],
};

const parts = unzipSync(await renderDocx(tree, {}));
const fonts = Object.entries(parts).filter(([path]) => /^word\/fonts\/[^/]+\.odttf$/.test(path));
if (fonts.length !== FACES.length) {
  throw new Error(
    `precompress-fonts: expected ${FACES.length} embedded fonts, found ${fonts.length}`,
  );
}
const deflated = fonts.map(([, data]) => deflateRawSync(data));
const index = {
  zlib: versions.zlib,
  parts: fonts.map(([path, data], i) => {
    const face = faceOf(data, FACES);
    if (!face) throw new Error(`precompress-fonts: ${path} is none of DejaVu Sans' faces`);
    return {
      face,
      size: data.length,
      crc: crc32(data),
      head: headOf(data),
      deflatedLength: deflated[i].length,
    };
  }),
};
const path = builtAssetPath(FONT_ASSET);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, fontAssetBytes(index, deflated));

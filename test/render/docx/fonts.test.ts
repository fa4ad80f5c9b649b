import { existsSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { builtAssetPath } from "../../../src/paths.js";
import { FONT_ASSET, precompressedFont } from "../../../src/render/docx/fonts.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { zipParts } from "../../../src/render/docx/zip.js";
import { sampleTree } from "../../helpers/trees.js";
import { redlineTree } from "./trees.js";

const fontParts = (docx: Uint8Array) =>
  Object.entries(unzipSync(docx)).filter(([path]) => path.startsWith("word/fonts/"));

describe("precompressed font parts (dist/assets/docx-fonts.json, src/render/docx/fonts.ts)", () => {
  it("should be built by npm run build (the global setup builds dist/)", () => {
    expect(existsSync(builtAssetPath(FONT_ASSET))).toBe(true);
  });

  it("should serve every font part of every kind of document, decompressing to the part", async () => {
    const electronic = sampleTree();
    electronic.signing.mode = "elektronisk";
    for (const tree of [sampleTree(), electronic, redlineTree()]) {
      const fonts = fontParts(
        await renderDocx(tree, { fingerprint: "abc123", copyLabel: "Exemplar 1 av 2 – Part" }),
      );
      expect(fonts).toHaveLength(4);
      for (const [path, data] of fonts) {
        const hit = precompressedFont(data);
        expect(hit, path).toBeDefined();
        expect(hit?.crc).toBe(crc32(data));
        // Buffer.equals: toEqual on 700 kB arrays compares element by element, for seconds.
        expect(inflateRawSync(hit?.compressed as Uint8Array).equals(data)).toBe(true);
      }
    }
  });

  it("should give the same .docx bytes as compressing every part in the process", async () => {
    const docx = await renderDocx(sampleTree());
    const entries = Object.entries(unzipSync(docx)).map(([path, data]) => ({ path, data }));
    expect(Buffer.from(zipParts(entries)).equals(docx)).toBe(true);
  });

  it("should not serve a part whose bytes differ (another key, another font)", async () => {
    const data = fontParts(await renderDocx(sampleTree()))[0]?.[1] as Uint8Array;
    const flip = (at: number) => {
      const copy = data.slice();
      copy[at] = (copy[at] as number) ^ 1;
      return copy;
    };
    const otherKey = flip(0);
    expect(precompressedFont(otherKey)).toBeUndefined();
    const otherFont = flip(data.length - 1);
    expect(precompressedFont(otherFont)).toBeUndefined();
    expect(precompressedFont(data.subarray(0, data.length - 1))).toBeUndefined();
  });
});

import { existsSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { builtAssetPath } from "../../../src/paths.js";
import {
  FONT_ASSET,
  fontPart,
  obfuscateFont,
  precompressedFont,
} from "../../../src/render/docx/fonts.js";
import { renderDocx } from "../../../src/render/docx/index.js";
import { zipParts } from "../../../src/render/docx/zip.js";
import { fontBytes } from "../../../src/render/pdf/font-files.js";
import { sampleTree } from "../../helpers/trees.js";
import { longTree, redlineTree } from "./trees.js";

/** The .docx of every part compressed anew in this call (no part kept from earlier documents). */
const rezipped = (docx: Uint8Array) =>
  Buffer.from(
    zipParts(Object.entries(unzipSync(docx)).map(([path, data]) => ({ path, data: data.slice() }))),
  );

const fontParts = (docx: Uint8Array) =>
  Object.entries(unzipSync(docx)).filter(([path]) => path.startsWith("word/fonts/"));

describe("precompressed font parts (dist/assets/docx-fonts.bin, src/render/docx/fonts.ts)", () => {
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

  it("should obfuscate the fonts as docx's own compiler does, for every key", () => {
    const font = (face: "regular" | "bold") => Buffer.from(fontBytes(face));
    const file = new Document({
      fonts: [{ name: "DejaVu Sans", data: font("regular"), bold: font("bold") }],
      sections: [{ children: [new Paragraph("Typsnitt")] }],
    });
    const compiler = (
      Packer as unknown as {
        compiler: { compile(file: Document): Map<string, string | Uint8Array> };
      }
    ).compiler;
    const parts = compiler.compile(file);
    const files = (file as unknown as { FontTable: { files: { data: Buffer; fontKey: string }[] } })
      .FontTable.files;
    expect(files).toHaveLength(2);
    files.forEach(({ data, fontKey }, i) => {
      const docx = parts.get(`word/fonts/font${i + 1}.odttf`) as Uint8Array;
      expect(Buffer.from(obfuscateFont(data, fontKey)).equals(docx)).toBe(true);
      const part = fontPart(data, fontKey);
      expect({ size: part.size, crc: part.crc }).toEqual({ size: docx.length, crc: crc32(docx) });
      expect(inflateRawSync(part.compressed).equals(docx)).toBe(true);
      expect(fontPart(data, fontKey)).toBe(part); // kept for the next document
    });
    expect(() => obfuscateFont(font("regular"), "not-a-guid")).toThrow(/GUID/);
  });
});

describe("parts kept from earlier documents (src/render/docx/package.ts, fonts.ts)", () => {
  /** renderDocx of a new instance of the renderer's modules, which has kept nothing yet. */
  const freshRenderDocx = async () => {
    vi.resetModules();
    return (await import("../../../src/render/docx/index.js")).renderDocx;
  };
  const electronic = () => {
    const tree = sampleTree();
    tree.signing.mode = "elektronisk";
    return tree;
  };
  const trees = [sampleTree, redlineTree, longTree, electronic];

  it("should give each document the bytes a renderer that has kept nothing gives", async () => {
    for (const tree of [...trees, ...[...trees].reverse()]) {
      const options = { fingerprint: "abc123", copyLabel: "Exemplar 1 av 2" };
      const warm = await renderDocx(tree(), options);
      const fresh = await (await freshRenderDocx())(tree(), options);
      expect(Buffer.from(warm).equals(Buffer.from(fresh))).toBe(true);
    }
  });

  it("should give the bytes of compressing every part anew", async () => {
    for (const tree of trees) {
      const docx = await renderDocx(tree(), { fingerprint: "abc123" });
      expect(rezipped(docx).equals(Buffer.from(docx))).toBe(true);
    }
  });
});

import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipParts } from "../../../src/render/docx/zip.js";

const encoder = new TextEncoder();
const entries = [
  { path: "[Content_Types].xml", data: encoder.encode(`<Types>${"å".repeat(500)}</Types>`) },
  { path: "word/document.xml", data: encoder.encode("<w:document/>".repeat(200)) },
  { path: "word/empty.xml", data: new Uint8Array() },
];

describe("zipParts (the .docx container)", () => {
  it("should give back every part, byte for byte, to another zip reader (fflate)", () => {
    const parts = unzipSync(zipParts(entries));
    expect(Object.keys(parts)).toEqual(entries.map((e) => e.path));
    for (const { path, data } of entries) expect(parts[path]).toEqual(data);
  });

  it("should give back large parts byte for byte, each its own", () => {
    const large = (seed: number) =>
      Uint8Array.from({ length: 200_000 }, (_, i) => (i * seed + (i >> 7)) & 0xff);
    const first = { path: "word/fonts/font1.odttf", data: large(7) };
    const second = { path: "word/fonts/font2.odttf", data: large(13) };
    for (let round = 0; round < 2; round++) {
      const parts = unzipSync(
        zipParts([first, second, { ...first, path: "word/fonts/font3.odttf" }]),
      );
      expect(parts["word/fonts/font1.odttf"]).toEqual(first.data);
      expect(parts["word/fonts/font2.odttf"]).toEqual(second.data);
      expect(parts["word/fonts/font3.odttf"]).toEqual(first.data);
    }
  });

  it("should write sizes, CRC and time in each local header, DEFLATE, no data descriptor", () => {
    const zip = Buffer.from(zipParts(entries));
    let offset = 0;
    for (const { path, data } of entries) {
      expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
      expect(zip.readUInt16LE(offset + 6) & 0x8).toBe(0); // bit 3: data descriptor
      expect(zip.readUInt16LE(offset + 8)).toBe(8);
      expect(zip.readUInt16LE(offset + 10)).toBe(0); // 00:00
      expect(zip.readUInt16LE(offset + 12)).toBe((0 << 9) | (1 << 5) | 1); // 1980-01-01
      expect(zip.readUInt32LE(offset + 14)).toBe(crc32(data));
      expect(zip.readUInt32LE(offset + 22)).toBe(data.length);
      const nameLength = zip.readUInt16LE(offset + 26);
      expect(zip.subarray(offset + 30, offset + 30 + nameLength).toString("ascii")).toBe(path);
      offset += 30 + nameLength + zip.readUInt32LE(offset + 18);
    }
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50); // the central directory follows
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(entries.length);
    expect(zip.readUInt32LE(end + 16)).toBe(offset); // where the central directory starts
    // Each central header points back at its local header and repeats its CRC.
    let central = offset;
    let local = 0;
    for (const { path, data } of entries) {
      expect(zip.readUInt32LE(central + 16)).toBe(crc32(data));
      expect(zip.readUInt32LE(central + 42)).toBe(local);
      const nameLength = zip.readUInt16LE(central + 28);
      expect(zip.subarray(central + 46, central + 46 + nameLength).toString("ascii")).toBe(path);
      local += 30 + path.length + zip.readUInt32LE(central + 20);
      central += 46 + nameLength;
    }
    expect(central).toBe(end);
  });

  it("should compress: a repetitive part takes a fraction of its size", () => {
    const big = { path: "a.xml", data: encoder.encode("<w:p><w:r/></w:p>".repeat(5000)) };
    expect(zipParts([big]).length).toBeLessThan(big.data.length / 20);
  });

  it("should give the same bytes for the same parts", () => {
    expect(Buffer.from(zipParts(entries)).equals(Buffer.from(zipParts(entries)))).toBe(true);
  });

  it("should refuse a part name that is not ASCII", () => {
    expect(() => zipParts([{ path: "word/bilaga-å.xml", data: new Uint8Array() }])).toThrow(
      /not ASCII/,
    );
  });
});

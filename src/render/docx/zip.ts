/**
 * Writes a .docx package: a zip file of DEFLATE-compressed parts, compressed by Node's zlib.
 *
 * Why not fflate (the tests read zips with it): its JavaScript DEFLATE takes ~55 ms for
 * the four Word files of an agreement in a fresh process (the code has not warmed up), zlib ~10 ms,
 * and zlib's files are a sixth smaller. The container around the compressed data is small and
 * fixed (APPNOTE.TXT 4.3): a local header before each part, then a central directory and its end
 * record, with the sizes in the headers (no data descriptors, which some OPC readers reject), no
 * zip64 (a contract is far below 4 GiB), and one fixed time for every entry.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** A part compressed (raw DEFLATE), with the CRC-32 and the length of its bytes. */
export interface Deflated {
  compressed: Uint8Array;
  crc: number;
  size: number;
}

/**
 * A part of the package: its bytes, compressed here, or only its compressed form when the caller
 * keeps that from an earlier document (package.ts, fonts.ts).
 */
export type ZipEntry =
  | {
      /** ASCII path inside the package ("word/document.xml"). */
      path: string;
      data: Uint8Array;
    }
  | { path: string; deflated: Deflated };

/** 1980-01-01 00:00 as a DOS date and time: the earliest a zip holds, the same in every zone. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const VERSION = 20; // 2.0: DEFLATE
const DEFLATE = 8;

/**
 * The fields a local header and a central directory header share, in the same order, from
 * "version needed to extract" to "extra field length" (APPNOTE.TXT 4.3.7 and 4.3.12).
 */
function writeEntryFields(
  header: Buffer,
  at: number,
  entry: { crc: number; compressed: number; size: number; name: number },
): void {
  header.writeUInt16LE(VERSION, at);
  header.writeUInt16LE(0, at + 2); // flags: no data descriptor, ASCII names
  header.writeUInt16LE(DEFLATE, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(entry.crc, at + 10);
  header.writeUInt32LE(entry.compressed, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.name, at + 22);
  header.writeUInt16LE(0, at + 24); // extra field length
}

/**
 * A part compressed, with its CRC. The parts that repeat between documents are kept compressed by
 * their callers (the font parts in fonts.ts, the shared parts in package.ts).
 */
export const deflatePart = (data: Uint8Array): Deflated => ({
  compressed: deflateRawSync(data),
  crc: crc32(data),
  size: data.length,
});

/** A part's local header, its compressed bytes and its central directory header. */
interface Written {
  local: Buffer;
  compressed: Uint8Array;
  header: Buffer;
}

/**
 * The zip file of `entries`, in the order given, written into one allocation: a .docx is ~1.4 MB
 * (the embedded fonts), and joining the pieces with `Buffer.concat` and then copying that into a
 * `Uint8Array` cost two large allocations and copies per document.
 */
export function zipParts(entries: readonly ZipEntry[]): Uint8Array {
  const written: Written[] = [];
  let offset = 0;
  let directorySize = 0;
  for (const entry of entries) {
    const { path } = entry;
    if (!/^[\x20-\x7e]+$/.test(path)) throw new Error(`zip: part name is not ASCII: ${path}`);
    const name = Buffer.from(path, "ascii");
    const { compressed, crc, size } =
      "deflated" in entry ? entry.deflated : deflatePart(entry.data);
    const fields = { crc, compressed: compressed.length, size, name: name.length };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    name.copy(local, 30);
    const header = Buffer.alloc(46 + name.length);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
    writeEntryFields(header, 6, fields);
    // comment length, disk number, internal and external attributes: all 0
    header.writeUInt32LE(offset, 42);
    name.copy(header, 46);
    written.push({ local, compressed, header });
    offset += local.length + compressed.length;
    directorySize += header.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  const zip = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  const put = (bytes: Uint8Array) => {
    zip.set(bytes, at);
    at += bytes.length;
  };
  for (const { local, compressed } of written) {
    put(local);
    put(compressed);
  }
  for (const { header } of written) put(header);
  put(end);
  return zip;
}

/**
 * Reads one input file of an agreement folder safely: only a regular file is read (not a device
 * such as /dev/zero, a named pipe or a folder), the size limit is applied while reading (a huge or
 * endless file is never read whole), and a link is followed only when it stays inside the folder.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { join, relative, sep } from "node:path";
import type { RuleId } from "../diagnostics.js";
import { MAX_FILE_BYTES } from "./source.js";

/** Why a file was not read: a Swedish message and its rule id. */
export class InputFileError extends Error {
  constructor(
    message: string,
    readonly rule: RuleId,
  ) {
    super(message);
  }
}

const tooLarge = (limit: number) =>
  new InputFileError(
    `Filen är för stor (mer än ${limit} byte); högst ${limit} byte tillåts.`,
    "fil-for-stor",
  );

const inside = (path: string, folder: string): boolean => {
  const rel = relative(folder, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep);
};

/**
 * The bytes of `name` in `dir`; throws InputFileError for everything that is not to be read.
 * The file-system calls are synchronous: a build reads a few small files, and each asynchronous
 * call was a round trip through libuv's thread pool that the build only waited for.
 */
export async function readInputFile(
  dir: string,
  name: string,
  limit = MAX_FILE_BYTES,
): Promise<Uint8Array> {
  const path = join(dir, name);
  const unreadable = () => new InputFileError("Filen kan inte läsas.", "fil-kan-inte-lasas");
  let info: Stats;
  try {
    info = lstatSync(path);
  } catch {
    throw unreadable();
  }
  if (info.isSymbolicLink()) checkLink(path, dir);
  // Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer.
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw unreadable();
  }
  try {
    return readRegularFile(fd, limit);
  } catch (error) {
    throw error instanceof InputFileError ? error : unreadable();
  } finally {
    closeSync(fd);
  }
}

/** Refuses a link that leads nowhere or out of the agreement's folder. */
function checkLink(path: string, dir: string): void {
  let target: string;
  let folder: string;
  try {
    target = realpathSync(path);
    folder = realpathSync(dir);
  } catch {
    throw new InputFileError("Filen är en länk som inte leder till någon fil.", "fil-lank");
  }
  if (!inside(target, folder)) {
    throw new InputFileError(
      `Filen är en länk till ${target}, utanför överenskommelsens mapp; länkar som lämnar mappen följs inte. Kopiera in filen i stället.`,
      "fil-lank-utanfor",
    );
  }
}

/** The bytes of the open file `fd`, when it is a regular file of at most `limit` bytes. */
function readRegularFile(fd: number, limit: number): Uint8Array {
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    throw new InputFileError(
      "Filen är inte en vanlig fil (utan en mapp, en enhet eller en namngiven pipe) och läses inte.",
      "fil-inte-vanlig",
    );
  }
  if (stat.size > limit) throw tooLarge(limit);
  // The size can change, or be wrong (files under /proc say 0): read until the end, at most
  // limit + 1 bytes, into a buffer of the stated size (4 KiB for none) that grows as needed.
  let buffer = new Uint8Array(Math.min(limit, stat.size || 4096) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const grown = new Uint8Array(Math.min(limit + 1, buffer.length * 2));
      grown.set(buffer);
      buffer = grown;
    }
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
    if (length > limit) throw tooLarge(limit);
  }
  return buffer.slice(0, length);
}

/**
 * Reads one input file of an agreement folder safely: only a regular file is read (not a device
 * such as /dev/zero, a named pipe or a folder), the size limit is applied while reading (a huge or
 * endless file is never read whole), and a link is followed only when it stays inside the folder.
 */
import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
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

/** The bytes of `name` in `dir`; throws InputFileError for everything that is not to be read. */
export async function readInputFile(
  dir: string,
  name: string,
  limit = MAX_FILE_BYTES,
): Promise<Uint8Array> {
  const path = join(dir, name);
  const unreadable = () => new InputFileError("Filen kan inte läsas.", "fil-kan-inte-lasas");
  const info = await lstat(path).catch(() => {
    throw unreadable();
  });
  if (info.isSymbolicLink()) {
    const [target, folder] = await Promise.all([realpath(path), realpath(dir)]).catch(() => {
      throw new InputFileError("Filen är en länk som inte leder till någon fil.", "fil-lank");
    });
    if (!inside(target, folder)) {
      throw new InputFileError(
        `Filen är en länk till ${target}, utanför överenskommelsens mapp; länkar som lämnar mappen följs inte. Kopiera in filen i stället.`,
        "fil-lank-utanfor",
      );
    }
  }
  // Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => {
    throw unreadable();
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new InputFileError(
        "Filen är inte en vanlig fil (utan en mapp, en enhet eller en namngiven pipe) och läses inte.",
        "fil-inte-vanlig",
      );
    }
    if (stat.size > limit) throw tooLarge(limit);
    // The size can change, or be wrong (files under /proc say 0): read at most limit + 1 bytes.
    const buffer = new Uint8Array(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw tooLarge(limit);
    }
    return buffer.slice(0, length);
  } catch (error) {
    throw error instanceof InputFileError ? error : unreadable();
  } finally {
    await handle.close();
  }
}

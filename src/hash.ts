import { createHash } from "node:crypto";

/** SHA-256 of bytes or text (UTF-8), as lowercase hex. */
export const sha256 = (data: Uint8Array | string): string =>
  createHash("sha256").update(data).digest("hex");

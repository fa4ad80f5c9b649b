import { MANIFEST_FILE } from "../package/manifest.js";

/**
 * The detached signature of a built folder's manifest.json (`iop sign --manifest`), beside it.
 * A module of its own so that `iop verify` can name it without loading the signing code.
 */
export const MANIFEST_SIGNATURE_FILE = `${MANIFEST_FILE}.p7s`;

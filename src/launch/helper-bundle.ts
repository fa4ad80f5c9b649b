/**
 * The entry of the PDF helper's own bundle (dist/bin/pdf-helper.cjs, loaded by pdf-helper.ts): the
 * PDF renderer and the signing copies, which is all the helper process (src/helper/) runs. A
 * bundle of a third of the CLI's size, with a code cache of its own work, loads in about a third of
 * the time, so the helper is ready sooner and takes less of the core the build's process shares.
 */
export { renderPdfFiles } from "../package/pdfs.js";

/** Runs the PDF helper process of a single build (src/helper/server.ts). */
export const helper = async (): Promise<void> =>
  (await import("../helper/server.js")).serveHelper();

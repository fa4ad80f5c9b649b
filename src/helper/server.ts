/**
 * The PDF helper process (index.ts): renders the PDF files of each request it gets, one at a
 * time in the order they came, and sends them back. It ends when the build's process closes the
 * channel, or is gone.
 */
import { shortRun } from "../jit.js";
import { renderPdfFiles } from "../package/pdfs.js";
import type { HelperReply, HelperRequest } from "./index.js";

export async function serveHelper(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error("helper/server.js runs only as the PDF helper process of iop build");
  // A short run, like the build it helps (src/jit.ts); set after the bundle and its code cache
  // are loaded, which V8 takes only under its default flags.
  shortRun();
  const reply = (message: HelperReply): void => {
    send(message, undefined, undefined, (error: Error | null) => {
      // The build has gone (it failed, or was killed): no one is waiting for the files.
      if (error) process.exit(0);
    });
  };
  let queue = Promise.resolve();
  process.on("message", ({ id, request }: HelperRequest) => {
    queue = queue.then(() =>
      renderPdfFiles(request).then(
        (files) => reply({ id, files }),
        (error: unknown) => reply({ id, error: String(error) }),
      ),
    );
  });
  process.on("disconnect", () => process.exit(0));
  // The build is already done with it (it built nothing, or a folder of agreements).
  if (!process.connected) process.exit(0);
  // Load the PDF renderer and its fonts while the build is still reading the agreement.
  (await import("../render/pdf/index.js")).missingGlyphs("");
  await import("../package/copies.js");
}

/**
 * The PDF helper process of a single `iop build`: while the build's own process parses the
 * Markdown of the next documents and writes the Word files, a second process renders the PDFs and
 * signing copies of the documents already parsed. On a machine of more than one core this takes
 * the PDFs, about half of a cold build's rendering, off the build's path.
 *
 * The launcher (src/launch/helper.ts) starts the process as soon as it sees `iop build`, before
 * it loads the bundle, so that both load at the same time; the process runs `serveHelper`
 * (server.ts). The build sends each document's tree as soon as it is parsed (`helperPdfs`), and
 * collects the files once its own are done. Both processes render with `renderPdfFiles`
 * (src/package/pdfs.ts), so the bytes are the same as a build in one process; whatever the
 * helper cannot deliver (it failed, died or never started) the build renders itself.
 */
import type { ChildProcess } from "node:child_process";
import { type PdfFiles, type PdfRequest, pdfAttachments, renderPdfFiles } from "../package/pdfs.js";
import type { BuiltDocument } from "../pipeline.js";

/** What the build sends the helper. */
export interface HelperRequest {
  id: number;
  request: PdfRequest;
}

/** What the helper sends back: the files, or why it could not render them. */
export interface HelperReply {
  id: number;
  files?: PdfFiles;
  error?: string;
}

/** The helper process as the build sees it. */
export interface PdfHelper {
  /** The files of one request; rejects when the helper cannot deliver them. */
  render(request: PdfRequest): Promise<PdfFiles>;
  /** Lets the helper end (it exits once its channel is closed). */
  close(): void;
}

/**
 * The build's side of a helper process started by the launcher. The channel holds this process
 * open only while a reply is awaited, so a build that sends nothing, or fails early, exits at once.
 */
export function connectHelper(child: ChildProcess): PdfHelper {
  // The channel's handle keeps this process's event loop alive while it is referenced.
  const { channel } = child;
  const waiting = new Map<number, { resolve(files: PdfFiles): void; reject(e: Error): void }>();
  let next = 0;
  let gone: Error | undefined;
  const settle = (id: number, outcome: PdfFiles | Error) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    if (waiting.size === 0) channel?.unref();
    if (outcome instanceof Error) w.reject(outcome);
    else w.resolve(outcome);
  };
  const end = (why: Error) => {
    gone ??= why;
    for (const id of [...waiting.keys()]) settle(id, why);
  };
  child.on("message", (reply: HelperReply) => {
    settle(reply.id, reply.files ?? new Error(reply.error ?? "no files"));
  });
  child.on("error", end);
  child.on("exit", (code, signal) => end(new Error(`the PDF helper ended (${signal ?? code})`)));
  child.on("disconnect", () => end(new Error("the PDF helper's channel closed")));
  return {
    render(request) {
      if (gone || !child.connected) return Promise.reject(gone ?? new Error("not connected"));
      const id = next++;
      return new Promise<PdfFiles>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        channel?.ref();
        try {
          child.send({ id, request } satisfies HelperRequest, (error) => {
            if (error) settle(id, error);
          });
        } catch (error) {
          // A value the structured clone cannot copy throws here, before anything is sent.
          settle(id, error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    close() {
      if (child.connected) child.disconnect();
    },
  };
}

/** A build's PDF files from the helper, by document. */
export interface HelperPdfs {
  /** Sends a document to the helper (as soon as its tree is built). */
  send(doc: BuiltDocument): void;
  /** The document's files: the helper's, or rendered here when it could not deliver them. */
  files(doc: BuiltDocument): Promise<PdfFiles>;
}

/** The PDFs (`pdf`) and copies (`copies`) of one build, rendered by `helper`. */
export function helperPdfs(
  helper: PdfHelper,
  options: Pick<PdfRequest, "pdfa" | "pdf" | "copies">,
): HelperPdfs {
  const sent = new Map<BuiltDocument, Promise<PdfFiles | undefined>>();
  const request = (doc: BuiltDocument): PdfRequest => ({
    tree: doc.tree,
    attachments: pdfAttachments(doc.files),
    ...options,
  });
  return {
    send(doc) {
      // A failure is handled when the files are asked for (rendered here), not as a rejection.
      sent.set(
        doc,
        helper.render(request(doc)).catch(() => undefined),
      );
    },
    async files(doc) {
      return (await sent.get(doc)) ?? renderPdfFiles(request(doc));
    },
  };
}

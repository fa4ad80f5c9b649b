/**
 * Text of each page of a PDF, as poppler's `pdftotext` reads it.
 *
 * Why pdftotext and not our own content-stream parser: the copies are checked as a reader sees
 * them. Getting text out of a PDF means decoding embedded subset fonts through their ToUnicode
 * maps, undoing kerning arrays (TJ), and ordering glyphs into words and lines; poppler does all
 * of that and is what many readers use, while a hand-written parser would be another reader of
 * our own output. It is also fast: one process per file (about 10–50 ms for a contract), with
 * pages split on the form feed pdftotext writes after each page, instead of one process per page.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";

export type PagesResult =
  | { ok: true; pages: string[] }
  | { ok: false; missingProgram: boolean; error: string };

export function extractPages(path: string): Promise<PagesResult> {
  return new Promise((done) => {
    execFile(
      "pdftotext",
      ["-q", "-enc", "UTF-8", resolve(path), "-"],
      { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (error, stdout) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
          done({
            ok: false,
            missingProgram: missing,
            error: missing
              ? "programmet pdftotext (poppler-utils) saknas; installera det för att jämföra exemplarens text"
              : "texten kunde inte läsas ut ur PDF-filen",
          });
          return;
        }
        const pages = stdout.split("\f");
        // pdftotext ends every page with a form feed, so the last piece is empty.
        if (pages[pages.length - 1]?.trim() === "") pages.pop();
        done({ ok: true, pages });
      },
    );
  });
}

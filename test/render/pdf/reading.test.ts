/**
 * The PDF's text as poppler's layout analysis reads it: pdftotext in its default mode, which is
 * what PDF viewers built on poppler use to search and copy. Drawing the text in order is not
 * enough (output.test.ts reads the content stream order with -raw too): poppler groups words into
 * blocks by where they stand, and orders blocks as columns.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Block, DocumentTree } from "../../../src/document/types.js";
import { layoutDocument, renderPdf, type TextBox } from "../../../src/render/pdf/index.js";
import { needProgram } from "../../helpers/external.js";
import { tempDir } from "../../sign/helpers.js";
import { filler, h, p, tree, words } from "./fixtures/trees.js";
import { texts } from "./helpers.js";

const tmp = tempDir("iop-pdf-reading-");
afterAll(() => tmp.remove());

let count = 0;
/** pdftotext (default mode) of the rendered tree, one string per page. */
async function popplerPages(t: DocumentTree): Promise<string[]> {
  const path = join(tmp.dir, `reading-${count++}.pdf`);
  writeFileSync(path, await renderPdf(t, { fingerprint: "3f2a 91c0 77be" }));
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.split("\f").slice(0, -1);
}

/** The non-empty lines of a page, white space collapsed. */
const linesOf = (page: string): string[] =>
  page
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);

const TITLE = "Överenskommelse om IOP";
const DNR = "Dnr 2021/630";

/** Second-level headings with numbers of different widths, as in the Stockholm agreement. */
const sections: Block[] = [
  h(1, "2", "Parter"),
  p(words("Parterna ska samverka.", 12)),
  h(2, "2.1", "Partnerskapets utgångspunkt"),
  p(words("Partnerskapet utgår från politiska beslut.", 10)),
  h(2, "2.2", "Socialnämndens uppdrag"),
  p(words("Socialnämnden ska verka för brottsoffer.", 10)),
  h(2, "2.10", "Informationsspridning"),
  p(words("Parterna informerar om partnerskapet.", 10)),
  h(2, "12.10", "Försäkringsansvar och ansvar för skador som uppkommer i verksamheten"),
  p(words("Föreningen ansvarar för sin verksamhet.", 10)),
];

describe.runIf(needProgram("pdftotext"))("PDF text in poppler's reading order", () => {
  it("should read every numbered heading as one line: its number, a space, its text", async () => {
    const text = (await popplerPages(tree(sections))).join("\n");
    const lines = linesOf(text);
    expect(lines).toContain("2.1 Partnerskapets utgångspunkt");
    expect(lines).toContain("2.2 Socialnämndens uppdrag");
    expect(lines).toContain("2.10 Informationsspridning");
    // A wrapped heading: its number on its first line, the rest on the next.
    const at = lines.findIndex((l) => l.startsWith("12.10 Försäkringsansvar"));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(`${lines[at]} ${lines[at + 1]}`).toBe(
      "12.10 Försäkringsansvar och ansvar för skador som uppkommer i verksamheten",
    );
  });

  it("should read the running header first on a page that starts with a heading", async () => {
    // Filler pushes "2.1" down a line at a time until it starts page 2 (its paragraph with it).
    const startsPage2 = (t: DocumentTree) => {
      const body = texts(layoutDocument(t)).filter(
        (b: TextBox & { page: number }) => b.page === 1 && b.role === "body",
      );
      return body[0]?.text === "2.1";
    };
    let found: DocumentTree | undefined;
    for (let n = 25; n < 45 && !found; n++) {
      const t = tree([...filler(n), ...sections]);
      if (startsPage2(t)) found = t;
    }
    expect(found).toBeDefined();
    const page = linesOf((await popplerPages(found as DocumentTree))[1] as string);
    expect(page.slice(0, 3)).toEqual([TITLE, DNR, "2.1 Partnerskapets utgångspunkt"]);
    expect(page.at(-1)).toMatch(/^Sida 2 \(\d\)$/);
  });
});

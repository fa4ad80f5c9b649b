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
import { documentText } from "../../../src/document/text.js";
import type { Block, DocumentTree } from "../../../src/document/types.js";
import { layoutDocument, renderPdf, type TextBox } from "../../../src/render/pdf/index.js";
import { needProgram } from "../../helpers/external.js";
import { h, p, signatures, text, treeOf } from "../../helpers/trees.js";
import { tempDir } from "../../sign/helpers.js";
import { filler, sixParties, words } from "./fixtures/trees.js";
import { addedText, interleaves, texts } from "./helpers.js";

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

/**
 * The page texts without the running header (title and Dnr, read first) and footer (fingerprint
 * and page number, read last): checked to be there, then taken off.
 */
function bodyOf(pages: readonly string[]): string {
  return pages
    .map((page, i) => {
      const lines = linesOf(page);
      expect(lines.slice(0, 2), `page ${i + 1}`).toEqual([TITLE, DNR]);
      expect(lines.slice(-2), `page ${i + 1}`).toEqual([
        "Kontrollsumma 3f2a 91c0 77be",
        `Sida ${i + 1} (${pages.length})`,
      ]);
      return lines.slice(2, -2).join("\n");
    })
    .join("\n");
}

/** Whether poppler reads the tree's text in order (null), or where it parts from it. */
async function readsInOrder(t: DocumentTree): Promise<string | null> {
  const body = bodyOf(await popplerPages(t));
  return interleaves(body, documentText(t), addedText(layoutDocument(t)));
}

/** An amount table as the budget template writes it. */
const budget = (rows: readonly (readonly [string, string])[]): Block => ({
  type: "table",
  align: ["left", "right"],
  header: [[text("Beskrivning av resurs")], [text("Kostnad (kronor)")]],
  rows: rows.map(([what, amount]) => [[text(what)], [text(amount)]]),
  total: [[text("Summa")], [text("uppgift saknas")]],
});

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
  it("should read every character whatever the process drew before (a glyph first made inside another)", async () => {
    // DejaVu draws "ö" from "o" and a diaeresis, "é" from "e" and an acute: writing a subset with
    // them makes fontkit's glyphs for the accents as parts, with no character of their own. A
    // later document that draws the accents themselves must still read them.
    await popplerPages(treeOf([p("Höstöl ölstäd, é")], { title: "Bilaga" }));
    const pages = await popplerPages(
      treeOf([p("Tecknen ¨ och ´ står för sig")], { title: "Bilaga" }),
    );
    expect(pages.join("")).toContain("Tecknen ¨ och ´ står för sig");
  });

  it("should read every numbered heading as one line: its number, a space, its text", async () => {
    const text = (await popplerPages(treeOf(sections, { title: TITLE }))).join("\n");
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
      const t = treeOf([...filler(n), ...sections], { title: TITLE });
      if (startsPage2(t)) found = t;
    }
    expect(found).toBeDefined();
    const page = linesOf((await popplerPages(found as DocumentTree))[1] as string);
    expect(page.slice(0, 3)).toEqual([TITLE, DNR, "2.1 Partnerskapets utgångspunkt"]);
    expect(page.at(-1)).toMatch(/^Sida 2 \(\d\)$/);
  });

  it("should read the running header first on a page that a table of text columns continues on", async () => {
    // A long title fills the header line up to the diarienummer; the table's cells are blocks of
    // their own, entirely left of where the Dnr stands.
    const title =
      "Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Socialnämnden i Stockholms stad och Brottsofferjourerna";
    const rows = Array.from({ length: 60 }, (_, i) => [
      [text(`2025-0${1 + (i % 9)}-1${i % 9}`)],
      [text("Styrgruppen")],
      [text(i % 3 ? "Kontaktperson byts." : "Ny rutin för uppföljning.")],
    ]);
    const t = treeOf(
      [
        p("Inledning."),
        {
          type: "table",
          align: ["left", "left", "left"],
          header: [[text("Datum")], [text("Beslut")], [text("Ändring")]],
          rows,
        },
      ],
      { title },
    );
    const pages = await popplerPages(t);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      const lines = linesOf(page);
      expect(lines[0]?.endsWith("…") && title.startsWith(lines[0].slice(0, -1)), lines[0]).toBe(
        true,
      );
      expect(lines[1], `page ${i + 1}`).toBe(DNR);
    });
  });

  it.each([
    ["one row", [["Egenfinansiering", "uppgift saknas"]]],
    [
      "two rows",
      [
        ["Bidrag från Brottsoffermyndigheten", "ca 40\u00a0000 kr"],
        ["Medlemsavgifter, gåvor och sponsorbidrag", "uppgift saknas"],
      ],
    ],
    [
      "three rows",
      [
        ["Personal", "650\u00a0000 kr"],
        ["Konsulter", "5\u00a0000 kr"],
        ["Lokaler", "54\u00a0000 kr"],
      ],
    ],
    [
      "a wrapped description",
      [
        [words("Verksamhetsstöd från Brottsoffermyndigheten", 6), "15\u00a0000 kr"],
        ["Medlemsavgifter", "1\u00a0500 kr"],
      ],
    ],
  ] as const)("should read an amount table with %s row by row", async (_, rows) => {
    // Between headings, as in a bilaga: no paragraph near it that poppler could read it with.
    const t = treeOf(
      [
        h(1, "6", "Egenfinansiering under 12 månader"),
        budget(rows),
        h(1, "7", "Underskrift"),
        signatures(sixParties.slice(0, 2)),
      ],
      { title: TITLE },
    );
    expect(await readsInOrder(t)).toBeNull();
  });

  it("should read a table of text columns with wrapped cells row by row", async () => {
    const t = treeOf(
      [
        h(1, "8", "Ändringslogg"),
        {
          type: "table",
          align: ["left", "left", "left"],
          header: [[text("Datum")], [text("Beslut")], [text("Ändring")]],
          rows: [
            [
              [text("2025-03-25")],
              [text("Socialnämnden 2025-03-25 § 12, efter beredning i styrgruppen")],
              [text(words("Ersättningen för 2025 fastställs till 830 000 kr.", 5))],
            ],
            [[text("2025-09-01")], [text("Styrgruppen")], [text("Kontaktperson byts.")]],
          ],
        },
        p("Text efter tabellen."),
      ],
      { title: TITLE },
    );
    expect(await readsInOrder(t)).toBeNull();
  });

  it("should read a table longer than a page row by row, its header again on every page", async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => [`Post ${i + 1}`, `${i + 1}\u00a0000 kr`] as const,
    );
    expect(
      await readsInOrder(treeOf([p("Inledning."), budget(rows)], { title: TITLE })),
    ).toBeNull();
  });
});

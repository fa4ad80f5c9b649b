import { describe, expect, it } from "vitest";
import { layoutDocument, type TextBox, textArea } from "../../../src/render/pdf/index.js";
import { ellipsize } from "../../../src/render/pdf/layout.js";
import { reader } from "../../../src/render/pdf/style.js";
import { h, p, sampleTree, signatures, treeOf } from "../../helpers/trees.js";
import { longTree, sixParties, words } from "./fixtures/trees.js";
import { lines, layoutOptions as options, outOfPlace, overlaps, texts } from "./helpers.js";

describe("PDF layout: the text area", () => {
  it.each([
    ["the sample tree", sampleTree()],
    ["the long tree", longTree()],
    ["six signing parties", treeOf([h(1, "1", "Underskrifter"), signatures(sixParties)])],
  ])("should keep every box of %s inside its area (body text within the margins)", (_, t) => {
    const layout = layoutDocument(t, options);
    expect(outOfPlace(layout)).toEqual([]);
  });

  it.each([
    ["the sample tree", sampleTree()],
    ["the long tree", longTree()],
  ])("should set no two text boxes of %s over each other", (_, t) => {
    expect(overlaps(layoutDocument(t, options))).toEqual([]);
  });

  it("should break an 80-character word between characters and keep it inside the text area", () => {
    const long = "Brottsofferjoursverksamhetsutvecklingsprojektsamordnarutbildningsplaneringsmöten";
    expect(long).toHaveLength(80);
    const layout = layoutDocument(treeOf([p(`Ordet ${long} är långt, och ${long}.`)]));
    expect(outOfPlace(layout)).toEqual([]);
    const body = lines(layout).filter((l) => l.y > textArea.top + 40 && l.y < textArea.bottom);
    // The word takes more than one line, and its pieces put together are the word.
    expect(body.length).toBeGreaterThanOrEqual(3);
    const joined = body.map((l) => l.text).join("");
    expect(joined.replace(/\s+/g, "")).toBe(
      `Ordet${long}är,långt,och${long}.`.replace(",långt,", "långt,"),
    );
  });
});
describe("PDF layout: running header and footer", () => {
  it("should put title, diarienummer, fingerprint and 'Sida X (Y)' with the real page count on every page", () => {
    const layout = layoutDocument(longTree(), options);
    const n = layout.pages.length;
    expect(n).toBeGreaterThanOrEqual(8);
    layout.pages.forEach((_, i) => {
      const onPage = texts(layout).filter((t) => t.page === i);
      const header = onPage.filter((t) => t.role === "header").map((t) => t.text);
      const footer = onPage.filter((t) => t.role === "footer").map((t) => t.text);
      expect(header).toContain("Dnr 2021/630");
      expect(header.some((t) => t.startsWith("Överenskommelse om idéburet"))).toBe(true);
      expect(footer).toEqual(
        expect.arrayContaining([`Sida ${i + 1} (${n})`, "Kontrollsumma 3f2a 91c0 77be"]),
      );
    });
  });

  it("should stack the title over the diarienummer at the left, one block of text for poppler", () => {
    const layout = layoutDocument(longTree(), options);
    layout.pages.forEach((_, i) => {
      const header = texts(layout).filter((t) => t.page === i && t.role === "header");
      expect(
        header.map((t) => t.text.slice(0, 4)),
        `page ${i + 1}`,
      ).toEqual(["Över", "Dnr "]);
      const title = header[0] as TextBox;
      const dnr = header[1] as TextBox;
      expect([title.x, dnr.x]).toEqual([textArea.left, textArea.left]);
      // Lines of one size less than 1.5 lines apart, overlapping: poppler joins them.
      expect((dnr.y - title.y) / dnr.size).toBeGreaterThan(1);
      expect((dnr.y - title.y) / dnr.size).toBeLessThan(reader.lineGap);
    });
  });

  it("should leave out the diarienummer when the document has none", () => {
    const t = treeOf([p("Text.")], { title: "Överenskommelse om IOP" });
    t.meta.diarienummer = "";
    const header = texts(layoutDocument(t)).filter((b) => b.role === "header");
    expect(header.map((b) => b.text)).toEqual(["Överenskommelse om IOP"]);
  });

  it("should shorten a title too long for the header with an ellipsis", () => {
    const layout = layoutDocument(treeOf([p("Text.")], { title: words("Överenskommelse", 12) }));
    const header = texts(layout).find((t) => t.role === "header" && t.text.startsWith("Överens"));
    expect(header?.text.endsWith("…")).toBe(true);
    expect(outOfPlace(layout)).toEqual([]);
  });

  it("should shorten the header's title at a word boundary, never inside a word", () => {
    const titles = [
      "Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Socialnämnden i Stockholms stad och Brottsofferjouren Stockholm-Gotland",
      "Överenskommelse om idéburet offentligt partnerskap för brottsofferstöd, kvinnojourer, tjejjourer och stödcentrum för unga brottsutsatta",
      `Avtal ${"långtordsammansättningsexempel ".repeat(6).trim()}`,
    ];
    for (const title of titles) {
      const t = treeOf([p("Text.")]);
      t.meta.title = title;
      const layout = layoutDocument(t);
      const header = texts(layout).find((b) => b.role === "header" && !b.text.startsWith("Dnr"));
      const shown = header?.text as string;
      expect(shown.endsWith("…"), title).toBe(true);
      const kept = shown.slice(0, -1);
      expect(title.startsWith(kept), title).toBe(true);
      // What follows the kept words in the title starts a new word (after a space or a mark).
      expect(title.slice(kept.length), title).toMatch(/^[\s,;:–—-]/u);
      expect(outOfPlace(layout)).toEqual([]);
    }
    // Only a first word wider than the line is cut, as nothing else fits.
    expect(ellipsize("x".repeat(300), 100).endsWith("…")).toBe(true);
  });
});

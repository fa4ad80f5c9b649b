import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/document/types.js";
import { layoutDocument, page, type RuleBox, textArea } from "../../../src/render/pdf/index.js";
import { sampleTree } from "../../fixtures/sample-tree.js";
import { h, longTree, ol, p, signatures, sixParties, text, tree, ul } from "./fixtures/trees.js";
import { lines, outOfPlace, overlaps, texts } from "./helpers.js";

const options = {
  fingerprint: "3f2a 91c0 77be",
  copyLabel: "Exemplar 2 av 6 – Brottsofferjouren Stockholm-Gotland",
};

/** `n` one-line paragraphs, to push what follows down the page a line at a time. */
const filler = (n: number): Block[] => Array.from({ length: n }, (_, i) => p(`Fyllnad ${i + 1}.`));

const words = (word: string, n: number) => Array.from({ length: n }, () => word).join(" ");

describe("PDF layout: the text area", () => {
  it.each([
    ["the sample tree", sampleTree()],
    ["the long tree", longTree()],
    ["six signing parties", tree([h(1, "1", "Underskrifter"), signatures()])],
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
    const layout = layoutDocument(tree([p(`Ordet ${long} är långt, och ${long}.`)]));
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

describe("PDF layout: line breaking", () => {
  it("should never break a line at a no-break space", () => {
    // Move the amount along the line one word at a time, so every break position is tried.
    for (let n = 0; n < 16; n++) {
      const layout = layoutDocument(
        tree([
          p(`${words("ersättning", n)} totalt 650\u00a0000\u00a0kr per år och ${words("ord", 20)}`),
        ]),
      );
      const withAmount = lines(layout).filter((l) => /650|000|kr/.test(l.text));
      expect(withAmount.map((l) => l.text.includes("650\u00a0000\u00a0kr"))).toEqual(
        withAmount.map(() => true),
      );
    }
  });

  it("should set strong text bold and emphasised text italic on the line they belong to", () => {
    const all = texts(layoutDocument(sampleTree()));
    const bold = all.find((t) => t.text.includes("Därefter"));
    const italic = all.find((t) => t.text.includes("automatiskt"));
    expect(bold?.face).toBe("bold");
    expect(italic?.face).toBe("italic");
    expect(italic?.y).toBe(bold?.y);
    expect(all.find((t) => t.text.startsWith("Partnerskapet"))?.face).toBe("regular");
  });
});

describe("PDF layout: headings", () => {
  it("should write a heading as its number and its text", () => {
    const heading = lines(layoutDocument(sampleTree())).find((l) => l.text.includes("Stöd"));
    expect(heading?.text).toBe("1.1Stöd");
  });

  it("should move a heading at the bottom of a page to the next page with its paragraph", () => {
    let moved = 0;
    for (let n = 20; n < 34; n++) {
      const layout = layoutDocument(
        tree([...filler(n), h(1, "9", "Rubrik nära sidans slut"), p(words("brödtext", 60))]),
      );
      const all = texts(layout);
      const heading = all.find((t) => t.text === "Rubrik nära sidans slut");
      const body = all.filter((t) => t.text.startsWith("brödtext"));
      expect(heading).toBeDefined();
      // At least two lines of the paragraph follow the heading on its page.
      expect(body.filter((t) => t.page === heading?.page).length).toBeGreaterThanOrEqual(2);
      const lastFiller = all.filter((t) => t.text.startsWith("Fyllnad")).at(-1);
      if (heading && lastFiller && heading.page > lastFiller.page) {
        // The heading alone would have fitted under the last filler line.
        const room = textArea.bottom - lastFiller.y;
        if (room > 45) moved++;
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("should leave no heading as the last text of a page in the long tree", () => {
    const layout = layoutDocument(longTree(), options);
    const all = texts(layout).filter((t) => t.role === "body");
    for (const entry of layout.outline) {
      const after = all.filter((t) => t.page === entry.page && t.y > entry.y + 30);
      expect(after.length, entry.title).toBeGreaterThan(0);
    }
  });

  it("should make one bookmark per numbered heading, nested by depth, pointing at its page", () => {
    const layout = layoutDocument(sampleTree());
    expect(layout.outline.map((o) => [o.title, o.depth, o.page])).toEqual([
      ["1 Åtagande", 1, 0],
      ["1.1 Stöd", 2, 0],
      ["2 Socialförvaltningens ersättning under 12 månader", 1, 0],
      ["3 Underskrift", 1, 1],
    ]);
    const long = layoutDocument(longTree());
    expect(long.outline.map((o) => o.page)).toEqual(
      [...long.outline.map((o) => o.page)].sort((a, b) => a - b),
    );
  });
});

describe("PDF layout: paragraphs across pages", () => {
  it("should keep at least two lines of a paragraph at the bottom and the top of a page", () => {
    let split = 0;
    for (let n = 22; n < 34; n++) {
      const layout = layoutDocument(tree([...filler(n), p(words("stycke", 70))]));
      const paragraph = texts(layout).filter((t) => t.text.startsWith("stycke"));
      const pages = new Map<number, number>();
      for (const t of paragraph) pages.set(t.page, (pages.get(t.page) ?? 0) + 1);
      for (const count of pages.values()) expect(count).toBeGreaterThanOrEqual(2);
      if (pages.size > 1) split++;
    }
    expect(split).toBeGreaterThan(0);
  });
});

describe("PDF layout: lists", () => {
  it("should hang the text of a list item: wrapped lines start under the first line's text", () => {
    const long = words("Uppföljningssamtal", 24);
    const layout = layoutDocument(tree([ul("Kort punkt", [p(long), ol("Första", "Andra")])]));
    const all = texts(layout);
    const bullet = all.filter((t) => t.role === "marker" && t.text === "\u2022");
    expect(bullet).toHaveLength(2);
    const item = all.filter((t) => t.text.startsWith("Uppföljningssamtal"));
    expect(item.length).toBeGreaterThanOrEqual(2);
    const textX = item[0]?.x as number;
    expect(item.every((t) => t.x === textX)).toBe(true);
    expect((bullet[1]?.x as number) + (bullet[1]?.width as number)).toBeLessThan(textX);
    // The nested numbered list indents further, its numbers right-aligned on the full stop.
    const numbers = all.filter((t) => t.role === "marker" && /^\d+\.$/.test(t.text));
    expect(numbers.map((t) => t.text)).toEqual(["1.", "2."]);
    expect(numbers[0]?.x).toBeGreaterThan(bullet[0]?.x as number);
    const first = all.find((t) => t.text === "Första");
    expect(first?.x).toBeGreaterThan(textX);
  });
});

describe("PDF layout: tables", () => {
  it("should size columns by their content and right-align amounts", () => {
    const all = texts(layoutDocument(sampleTree()));
    const amounts = all.filter((t) => / kr$/.test(t.text.replace(/\u00a0/g, " ")));
    expect(amounts).toHaveLength(7);
    const rightEdges = new Set(amounts.map((t) => (t.x + t.width).toFixed(2)));
    expect(rightEdges.size).toBe(1);
    const header = all.find((t) => t.text === "Kostnad (kronor)");
    expect((header?.x as number) + (header?.width as number)).toBeCloseTo(
      (amounts[0]?.x as number) + (amounts[0]?.width as number),
      2,
    );
    // The description column takes the spare room; the amount column just fits its widest text.
    const description = all.find((t) => t.text === "Beskrivning av resurs");
    expect((header?.x as number) - (description?.x as number)).toBeGreaterThan(textArea.width / 2);
  });

  it("should set the total row and the header row in bold", () => {
    const all = texts(layoutDocument(sampleTree()));
    expect(all.find((t) => t.text === "Summa")?.face).toBe("bold");
    expect(all.find((t) => t.text === "830\u00a0000 kr")?.face).toBe("bold");
    expect(all.find((t) => t.text === "Beskrivning av resurs")?.face).toBe("bold");
    expect(all.find((t) => t.text === "Personal")?.face).toBe("regular");
  });

  it("should keep a short table whole on one page", () => {
    const budget = sampleTree().children.find((b) => b.type === "table") as Block;
    let moved = 0;
    for (let n = 18; n < 32; n++) {
      const layout = layoutDocument(tree([...filler(n), budget]));
      const all = texts(layout);
      const table = all.filter((t) =>
        /^(Beskrivning|Personal|Konsulter|Övrigt|Summa)/.test(t.text),
      );
      expect(table).toHaveLength(5);
      expect(new Set(table.map((t) => t.page)).size).toBe(1);
      if (table[0]?.page === 1) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("should continue a table longer than a page with its header row repeated", () => {
    const rows = Array.from({ length: 90 }, (_, i) => [
      [text(`Post ${i + 1}`)],
      [text(`${i + 1}\u00a0000 kr`)],
    ]);
    const layout = layoutDocument(
      tree([
        p("Inledning."),
        {
          type: "table",
          align: ["left", "right"],
          header: [[text("Beskrivning av resurs")], [text("Kostnad (kronor)")]],
          rows,
          total: [[text("Summa")], [text("4\u00a0095\u00a0000 kr")]],
        },
      ]),
    );
    const all = texts(layout);
    const rowPages = [...new Set(all.filter((t) => t.text.startsWith("Post ")).map((t) => t.page))];
    expect(rowPages.length).toBeGreaterThanOrEqual(3);
    for (const [k, pageIndex] of rowPages.entries()) {
      const onPage = all.filter((t) => t.page === pageIndex);
      const header = onPage.filter((t) => t.text === "Beskrivning av resurs");
      expect(header[0]?.role).toBe(k === 0 ? "body" : "repeat");
      const firstRow = onPage.find((t) => t.text.startsWith("Post "));
      expect(header).toHaveLength(1);
      expect(header[0]?.y).toBeLessThan(firstRow?.y as number);
    }
    // Every row once, in order; at least two rows on each page, the total with the last two.
    const posts = all.filter((t) => t.text.startsWith("Post "));
    expect(posts.map((t) => t.text)).toEqual(rows.map((_, i) => `Post ${i + 1}`));
    for (const pageIndex of rowPages) {
      expect(posts.filter((t) => t.page === pageIndex).length).toBeGreaterThanOrEqual(2);
    }
    const total = all.find((t) => t.text === "Summa");
    expect(all.find((t) => t.text === "Post 89")?.page).toBe(total?.page);
  });
});

describe("PDF layout: signatures", () => {
  it("should keep each of six parties' signature blocks whole on one page", () => {
    for (const n of [0, 10, 20, 25, 30]) {
      const layout = layoutDocument(
        tree([...filler(n), h(1, "9", "Underskrifter"), signatures()]),
        options,
      );
      expect(outOfPlace(layout)).toEqual([]);
      const all = texts(layout);
      expect(layout.signatures.map((s) => s.partyId)).toEqual(sixParties.map((b) => b.partyId));
      sixParties.forEach((block, i) => {
        const start = all.findIndex((t) => t.text.startsWith(`För ${block.party}`.slice(0, 25)));
        const end = all.findIndex((t, k) => k > start && t.text.includes(" den ____________"));
        const blockBoxes = all.slice(start, end + 1);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(new Set(blockBoxes.map((t) => t.page)), block.partyId).toEqual(
          new Set([layout.signatures[i]?.page]),
        );
        const who = block.name ? `${block.name}, ${block.title}` : "Namnförtydligande";
        expect(blockBoxes.some((t) => t.text === who)).toBe(true);
      });
    }
  });

  it("should write the place and year on the date line, and leave a missing place blank", () => {
    const all = texts(layoutDocument(tree([signatures()])));
    const dates = all.filter((t) => t.text.includes(" den ")).map((t) => t.text);
    expect(dates[0]).toBe("Stockholm den ____________ 2025");
    expect(dates[2]).toBe("____________ den ____________ 2025");
  });

  it("should print the copy label on the signature page, before the first block", () => {
    const layout = layoutDocument(sampleTree(), options);
    const all = texts(layout);
    const label = all.find((t) => t.text === options.copyLabel);
    const first = all.find((t) => t.text.startsWith("För Socialnämnden"));
    expect(label?.role).toBe("label");
    expect(label?.page).toBe(first?.page);
    expect(label?.y).toBeLessThan(first?.y as number);
  });

  it("should place each signature field over its party's signature line", () => {
    const layout = layoutDocument(tree([signatures()]));
    expect(layout.signatures).toHaveLength(6);
    for (const slot of layout.signatures) {
      const rules = (layout.pages[slot.page]?.boxes ?? []).filter(
        (b): b is RuleBox => b.kind === "rule" && b.y1 === b.y2,
      );
      const { x, y, width, height } = slot.rect;
      // The signature line in PDF space (origin bottom-left): at the bottom of the field, as wide.
      const line = rules.find((r) => {
        const pdfY = page.height - r.y1;
        return pdfY >= y && pdfY <= y + 4 && r.x1 === x && r.x2 === x + width;
      });
      expect(line, slot.partyId).toBeDefined();
      expect(height).toBeGreaterThanOrEqual(30);
    }
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

  it("should leave out the diarienummer when the document has none", () => {
    const t = tree([p("Text.")]);
    t.meta.diarienummer = "";
    const header = texts(layoutDocument(t)).filter((b) => b.role === "header");
    expect(header.map((b) => b.text)).toEqual(["Överenskommelse om IOP"]);
  });

  it("should shorten a title too long for the header with an ellipsis", () => {
    const layout = layoutDocument(tree([p("Text.")], words("Överenskommelse", 12)));
    const header = texts(layout).find((t) => t.role === "header" && t.text.startsWith("Överens"));
    expect(header?.text.endsWith("…")).toBe(true);
    expect(outOfPlace(layout)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { layoutDocument, page, type RuleBox } from "../../../src/render/pdf/index.js";
import { sampleTree } from "../../fixtures/sample-tree.js";
import { filler, h, p, signatures, sixParties, tree } from "./fixtures/trees.js";
import { layoutOptions as options, outOfPlace, texts } from "./helpers.js";

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

  it("should print the copy label once, at the end of a document without signatures", () => {
    const all = texts(layoutDocument(tree([p("Första."), p("Sista.")]), options));
    const labels = all.filter((t) => t.role === "label");
    expect(labels.map((t) => t.text)).toEqual([options.copyLabel]);
    expect(labels[0]?.y).toBeGreaterThan(all.find((t) => t.text === "Sista.")?.y as number);
    const twice = texts(layoutDocument(tree([signatures(), signatures()]), options));
    expect(twice.filter((t) => t.text === options.copyLabel)).toHaveLength(1);
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

import { describe, expect, it } from "vitest";
import { layoutDocument, page, type RuleBox } from "../../../src/render/pdf/index.js";
import { h, p, sampleTree, signatures, treeOf } from "../../helpers/trees.js";
import { filler, longTree, sixParties } from "./fixtures/trees.js";
import { layoutOptions as options, outOfPlace, texts } from "./helpers.js";

describe("PDF layout: signatures", () => {
  it("should keep each of six parties' signature blocks whole on one page", () => {
    for (const n of [0, 10, 20, 25, 30]) {
      const layout = layoutDocument(
        treeOf([...filler(n), h(1, "9", "Underskrifter"), signatures(sixParties)]),
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
    const all = texts(layoutDocument(treeOf([signatures(sixParties)])));
    const dates = all.filter((t) => t.text.includes(" den ")).map((t) => t.text);
    expect(dates[0]).toBe("Stockholm den ____________ 2025");
    expect(dates[2]).toBe("____________ den ____________ 2025");
  });

  it("should print the copy label in the footer of every page, under the fingerprint", () => {
    for (const t of [sampleTree(), treeOf([p("Första."), p("Sista.")]), longTree()]) {
      const layout = layoutDocument(t, options);
      const all = texts(layout);
      const labels = all.filter((b) => b.text === options.copyLabel);
      expect(labels.map((b) => b.page)).toEqual(layout.pages.map((_, i) => i));
      for (const label of labels) {
        expect(label.role).toBe("footer");
        expect(label.tag).toBeUndefined();
        const fingerprint = all.find(
          (b) => b.page === label.page && b.text.startsWith("Kontrollsumma"),
        );
        expect(label.y).toBeGreaterThan(fingerprint?.y as number);
      }
      expect(outOfPlace(layout)).toEqual([]);
    }
  });

  it("should lay out copies that differ only in the footer's label", () => {
    const body = (label: string) =>
      texts(layoutDocument(sampleTree(), { ...options, copyLabel: label })).filter(
        (b) => b.role !== "footer",
      );
    expect(body("Exemplar 1 av 2 – A")).toEqual(body("Exemplar 2 av 2 – Brottsofferjouren B"));
  });

  it("should leave at least 25 mm to sign in, and a line for the name clarification", () => {
    const MM = 72 / 25.4;
    const layout = layoutDocument(treeOf([signatures(sixParties)]));
    const all = texts(layout);
    for (const block of sixParties) {
      const party = all.find((t) => t.text.startsWith(`För ${block.party}`.slice(0, 25)));
      const slot = layout.signatures.find((s) => s.partyId === block.partyId);
      const lineY = page.height - (slot?.rect.y as number) - 2;
      const rules = (layout.pages[slot?.page ?? -1]?.boxes ?? []).filter(
        (b): b is RuleBox => b.kind === "rule" && b.y1 === b.y2 && b.x1 === slot?.rect.x,
      );
      // From the bottom of the party's line of text to the signature line.
      const room = lineY - ((party?.y as number) + 0.3 * (party?.size as number));
      expect(room, block.partyId).toBeGreaterThanOrEqual(25 * MM);
      if (block.name) continue;
      // An unnamed signatory: a second line, "Namnförtydligande" under it, room above it.
      const nameLine = rules.find((r) => r.y1 > lineY + 15 && r.y1 < lineY + 40);
      expect(nameLine, block.partyId).toBeDefined();
      const label = all.find(
        (t) =>
          t.text === "Namnförtydligande" && t.y > (nameLine?.y1 as number) && t.page === slot?.page,
      );
      expect(label, block.partyId).toBeDefined();
    }
  });

  it("should place each signature field over its party's signature line", () => {
    const layout = layoutDocument(treeOf([signatures(sixParties)]));
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

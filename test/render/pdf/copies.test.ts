import { describe, expect, it } from "vitest";
import { forgetSharedStreams } from "../../../src/render/pdf/flate.js";
import { renderPdf, renderPdfCopies } from "../../../src/render/pdf/index.js";
import { partiesTree } from "../../package/trees.js";

const same = (a: Uint8Array | undefined, b: Uint8Array) =>
  expect(Buffer.from(a ?? []).equals(Buffer.from(b))).toBe(true);

describe("signing copies drawn from one layout", () => {
  // Labels with characters the document has, and with ones it has nowhere else (the label's
  // face then holds more glyphs than the document's own pages need).
  const labels = [
    "Exemplar 1 av 4 – Part 1",
    "Exemplar 2 av 4 – Ωmega Жук ÆØ",
    "Exemplar 3 av 4 – Part 1",
    "Exemplar 4 av 4 – Ωmega Жук ÆØ",
  ];

  it("are each byte for byte the PDF rendered in full with its label", async () => {
    const tree = partiesTree(4);
    const options = { fingerprint: "abcd ef01 2345" };
    const copies = await renderPdfCopies(tree, options, labels);
    expect(copies).toHaveLength(4);
    for (const [i, label] of labels.entries()) {
      same(copies[i], await renderPdf(tree, { ...options, copyLabel: label }));
    }
  });

  it("share font maps and streams between PDFs without changing a byte", async () => {
    const tree = partiesTree(3);
    forgetSharedStreams();
    const fresh = [];
    for (const label of labels) {
      fresh.push(await renderPdf(tree, { copyLabel: label }));
      // Each PDF made as the first of its kind in the process.
      forgetSharedStreams();
    }
    const shared = await renderPdfCopies(tree, {}, labels);
    const again = await renderPdfCopies(tree, {}, labels);
    for (const [i, pdf] of fresh.entries()) {
      same(shared[i], pdf);
      same(again[i], pdf);
    }
  });
});

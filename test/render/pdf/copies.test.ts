import { afterEach, describe, expect, it, vi } from "vitest";
import type { DocumentTree } from "../../../src/document/types.js";
import { CopyTemplate } from "../../../src/render/pdf/copies.js";
import { forgetSharedStreams } from "../../../src/render/pdf/flate.js";
import { layoutDocument, renderPdf, renderPdfCopies } from "../../../src/render/pdf/index.js";
import type { PdfOptions } from "../../../src/render/pdf/types.js";
import { changed, del, ins, p, treeWith } from "../../helpers/trees.js";
import { partiesTree } from "../../package/trees.js";

const same = (a: Uint8Array | undefined, b: Uint8Array) =>
  expect(Buffer.from(a ?? []).equals(Buffer.from(b))).toBe(true);

/** Each copy is byte for byte the PDF `renderPdf` gives with its label. */
async function expectFull(
  tree: DocumentTree,
  options: Omit<PdfOptions, "copyLabel">,
  labels: readonly string[],
  copies: readonly Uint8Array[],
): Promise<void> {
  expect(copies).toHaveLength(labels.length);
  for (const [i, label] of labels.entries()) {
    same(copies[i], await renderPdf(tree, { ...options, copyLabel: label }));
  }
}

/** How many copies `renderPdfCopies` writes from a drawn PDF (`CopyTemplate`) instead of drawing. */
function countWritten(): { readonly count: number } {
  const spy = vi.spyOn(CopyTemplate.prototype, "draw");
  return {
    get count() {
      return spy.mock.calls.length;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A redline: a deleted paragraph and inserted and deleted words, on every page. */
function redline(): DocumentTree {
  const base = partiesTree(2);
  const edits = [
    changed(p("Ett borttaget stycke."), "del"),
    p("Ersättningen är ", del("800 000 kr"), " ", ins("830 000 kr"), "."),
  ];
  return { ...base, children: [...edits, ...base.children, ...edits] };
}

/** The sample text, repeated to fill several pages. */
function pages(): DocumentTree {
  const base = partiesTree(4);
  const body = base.children.filter((b) => b.type !== "signatures");
  const signatures = base.children.filter((b) => b.type === "signatures");
  return treeWith([...body, ...body, ...body, ...signatures], {});
}

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
    const written = countWritten();
    const copies = await renderPdfCopies(tree, options, labels);
    // One copy of each set of characters drawn, the other written from it.
    expect(written.count).toBe(2);
    await expectFull(tree, options, labels, copies);
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

  it("are written from the document's PDF drawn before with the same options", async () => {
    const tree = pages();
    const options = { fingerprint: "abcd ef01 2345", pdfa: "2b" as const };
    // Labels of characters the document's footer has: every copy is written from the PDF.
    const count = layoutDocument(tree, options).pages.length;
    expect(count).toBeGreaterThan(2);
    const own = [1, 2, 3].map((n) => `Sida ${n} (${count})`);
    const document = await renderPdf(tree, options);
    const written = countWritten();
    const copies = await renderPdfCopies(tree, options, own);
    expect(written.count).toBe(own.length);
    await expectFull(tree, options, own, copies);
    // The document's own PDF is the same when drawn again.
    same(await renderPdf(tree, options), document);
  });

  it("embed again the face a label adds characters to, once for all such copies", async () => {
    const tree = partiesTree(2);
    const options = { fingerprint: "abcd ef01 2345" };
    await renderPdf(tree, options);
    const mixed = ["Sida 1 (2)", "Exemplar Ж", "Sida 2 (2)", "Exemplar Ж", "Exemplar ЖΩ"];
    const written = countWritten();
    const derived = vi.spyOn(CopyTemplate.prototype, "withCharacters");
    const copies = await renderPdfCopies(tree, options, mixed);
    expect(written.count).toBe(mixed.length);
    expect(derived.mock.calls).toHaveLength(2); // "Exemplar Ж", "Exemplar ЖΩ"
    await expectFull(tree, options, mixed, copies);
  });

  it("do not take a PDF drawn with other options", async () => {
    const tree = partiesTree(2);
    const own = ["Sida 1 (2)", "Sida 2 (2)"];
    const options = { fingerprint: "0000 ef01 2345" };
    await renderPdf(tree, { ...options, signatureFields: true });
    await renderPdf(tree, { fingerprint: "9999 ef01 2345" });
    const changedTree = { ...tree, meta: { ...tree.meta, title: "En annan titel" } };
    await renderPdf(changedTree, options);
    const written = countWritten();
    const copies = await renderPdfCopies(tree, options, own);
    expect(written.count).toBe(1); // the second from the first, drawn in full
    await expectFull(tree, options, own, copies);
  });

  it("are not written from the PDF of a document signed electronically (it has no copies)", async () => {
    const tree = partiesTree(2, "elektronisk");
    const options = { fingerprint: "1111 ef01 2345" };
    await renderPdf(tree, options);
    const own = ["Sida 1 (1)", "Sida 1 (1)"];
    const written = countWritten();
    const copies = await renderPdfCopies(tree, options, own);
    expect(written.count).toBe(1); // the second from the first, drawn in full
    await expectFull(tree, options, own, copies);
  });

  it("are right with ellipsized labels, one label, no label and one label again and again", async () => {
    const tree = partiesTree(4);
    const long = `Exemplar 1 av 4 – ${"Brottsofferjouren Stockholm-Gotland ".repeat(6)}`;
    const longer = `Exemplar 2 av 4 – ${"Socialnämnden i Stockholms stad ".repeat(8)}`;
    const cases = [[long, longer, long], ["Exemplar 1 av 1"], [], Array(5).fill("Exemplar 1 av 5")];
    for (const given of cases) {
      await expectFull(tree, {}, given, await renderPdfCopies(tree, {}, given));
    }
  });

  it("are right for redlines, with signature fields and attachments, on many pages", async () => {
    const attachments = [
      { name: "overenskommelse.yaml", data: new TextEncoder().encode("titel: x\n") },
    ];
    const cases: [DocumentTree, Omit<PdfOptions, "copyLabel">][] = [
      [redline(), { fingerprint: "abcd ef01 2345" }],
      [partiesTree(4), { signatureFields: true, attachments }],
      [pages(), { attachments, fingerprint: "1234 5678 9abc" }],
    ];
    // Copies written from the document's PDF ("Sida 1 (1)": its footer's characters) and from
    // a copy drawn in full.
    const given = [
      "Exemplar 1 av 2 – Part 1",
      "Sida 1 (1)",
      "Exemplar 2 av 2 – Part 2",
      "Sida 1 (1)",
    ];
    for (const [tree, options] of cases) {
      await renderPdf(tree, options);
      await expectFull(tree, options, given, await renderPdfCopies(tree, options, given));
    }
  });
});

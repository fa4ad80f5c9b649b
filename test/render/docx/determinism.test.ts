import { createHash } from "node:crypto";
import { Document, ExternalHyperlink, Paragraph, TextRun } from "docx";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { packDocument } from "../../../src/render/docx/package.js";
import { sampleTree } from "../../helpers/trees.js";
import { longTree, redlineTree } from "./trees.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Name, DOS time and DOS date of every local file header of a zip. */
function zipEntries(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: { name: string; time: number; date: number }[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    entries.push({
      name,
      time: view.getUint16(at + 10, true),
      date: view.getUint16(at + 12, true),
    });
    at += 30 + nameLength + extraLength + size;
  }
  return entries;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("determinism", () => {
  it("should give byte-identical output for the same tree and options", async () => {
    const options = { copyLabel: "Exemplar 1 av 2", revision: { author: "iop diff" } };
    expect(sha256(await renderDocx(sampleTree(), options))).toBe(
      sha256(await renderDocx(sampleTree(), options)),
    );
    expect(sha256(await renderDocx(redlineTree()))).toBe(sha256(await renderDocx(redlineTree())));
  });

  it("should give the same bytes whatever was rendered before (no module counters)", async () => {
    const first = sha256(await renderDocx(sampleTree()));
    await renderDocx(redlineTree());
    await renderDocx(longTree());
    expect(sha256(await renderDocx(sampleTree()))).toBe(first);
  });

  it("should give different bytes for a different tree", async () => {
    expect(sha256(await renderDocx(sampleTree()))).not.toBe(sha256(await renderDocx(longTree())));
  });

  it("should date every zip entry 1980-01-01 00:00", async () => {
    const entries = zipEntries(await renderDocx(sampleTree()));
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      expect({ name: entry.name, time: entry.time, date: entry.date }).toEqual({
        name: entry.name,
        time: 0,
        date: (0 << 9) | (1 << 5) | 1,
      });
    }
  });

  it("should not let Math.random into the package (docx draws hyperlink ids from it)", async () => {
    const doc = () =>
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new ExternalHyperlink({
                    link: "https://example.org",
                    children: [new TextRun("länk")],
                  }),
                ],
              }),
            ],
          },
        ],
      });
    // docx's own core.xml carries the clock; renderDocx replaces it, and so does this test.
    const core = { "docProps/core.xml": "<core/>" };
    vi.spyOn(Math, "random").mockReturnValue(0.25);
    const one = await packDocument(doc, core);
    vi.spyOn(Math, "random").mockReturnValue(0.75);
    const two = await packDocument(doc, core);
    expect(sha256(one)).toBe(sha256(two));
  });
});

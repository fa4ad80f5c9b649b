/**
 * The parts the Word renderer keeps from one document for the next (shared-parts.ts: theme,
 * settings, styles, numbering, font table…; package.ts and fonts.ts: compressed parts) and the
 * parts it does not let docx format (shared-parts.ts): every agreement, fixture and redline,
 * rendered after all the others, gives exactly the bytes of a renderer that has kept nothing and
 * lets docx format and write every part itself (not fast-format.ts either).
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { renderDocx } from "../../../src/render/docx/index.js";
import { renders } from "./renders.js";

describe("parts kept from document to document (src/render/docx/shared-parts.ts)", () => {
  /** renderDocx of a new instance of the renderer, with docx formatting every part itself. */
  const unsharedRenderDocx = async () => {
    vi.resetModules();
    vi.doMock("../../../src/render/docx/shared-parts.js", () => ({ shareParts: () => () => {} }));
    vi.doMock("../../../src/render/docx/fast-format.js", () => ({
      compileFast: (_: unknown, compile: () => unknown) => compile(),
    }));
    return (await import("../../../src/render/docx/index.js")).renderDocx;
  };

  it("should give every agreement, fixture and redline the bytes of docx's own parts, kept nothing", async () => {
    const all = await renders();
    expect(all.length).toBeGreaterThan(20);
    // Keep parts from every document first, in both orders.
    for (const { tree, options } of [...all, ...[...all].reverse()])
      await renderDocx(tree, options);
    const numbering = new Set<string>();
    for (const { name, tree, options } of all) {
      const warm = await renderDocx(tree, options);
      const fresh = await unsharedRenderDocx();
      expect(Buffer.from(warm).equals(Buffer.from(await fresh(tree, options))), name).toBe(true);
      numbering.add(strFromU8(unzipSync(warm)["word/numbering.xml"] as Uint8Array));
    }
    // The documents differ in their list instances, so the kept numbering is keyed by them.
    expect(numbering.size).toBeGreaterThan(1);
  });
});

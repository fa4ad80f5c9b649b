import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { afterEach, describe, expect, it, vi } from "vitest";

const HEADING = "Ändringar och tillägg"; // the rubrik of templates/klausuler/andringar.hbs
const KEY = "klausuler/andringar.hbs#rubrik";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** A precompiled template the way scripts/bundle.mjs writes one. */
const ahead = (sourceHash: string, text: string) => ({
  sha256: sourceHash,
  spec: new Function(`return ${Handlebars.precompile(text, { strict: true, noEscape: true })}`)(),
});

/** The engine with the bundle's precompiled templates replaced by `entries`. */
async function engineWith(entries: Record<string, unknown>) {
  vi.resetModules();
  vi.doMock("../../src/compose/precompiled.js", () => ({ precompiled: entries }));
  const { engine } = await import("../../src/compose/engine.js");
  return engine();
}

afterEach(() => {
  vi.doUnmock("../../src/compose/precompiled.js");
  vi.resetModules();
});

describe("precompiled templates (the bundled CLI)", () => {
  it("should use a precompiled template made from the same source", async () => {
    const e = await engineWith({ [KEY]: ahead(sha256(HEADING), "FÖRKOMPILERAD") });
    expect(e.clauses.get("andringar")?.heading({})).toBe("FÖRKOMPILERAD");
  });

  it("should compile a template edited since it was precompiled, from its source", async () => {
    const e = await engineWith({ [KEY]: ahead(sha256("en äldre rubrik"), "FÖRKOMPILERAD") });
    expect(e.clauses.get("andringar")?.heading({})).toBe(HEADING);
  });

  it("should compile a template added since the bundle was made", async () => {
    const e = await engineWith({});
    expect(e.clauses.get("andringar")?.heading({})).toBe(HEADING);
  });
});

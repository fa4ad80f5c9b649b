/**
 * The baseline read from a previous build's manifest (src/amend/previous.ts): a bilaga's recorded
 * YAML is parsed only when the build needs it, which is when the bilaga's data has changed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { manifestBaseline, readPreviousBuild } from "../../src/amend/previous.js";
import * as source from "../../src/load/source.js";
import { writeFolderAtomically } from "../../src/package/write.js";
import { buildAgreement } from "../../src/pipeline.js";
import { loadAgreement } from "../../src/validate/index.js";

vi.mock("../../src/load/source.js", async (original) => {
  const actual = await original<typeof import("../../src/load/source.js")>();
  return { ...actual, parseSource: vi.fn(actual.parseSource) };
});

const dir = new URL("../../agreements/stockholm-brottsofferstod-2025", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "iop-previous-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("manifestBaseline", () => {
  it("should parse a bilaga's recorded YAML only when its log or old version is asked for", async () => {
    const built = await buildAgreement(dir, new Set(["md"]));
    expect(built.files).toBeDefined();
    await writeFolderAtomically(join(out, built.id as string), built.files ?? []);
    const { previous } = await readPreviousBuild(join(out, built.id as string));
    const { agreement } = await loadAgreement(dir);
    if (!previous || !agreement) throw new Error("no previous build or agreement");

    const parseSource = vi.mocked(source.parseSource);
    parseSource.mockClear();
    const baseline = manifestBaseline(previous, agreement);
    expect([...baseline.keys()]).toEqual(["bilaga-1", "bilaga-2", "bilaga-3"]);
    expect(parseSource).not.toHaveBeenCalled();

    const bilaga1 = baseline.get("bilaga-1");
    const current = agreement.bilagor.find((b) => b.data.nummer === 1);
    expect(bilaga1?.log()).toEqual(current?.data.ändringslogg);
    expect(parseSource).toHaveBeenCalledTimes(1);
    // The old version reuses the parsed bilaga and parses the agreement's recorded YAML.
    expect(bilaga1?.load()?.tree.name).toBe("bilaga-1");
    expect(parseSource).toHaveBeenCalledTimes(2);
  });
});

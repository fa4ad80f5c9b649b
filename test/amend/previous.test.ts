/**
 * The baseline read from a previous build's manifest (src/amend/previous.ts): a bilaga's recorded
 * YAML is parsed only when the build needs it, which is when the bilaga's data has changed, and
 * what is made of it is kept with the previous build for the next save of `iop watch`.
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
    const { previous, agreement } = await previousAndAgreement();
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

  it("should keep the parsed texts and old versions of a previous build for the next build (iop watch)", async () => {
    const { previous, agreement } = await previousAndAgreement();
    const parseSource = vi.mocked(source.parseSource);
    const first = manifestBaseline(previous, agreement).get("bilaga-1")?.load();
    expect(first?.tree.name).toBe("bilaga-1");
    parseSource.mockClear();

    // The next save: the same previous build, the other bilagor the same files (the source cache).
    const again = manifestBaseline(previous, agreement).get("bilaga-1");
    expect(again?.log()).toEqual(agreement.bilagor[0]?.data.ändringslogg);
    expect(again?.load()).toBe(first);
    expect(parseSource).not.toHaveBeenCalled();

    // The files read anew, as after an edit of another bilaga: other objects, so the old version
    // is built again beside them.
    const { agreement: reread } = await loadAgreement(dir);
    if (!reread) throw new Error("no agreement");
    parseSource.mockClear();
    const rebuilt = manifestBaseline(previous, reread).get("bilaga-1")?.load();
    expect(rebuilt).not.toBe(first);
    expect(rebuilt?.tree).toEqual(first?.tree);
    expect(rebuilt?.agreement.bilagor.map((b) => b.file)).toContain(reread.bilagor[1]?.file);
    expect(parseSource).not.toHaveBeenCalled();
  });
});

/** A previous build of Stockholm 2025 (Markdown only) and the agreement loaded. */
async function previousAndAgreement() {
  const built = await buildAgreement(dir, new Set(["md"]));
  expect(built.files).toBeDefined();
  const target = join(out, built.id as string);
  await writeFolderAtomically(target, built.files ?? []);
  const { previous } = await readPreviousBuild(target);
  const { agreement } = await loadAgreement(dir);
  if (!previous || !agreement) throw new Error("no previous build or agreement");
  return { previous, agreement };
}

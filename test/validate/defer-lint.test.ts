/**
 * The lint's warnings run later (`deferLint`, src/validate/index.ts): `iop build` runs them once it
 * has handed its documents to the PDF helper, and reports the same diagnostics in the same order
 * as when they ran with the validation.
 */
import { describe, expect, it, vi } from "vitest";
import type { PdfHelper } from "../../src/helper/index.js";
import { buildAgreement } from "../../src/pipeline.js";
import { loadAgreement } from "../../src/validate/index.js";
import { AGREEMENT, writeAgreement } from "../helpers/fixture.js";

/** What happened, in order: a document sent to the PDF helper, or the lint's warnings run. */
const events: string[] = [];
vi.mock("../../src/lint/index.js", async (original) => {
  const real = await original<typeof import("../../src/lint/index.js")>();
  return {
    ...real,
    lintAgreement: (...args: Parameters<typeof real.lintAgreement>) => {
      const lint = real.lintAgreement(...args);
      return {
        ...lint,
        warnings: () => {
          events.push("lint");
          return lint.warnings();
        },
      };
    },
  };
});

/** The fixture without its switch-offs: the lint warns of the sections it lacks. */
const unlinted = () => {
  const yaml = AGREEMENT.replace(/^avstängda_regler:\n(?: {2}.*\n)+/m, "");
  if (yaml === AGREEMENT) throw new Error("the fixture's switch-offs changed");
  return writeAgreement({ "overenskommelse.yaml": yaml });
};
const lintRules = (ds: { rule: string }[]) => ds.filter((d) => d.rule.startsWith("saknat-avsnitt"));

describe("deferred lint warnings", () => {
  it("are the warnings that would end the diagnostics, run when asked for", async () => {
    const dir = unlinted();
    const now = await loadAgreement(dir);
    events.length = 0;
    const later = await loadAgreement(dir, undefined, { deferLint: true });
    expect(events).toEqual([]);
    expect(later.agreement).toBeDefined();
    const warnings = later.lintWarnings?.() ?? [];
    expect(events).toEqual(["lint"]);
    expect(lintRules(warnings).length).toBeGreaterThan(0);
    expect([...later.diagnostics, ...warnings]).toEqual(now.diagnostics);
  });

  it("run at once when there are errors (there is nothing to build)", async () => {
    const yaml = AGREEMENT.replace(/^avstängda_regler:\n(?: {2}.*\n)+/m, "").replace(
      /^id: .*$/m,
      "id: 42",
    );
    const dir = writeAgreement({ "overenskommelse.yaml": yaml });
    const later = await loadAgreement(dir, undefined, { deferLint: true });
    expect(later.agreement).toBeUndefined();
    expect(later.lintWarnings).toBeUndefined();
    expect(lintRules(later.diagnostics).length).toBeGreaterThan(0);
    expect(later.diagnostics).toEqual((await loadAgreement(dir)).diagnostics);
  });

  it("run in iop build after every document went to the PDF helper, in the same order as iop check's", async () => {
    const dir = unlinted();
    const checked = await loadAgreement(dir);
    const helper: PdfHelper = {
      render: (request) => {
        events.push(`helper ${request.tree.name}`);
        // The build renders what the helper cannot.
        return Promise.reject(new Error("no helper"));
      },
      close: () => {},
    };
    events.length = 0;
    const built = await buildAgreement(dir, undefined, { pdfHelper: helper });
    expect(events.at(-1)).toBe("lint");
    expect(events.filter((e) => e.startsWith("helper")).length).toBe(events.length - 1);
    expect(events.length).toBeGreaterThan(1);
    expect(built.diagnostics.slice(0, checked.diagnostics.length)).toEqual(checked.diagnostics);
  });
});

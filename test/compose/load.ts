import { fileURLToPath } from "node:url";
import type { Agreement } from "../../src/model.js";
import { loadAgreement } from "../../src/validate/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The example agreements in agreements/. */
export const EXAMPLES = [
  "stockholm-brottsofferstod-2025",
  "stockholm-brottsofferstod-2022",
  "kalmar-brottsofferstod-2018",
] as const;

async function load(dir: string): Promise<Agreement> {
  const { agreement, diagnostics } = await loadAgreement(dir);
  if (!agreement) throw new Error(`${dir} does not load: ${JSON.stringify(diagnostics)}`);
  return agreement;
}

/** An example agreement from agreements/. */
export const loadExample = (id: (typeof EXAMPLES)[number]): Promise<Agreement> =>
  load(`${root}agreements/${id}`);

/** A fixture agreement from test/compose/fixtures/ or test/document/fixtures/. */
export const loadFixture = (path: string): Promise<Agreement> => load(`${root}test/${path}`);

/** A deep copy, for tests that change data in memory (past validation). */
export const copy = (agreement: Agreement): Agreement => ({
  ...agreement,
  data: structuredClone(agreement.data),
  bilagor: agreement.bilagor.map((b) => ({ ...b, data: structuredClone(b.data) })),
});

/** Text that must never appear in a composed document. */
export const GARBAGE = /undefined|NaN|\[object Object\]|Error!|\{\{|\}\}|\bnull\b/;

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { LINT_RULES } from "../../src/lint/index.js";
import { loadAgreement } from "../../src/validate/index.js";

const AGREEMENTS = new URL("../../agreements/", import.meta.url).pathname;
const SEEDS = [
  "kalmar-brottsofferstod-2018",
  "stockholm-brottsofferstod-2022",
  "stockholm-brottsofferstod-2025",
];
const isLint = (rule: string) => LINT_RULES.some((r) => rule === r || rule.startsWith(`${r}-`));

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of a seed whose overenskommelse.yaml has `avstängda_regler` changed by `edit`. */
function copyWith(seed: string, edit: (list: { regel: string }[]) => void): string {
  const root = mkdtempSync(join(tmpdir(), "iop-lint-"));
  temps.push(root);
  const dir = join(root, seed);
  cpSync(join(AGREEMENTS, seed), dir, { recursive: true });
  const file = join(dir, "overenskommelse.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  const list = doc.toJS().avstängda_regler as { regel: string }[];
  edit(list);
  if (list.length === 0) doc.delete("avstängda_regler");
  else doc.set("avstängda_regler", list);
  writeFileSync(file, doc.toString());
  return dir;
}

describe("the example agreements and the drafting lint", () => {
  it.each(SEEDS)(
    "%s: no lint warning, because each rule its signed wording breaks is switched off with a reason",
    async (seed) => {
      const { diagnostics } = await loadAgreement(join(AGREEMENTS, seed));
      expect(diagnostics.filter((d) => isLint(d.rule))).toEqual([]);
      expect(diagnostics.filter((d) => d.severity === "fel")).toEqual([]);
    },
  );

  it.each(SEEDS)("%s: every switch-off is needed (without it, its rule warns)", async (seed) => {
    const text = readFileSync(join(AGREEMENTS, seed, "overenskommelse.yaml"), "utf8");
    const rules = (parseDocument(text).toJS().avstängda_regler as { regel: string }[]).map(
      (e) => e.regel,
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const dir = copyWith(seed, (list) =>
        list.splice(
          list.findIndex((e) => e.regel === rule),
          1,
        ),
      );
      const { diagnostics } = await loadAgreement(dir);
      expect(diagnostics.filter((d) => d.rule === rule).length, rule).toBeGreaterThan(0);
    }
  });
});

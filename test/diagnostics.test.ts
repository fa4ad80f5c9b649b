import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AMEND_RULE_IDS } from "../src/amend/rule-ids.js";
import { COMPOSE_RULE_IDS } from "../src/compose/rule-ids.js";
import { type RuleId, sortDiagnostics } from "../src/diagnostics.js";
import { DOCUMENT_RULE_IDS } from "../src/document/rule-ids.js";
import { LINT_RULE_IDS } from "../src/lint/rule-ids.js";
import { LOAD_RULE_IDS } from "../src/load/rule-ids.js";
import { RENDER_RULE_IDS } from "../src/render/rule-ids.js";
import { SCHEMA_KEYWORDS, VALIDATE_RULE_IDS } from "../src/validate/rule-ids.js";

/** Every rule id each stage declares; `RuleId` is their union, so a diagnostic can use no other. */
const declared: readonly RuleId[] = [
  ...LOAD_RULE_IDS,
  ...VALIDATE_RULE_IDS,
  ...LINT_RULE_IDS,
  ...COMPOSE_RULE_IDS,
  ...DOCUMENT_RULE_IDS,
  ...AMEND_RULE_IDS,
  ...RENDER_RULE_IDS,
];

const regler = readFileSync(new URL("../docs/regler.md", import.meta.url), "utf8");
/** The ids docs/regler.md explains: the first cell of each table row. */
const documented = [...regler.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1] as string);

describe("rule ids", () => {
  it("should have each id declared once", () => {
    expect(declared.filter((id, i) => declared.indexOf(id) !== i)).toEqual([]);
  });

  it("should document every id a user can meet in docs/regler.md, in Swedish", () => {
    expect(declared.filter((id) => !documented.includes(id))).toEqual([]);
  });

  it("should document no id that no stage declares (a renamed or removed rule)", () => {
    expect(documented.filter((id) => !(declared as readonly string[]).includes(id))).toEqual([]);
  });

  it("should declare every JSON Schema keyword the schemas use (each is a schema-<keyword> id)", () => {
    const ignored = new Set([
      "$ref",
      "$schema",
      "$id",
      "$defs",
      "title",
      "description",
      "examples",
      "default",
      "items",
      "properties",
      "patternProperties",
      "markdownDescription",
    ]);
    const used = new Set<string>();
    for (const name of ["overenskommelse", "bilaga", "gemensam"]) {
      const schema = JSON.parse(
        readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), "utf8"),
      );
      const walk = (node: unknown, inProperties: boolean): void => {
        if (Array.isArray(node)) for (const item of node) walk(item, false);
        else if (node && typeof node === "object") {
          for (const [key, value] of Object.entries(node)) {
            if (!inProperties && !ignored.has(key)) used.add(key);
            walk(value, key === "properties" || key === "$defs" || key === "patternProperties");
          }
        }
      };
      walk(schema, false);
    }
    const keywords = SCHEMA_KEYWORDS as readonly string[];
    expect([...used].filter((k) => !keywords.includes(k))).toEqual([]);
  });
});

describe("sortDiagnostics", () => {
  it("orders files as Swedish does, whatever the machine's locale (å, ä, ö after z)", () => {
    const at = (file: string, line = 1) =>
      ({ file, line, col: 1, severity: "varning", message: "m", rule: "uppgift-saknas" }) as const;
    const files = ["ö.yaml", "b.yaml", "å.yaml", "z.yaml", "ä.yaml", "a.yaml"];
    const sorted = sortDiagnostics([...files.map((f) => at(f, 2)), at("z.yaml", 1)]);
    expect(sorted.map((d) => `${d.file}:${d.line}`)).toEqual([
      "a.yaml:2",
      "b.yaml:2",
      "z.yaml:1",
      "z.yaml:2",
      "å.yaml:2",
      "ä.yaml:2",
      "ö.yaml:2",
    ]);
  });
});

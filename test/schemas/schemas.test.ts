import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generate } from "../../scripts/gen-types.mjs";

const dir = new URL("../../schemas/", import.meta.url);
const schemas = readdirSync(dir).filter((f) => f.endsWith(".schema.json"));

/** Visits every property definition (`properties.<name>`) with its path. */
function properties(
  node: unknown,
  path: string,
  visit: (def: Record<string, unknown>, path: string) => void,
) {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) properties(n, `${path}/${i}`, visit);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "properties" && v && typeof v === "object") {
        for (const [name, def] of Object.entries(v)) {
          if (def && typeof def === "object")
            visit(def as Record<string, unknown>, `${path}/properties/${name}`);
        }
      }
      properties(v, `${path}/${k}`, visit);
    }
  }
}

describe("schemas", () => {
  it("should keep src/schemas/types.generated.ts in sync with the schemas", async () => {
    const current = readFileSync(
      new URL("../../src/schemas/types.generated.ts", import.meta.url),
      "utf8",
    );
    expect(current, "run npm run gen:types").toBe(await generate());
  });

  for (const file of schemas) {
    it(`should give every property of ${file} a Swedish description`, () => {
      const schema = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
      const missing: string[] = [];
      properties(schema, "#", (def, path) => {
        // A property that is only a `$ref` takes the description of its target.
        const described = typeof def.description === "string" && def.description.length > 3;
        const onlyRef = typeof def.$ref === "string" && Object.keys(def).length === 1;
        if (!described && !onlyRef) missing.push(path);
      });
      expect(missing).toEqual([]);
    });

    it(`should forbid unknown keys in every object of ${file}`, () => {
      const open: string[] = [];
      const visit = (node: unknown, path: string) => {
        if (Array.isArray(node)) {
          for (const [i, n] of node.entries()) visit(n, `${path}/${i}`);
        } else if (node && typeof node === "object") {
          const o = node as Record<string, unknown>;
          if (o.properties && o.additionalProperties !== false && o.unevaluatedProperties !== false)
            open.push(path);
          for (const [k, v] of Object.entries(o)) visit(v, `${path}/${k}`);
        }
      };
      visit(JSON.parse(readFileSync(new URL(file, dir), "utf8")), "#");
      expect(open).toEqual([]);
    });
  }
});

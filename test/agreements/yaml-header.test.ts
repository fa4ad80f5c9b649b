import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../agreements/", import.meta.url));
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const files = folders.flatMap((f) =>
  readdirSync(join(root, f))
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => join(root, f, n)),
);

const HEADER = /^# yaml-language-server: \$schema=(\S+)$/;
const schemaFor = (file: string) =>
  file.endsWith("overenskommelse.yaml") ? "overenskommelse.schema.json" : "bilaga.schema.json";

describe("agreements/ YAML files", () => {
  it("should hold the three example agreements", () => {
    expect(folders.sort()).toEqual([
      "kalmar-brottsofferstod-2018",
      "stockholm-brottsofferstod-2022",
      "stockholm-brottsofferstod-2025",
    ]);
  });

  it("should name every file overenskommelse.yaml or bilaga-N.yaml", () => {
    const names = files.map((f) => f.slice(root.length));
    expect(
      names.filter((n) => !/^[^/]+\/(overenskommelse|bilaga-[1-9]\d*)\.yaml$/.test(n)),
    ).toEqual([]);
  });

  for (const file of files) {
    const name = file.slice(root.length);

    it(`should start ${name} with the $schema line of its schema`, () => {
      const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
      expect(first).toBe(`# yaml-language-server: $schema=../../schemas/${schemaFor(file)}`);
    });

    it(`should point ${name} at a schema file that exists`, () => {
      const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
      const target = HEADER.exec(first)?.[1];
      expect(target).toBeDefined();
      expect(existsSync(resolve(dirname(file), target ?? ""))).toBe(true);
    });
  }
});

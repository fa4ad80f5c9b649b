/**
 * The bundle's docx with its class fields assigned (scripts/docx-fields.mjs): the Word renderer
 * with it gives the bytes of the renderer with docx as installed, for every agreement, fixture and
 * redline; its components have the same own properties, in the same order, with the same
 * descriptors; and the rewrite refuses what it cannot prove equivalent.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { docxFields } from "../../scripts/docx-fields.mjs";
import { renders } from "../render/docx/renders.js";

type Docx = typeof import("docx");
type Render = typeof import("../../src/render/docx/index.js").renderDocx;

const require = createRequire(import.meta.url);
const docxPath = join(require.resolve("docx").replace(/[\\/]dist[\\/].*$/, ""), "dist/index.mjs");
const original = readFileSync(docxPath, "utf8");
const dir = mkdtempSync(join(tmpdir(), "iop-docx-fields-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const patched = docxFields(original) as string;
const patchedPath = join(dir, "index.mjs");
writeFileSync(patchedPath, patched);
const loadPatched = async (): Promise<Docx> => import(pathToFileURL(patchedPath).href);

/** Every own property of `value` and of the objects in it, with its descriptor, in order. */
function shape(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value !== "object" || value === null || seen.has(value)) return typeof value;
  seen.add(value);
  return Reflect.ownKeys(value).map((key) => {
    const d = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    return [String(key), d.enumerable, d.configurable, d.writable, shape(d.value, seen)];
  });
}

describe("docx-fields (the bundle's docx patch, scripts/docx-fields.mjs)", () => {
  it("should assign the fields set in constructors and leave no field to the helper", () => {
    expect(original.match(/_defineProperty\(\s*this,/g)?.length).toBeGreaterThan(200);
    expect(patched).not.toMatch(/_defineProperty\(\s*this,/);
    expect(patched).toMatch(/\(this\.rootKey =\s*void 0\s*\);/);
    expect(patched).toContain('typeof r === "string" ? r : toPropertyKey(r)');
  });

  it("should keep the helper for a field named like a getter, and refuse a field whose value is used", () => {
    const helper =
      "function _defineProperty(e, r, t) {\n\treturn (r = toPropertyKey(r)) in e ? 1 : 2;\n}\n";
    const accessor = `${helper}class A { get size() {} }\nclass B { constructor() { _defineProperty(this, "size", 1); _defineProperty(this, "root", 2); } }`;
    expect(docxFields(accessor)).toContain('_defineProperty(this, "size", 1); (this.root = 2);');
    const used = `${helper}class B { constructor() { x = _defineProperty(this, "a", 1); } }`;
    expect(() => docxFields(used)).toThrow(/value may be used/);
    expect(() => docxFields("class A {}")).toThrow(/helper not found/);
  });

  it("should make components with the same own properties, in the same order", async () => {
    const docx = await import("docx");
    const fast = await loadPatched();
    const make = (d: Docx) =>
      new d.Document({
        sections: [
          {
            children: [
              new d.Paragraph({
                heading: d.HeadingLevel.HEADING_1,
                children: [new d.TextRun({ text: "Rubrik", bold: true, color: "FF0000" })],
              }),
              new d.Table({
                rows: [new d.TableRow({ children: [new d.TableCell({ children: [] })] })],
              }),
            ],
          },
        ],
      });
    expect(shape(make(fast))).toEqual(shape(make(docx)));
  });

  it("should give every agreement, fixture and redline the bytes of docx as installed", async () => {
    const all = await renders();
    vi.resetModules();
    let loaded = 0;
    vi.doMock("docx", () => {
      loaded++;
      return loadPatched();
    });
    const fast = (await import("../../src/render/docx/index.js")).renderDocx as Render;
    vi.doUnmock("docx");
    vi.resetModules();
    const own = (await import("../../src/render/docx/index.js")).renderDocx as Render;
    expect(loaded).toBe(1); // the renderer compared runs on the patched docx
    for (const { name, tree, options } of all) {
      const [a, b] = [await fast(tree, options), await own(tree, options)];
      expect(Buffer.from(a).equals(Buffer.from(b)), name).toBe(true);
    }
  });
});

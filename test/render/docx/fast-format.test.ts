/**
 * docx's compile with the fast formatting (src/render/docx/fast-format.ts, xml-text.ts) gives
 * exactly the bytes of docx's own: for every agreement, fixture and redline, with no part kept
 * between documents (so every part, styles and numbering too, goes through it), and for edge
 * cases docx's writer handles in its own way (escaping, control characters, empty elements,
 * attributes without a value, text between elements, arrays, nameless elements, CDATA).
 */

import {
  Document,
  ExternalHyperlink,
  NextAttributeComponent,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
} from "docx";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileFast } from "../../../src/render/docx/fast-format.js";
import { renders } from "./renders.js";

type Render = typeof import("../../../src/render/docx/index.js").renderDocx;
type Pack = typeof import("../../../src/render/docx/package.js").packDocument;

const keepNothing = () => ({ shareParts: () => () => {} });
const docxOwn = () => ({ compileFast: (_: unknown, compile: () => unknown) => compile() });

/** A new instance of the renderer's module `path`, keeping no part, fast or with docx's own. */
async function fresh<T>(path: string, fast: boolean): Promise<T> {
  vi.resetModules();
  vi.doMock("../../../src/render/docx/shared-parts.js", keepNothing);
  if (!fast) vi.doMock("../../../src/render/docx/fast-format.js", docxOwn);
  else vi.doUnmock("../../../src/render/docx/fast-format.js");
  return (await import(path)) as T;
}

afterEach(() => {
  vi.doUnmock("../../../src/render/docx/shared-parts.js");
  vi.doUnmock("../../../src/render/docx/fast-format.js");
});

/** The part names and texts of a package whose parts differ from another's, for a clear failure. */
function differentParts(a: Uint8Array, b: Uint8Array): string[] {
  const [x, y] = [unzipSync(a), unzipSync(b)];
  const names = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...names].filter((n) => !Buffer.from(x[n] ?? []).equals(Buffer.from(y[n] ?? [])));
}

describe("fast formatting of docx's compile (src/render/docx/fast-format.ts)", () => {
  it("should give every agreement, fixture and redline the bytes of docx's own compile", async () => {
    const all = await renders();
    expect(all.length).toBeGreaterThan(20);
    const path = "../../../src/render/docx/index.js";
    const fast = (await fresh<{ renderDocx: Render }>(path, true)).renderDocx;
    const own = (await fresh<{ renderDocx: Render }>(path, false)).renderDocx;
    for (const { name, tree, options } of all) {
      const [a, b] = [await fast(tree, options), await own(tree, options)];
      expect(differentParts(a, b), name).toEqual([]);
      expect(Buffer.from(a).equals(Buffer.from(b)), name).toBe(true);
    }
  });

  /** A component that formats to `xml` as it is, for what docx's own components never give. */
  class Formatted extends XmlComponent {
    constructor(private readonly xml: unknown) {
      super("iop:test");
    }
    override prepForXml(): never {
      return this.xml as never;
    }
  }

  class Attributes extends XmlAttributeComponent<Record<string, string>> {
    protected override readonly xmlKeys = { val: "w:val", none: "w:none" };
  }

  /** An element with the attribute components' edge cases, and children. */
  class Element extends XmlComponent {
    constructor(name: string, children: unknown[]) {
      super(name);
      this.root.push(
        new Attributes({ val: "a&b", none: undefined, other: 0, flag: false } as never),
        new NextAttributeComponent({
          a: { key: "w:a", value: 1 },
          b: { key: "w:b", value: undefined as unknown as string },
          c: { key: "w:a", value: "second" },
          d: { key: "toString", value: "t" },
        }),
        ...(children as XmlComponent[]),
      );
    }
  }

  const TEXT = `&<>"' a\u0001b\u000bc\u000cd\te\nf\rg\u001fh\u007fi å€😀`;

  /** A document with every edge case in its body, header-free, as the renderer packs it. */
  const edgeCases = () =>
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun(TEXT), new TextRun({ text: "" })] }),
            new Paragraph({}),
            new Paragraph({
              children: [
                new ExternalHyperlink({
                  link: "https://x.se/?a=1&b=<2>",
                  children: [new TextRun(TEXT)],
                }),
              ],
            }),
            new Table({
              rows: [new TableRow({ children: [new TableCell({ children: [] })] })],
            }),
            new Element("w:edge", [
              TEXT,
              new Formatted({ "w:mixed": ["before", { "w:t": "x" }, "after", { "w:t": "y" }] }),
              new Formatted({ "w:texts": ["a", undefined] }),
              new Formatted({ "w:empty": [] }),
              new Formatted({ "w:null": null }),
              new Formatted({ "w:sealed": {} }),
              new Formatted({ "w:attrs": { _attr: { "w:n": 1.5, "w:t": true, "w:s": TEXT } } }),
              new Formatted({ "w:late": [{ "w:c": {} }, { _attr: { "w:late": "1" } }, "text"] }),
              new Formatted({ "w:cdata": { _cdata: "a]]>b<&" } }),
              new Formatted({ "w:number": 5 }),
              new Formatted({ "w:undefined": undefined }),
              new Formatted({ "": [{ "w:inNameless": {} }] }),
              new Formatted({ "": {} }),
              new Formatted({ "": { _attr: { "w:x": "1" } } }),
              new Formatted({}),
              new Formatted([{ "w:one": {} }, undefined, { "w:two": { _attr: { "w:v": "'" } } }]),
              new Formatted(undefined),
              ["loose", { "w:loose": {} }],
              new Element("w:inner", []),
            ]) as unknown as Paragraph,
          ],
        },
      ],
    });

  it("should write edge cases of text, attributes and empty elements as docx writes them", async () => {
    const path = "../../../src/render/docx/package.js";
    const fast = (await fresh<{ packDocument: Pack }>(path, true)).packDocument;
    const own = (await fresh<{ packDocument: Pack }>(path, false)).packDocument;
    // docx's core.xml holds the time it is made at; the renderer's is its own (properties.ts).
    const core = { "docProps/core.xml": "<core/>" };
    const [a, b] = [await fast(edgeCases, core), await own(edgeCases, core)];
    expect(differentParts(a, b)).toEqual([]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // The edge cases are there, as docx writes them.
    const body = new TextDecoder().decode(unzipSync(a)["word/document.xml"]);
    // Control characters XML forbids dropped; tab, line feed and carriage return kept.
    expect(body).toContain(`&amp;&lt;&gt;&quot;&apos; abcd\te\nf\rgh\u007fi å€😀`);
    // Attributes: undefined left out, a NextAttributeComponent key given twice keeps its place.
    expect(body).toContain(
      `<w:edge w:val="a&amp;b" other="0" flag="false" w:a="second" toString="t">`,
    );
    // A text replaces the item before it; an empty array is not self-closing, an object is.
    expect(body).toContain(
      "<w:mixed>beforeafter<w:t>y</w:t></w:mixed><w:texts></w:texts><w:empty></w:empty><w:null/><w:sealed/>",
    );
    // Attributes after children, CDATA, numbers, nameless elements, a component's array.
    expect(body).toContain(
      `<w:late w:late="1">text</w:late><w:cdata><![CDATA[a]]]]><![CDATA[>b<&]]></w:cdata><w:number>5</w:number><w:undefined></w:undefined><w:inNameless/>/> w:x="1"/><w:one/>loose<w:loose/>`,
    );
  });

  it("should put back docx's methods after compiling, also when compiling fails", () => {
    const compiler = (Packer as unknown as { compiler: Record<string, Record<string, unknown>> })
      .compiler;
    const methods = () => [
      XmlComponent.prototype.prepForXml,
      XmlAttributeComponent.prototype.prepForXml,
      NextAttributeComponent.prototype.prepForXml,
      compiler.formatter,
      compiler.imageReplacer?.replace,
      compiler.imageReplacer?.getMediaData,
      compiler.numberingReplacer?.replace,
    ];
    const before = methods();
    expect(() =>
      compileFast(compiler, () => {
        expect(XmlComponent.prototype.prepForXml).not.toBe(before[0]);
        throw new Error("failed");
      }),
    ).toThrow("failed");
    expect(methods()).toEqual(before);
    expect(Object.hasOwn(compiler.imageReplacer as object, "replace")).toBe(false);
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFSignature,
  PDFString,
} from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentText } from "../../../src/document/text.js";
import type { DocumentTree } from "../../../src/document/types.js";
import { layoutDocument, renderPdf, textArea } from "../../../src/render/pdf/index.js";
import { needProgram } from "../../helpers/external.js";
import { sampleTree } from "../../helpers/trees.js";
import { tempDir } from "../../sign/helpers.js";
import { pdfOptions } from "./fixtures/options.js";
import { longTree } from "./fixtures/trees.js";
import { addedText, interleaves } from "./helpers.js";

const tmp = tempDir("iop-pdf-");
afterAll(() => tmp.remove());

const run = (program: string, args: string[]) =>
  spawnSync(program, args, { encoding: "utf8", cwd: tmp.dir });

interface Rendered {
  tree: DocumentTree;
  pdf: Uint8Array;
  path: string;
}
const rendered: Record<"sample" | "long" | "plain" | "redline", Rendered> = {} as never;

/** A redline: inserted and deleted words, and a deleted paragraph. */
const redline = (): DocumentTree => {
  const t = sampleTree();
  t.children.splice(1, 0, {
    type: "paragraph",
    change: "del",
    children: [{ type: "text", value: "Ett borttaget stycke." }],
  });
  t.children.splice(2, 0, {
    type: "paragraph",
    children: [
      { type: "text", value: "Ersättningen är " },
      { type: "change", kind: "del", children: [{ type: "text", value: "800 000 kr" }] },
      { type: "change", kind: "ins", children: [{ type: "text", value: "830 000 kr" }] },
      { type: "text", value: "." },
    ],
  });
  return t;
};

beforeAll(async () => {
  const cases = {
    sample: [sampleTree(), pdfOptions],
    long: [longTree(), pdfOptions],
    plain: [sampleTree(), {}],
    redline: [redline(), {}],
  } as const;
  for (const [name, [tree, options]] of Object.entries(cases)) {
    const pdf = await renderPdf(tree, options);
    const path = join(tmp.dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    rendered[name as keyof typeof rendered] = { tree, pdf, path };
  }
});

describe.runIf(needProgram("qpdf"))("PDF output: qpdf", () => {
  it.each(["sample", "long", "plain", "redline"] as const)(
    "should pass qpdf --check (%s)",
    (name) => {
      const result = run("qpdf", ["--check", rendered[name].path]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("No syntax or stream encoding errors found");
    },
  );
});

describe.runIf(needProgram("pdffonts"))("PDF output: fonts", () => {
  it("should embed only subset fonts, with every face used (regular, bold, italic)", () => {
    const out = run("pdffonts", [rendered.sample.path]).stdout;
    const rows = out.trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      // name, type, encoding, emb, sub, uni
      expect(row).toMatch(
        /^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/,
      );
    }
    const names = rows.map((r) => r.split(/\s+/)[0]?.slice(7)).sort();
    expect(names).toEqual(["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"]);
  });
});

describe.runIf(needProgram("pdftotext"))("PDF output: text extraction", () => {
  /** pdftotext of the text area only: the running header and footer are cropped away. */
  const bodyText = (path: string) => {
    const crop = [
      ["-x", textArea.left - 2],
      ["-y", textArea.top - 2],
      ["-W", textArea.width + 4],
      ["-H", textArea.height + 4],
    ].flatMap(([flag, n]) => [flag as string, String(Math.round(n as number))]);
    const result = run("pdftotext", [...crop, path, "-"]);
    expect(result.stderr).toBe("");
    return result.stdout;
  };

  it.each(["sample", "long"] as const)(
    "should give the document's text in reading order (%s)",
    (name) => {
      const { tree, path } = rendered[name];
      const added = addedText(layoutDocument(tree, pdfOptions));
      expect(interleaves(bodyText(path), documentText(tree), added)).toBeNull();
    },
  );

  it("should give title, diarienummer and 'Sida X (Y)' in the running header and footer", () => {
    const pages = run("pdftotext", [rendered.long.path, "-"]).stdout.split("\f").filter(Boolean);
    pages.forEach((text, i) => {
      expect(text).toContain("Dnr 2021/630");
      expect(text).toContain(`Sida ${i + 1} (${pages.length})`);
      expect(text).toContain("Kontrollsumma 3f2a 91c0 77be");
    });
  });

  it("should draw a no-break space as a space: '650 000 kr' reads with plain spaces", () => {
    const text = run("pdftotext", [rendered.sample.path, "-"]).stdout;
    expect(text).toContain("650 000 kr");
    expect(text).not.toContain("\u00a0");
  });
});

describe.runIf(needProgram("pdfdetach"))("PDF output: attachments", () => {
  it("should embed the sources as attachments that pdfdetach extracts byte for byte", () => {
    const out = join(tmp.dir, "detached");
    execFileSync("mkdir", ["-p", out]);
    const result = run("pdfdetach", ["-saveall", "-o", out, rendered.sample.path]);
    expect(result.stderr).toBe("");
    for (const file of pdfOptions.attachments ?? []) {
      expect(new Uint8Array(readFileSync(join(out, file.name)))).toEqual(file.data);
    }
    const list = run("pdfdetach", ["-list", rendered.sample.path]).stdout;
    expect(list).toContain("2 embedded files");
  });

  it("should date the attachments with the document's date, not the clock", async () => {
    const doc = await PDFDocument.load(rendered.sample.pdf);
    const names = doc.catalog.lookup(PDFName.of("Names"), PDFDict);
    const tree = names
      .lookup(PDFName.of("EmbeddedFiles"), PDFDict)
      .lookup(PDFName.of("Names"), PDFArray);
    const spec = tree.lookup(1, PDFDict);
    const file = spec.lookup(PDFName.of("EF"), PDFDict).lookup(PDFName.of("F"));
    const params = (file as unknown as { dict: PDFDict }).dict.lookup(
      PDFName.of("Params"),
      PDFDict,
    );
    expect(params.lookup(PDFName.of("ModDate"), PDFString).asString()).toBe("D:20250325000000Z");
  });
});

describe.runIf(needProgram("pdfinfo"))("PDF output: metadata", () => {
  it("should carry title, author, subject, keywords and the document's date", () => {
    const info = run("pdfinfo", ["-isodates", rendered.sample.path]).stdout;
    const meta = rendered.sample.tree.meta;
    expect(info).toMatch(new RegExp(`^Title:\\s+${meta.title}$`, "m"));
    expect(info).toMatch(new RegExp(`^Author:\\s+${meta.author}$`, "m"));
    expect(info).toMatch(new RegExp(`^Subject:\\s+${meta.subject.replace(/[()]/g, "\\$&")}$`, "m"));
    expect(info).toMatch(/^Keywords:\s+IOP brottsofferstöd bilaga$/m);
    expect(info).toMatch(/^Producer:\s+iop \(pdf-lib\)$/m);
    expect(info).toMatch(/^CreationDate:\s+2025-03-25T00:00:00Z$/m);
    expect(info).toMatch(/^Page size:\s+595.28 x 841.89 pts \(A4\)$/m);
  });

  it("should declare the language sv-SE and show the title in the window bar", async () => {
    const doc = await PDFDocument.load(rendered.sample.pdf);
    expect(doc.catalog.lookup(PDFName.of("Lang"), PDFString).asString()).toBe("sv-SE");
    const prefs = doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
    expect(String(prefs.get(PDFName.of("DisplayDocTitle")))).toBe("true");
  });

  it("should write bookmarks for the numbered headings, nested by depth", async () => {
    const doc = await PDFDocument.load(rendered.sample.pdf);
    const titles = (first: unknown): unknown[] => {
      const out: unknown[] = [];
      let item = first as PDFDict | undefined;
      while (item) {
        const title = item.lookup(PDFName.of("Title"), PDFHexString).decodeText();
        const child = item.lookupMaybe(PDFName.of("First"), PDFDict);
        out.push(child ? [title, titles(child)] : title);
        item = item.lookupMaybe(PDFName.of("Next"), PDFDict);
      }
      return out;
    };
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    expect(titles(outlines.lookup(PDFName.of("First"), PDFDict))).toEqual([
      ["1 Åtagande", ["1.1 Stöd"]],
      "2 Socialförvaltningens ersättning under 12 månader",
      "3 Underskrift",
    ]);
  });
});

describe("PDF output: signature fields", () => {
  it("should have one empty /Sig field per signature block, named after the party, over its line", async () => {
    const doc = await PDFDocument.load(rendered.long.pdf);
    const fields = doc.getForm().getFields();
    const layout = layoutDocument(rendered.long.tree, pdfOptions);
    expect(fields.map((f) => f.getName())).toEqual(layout.signatures.map((s) => s.partyId));
    expect(fields.every((f) => f instanceof PDFSignature)).toBe(true);
    fields.forEach((field, i) => {
      const slot = layout.signatures[i];
      const [widget] = field.acroField.getWidgets();
      const rect = widget?.getRectangle();
      expect(rect).toEqual(slot?.rect);
      expect(widget?.P()).toBe(doc.getPages()[slot?.page ?? -1]?.ref);
    });
  });

  it("should add no form when signature fields are not asked for", async () => {
    const doc = await PDFDocument.load(rendered.plain.pdf);
    expect(doc.catalog.get(PDFName.of("AcroForm"))).toBeUndefined();
  });
});

describe("PDF output: determinism and size", () => {
  const sha = (pdf: Uint8Array) => createHash("sha256").update(pdf).digest("hex");

  it("should give the same bytes for the same input, twice in one process", async () => {
    const again = await renderPdf(longTree(), pdfOptions);
    expect(sha(again)).toBe(sha(rendered.long.pdf));
  });

  it("should give the same bytes under TZ=Asia/Tokyo in a child process", () => {
    const script = join(import.meta.dirname, "fixtures", "render-hash.ts");
    for (const name of ["sample", "long"] as const) {
      const child = spawnSync(process.execPath, ["--import", "tsx", script, name], {
        encoding: "utf8",
        env: { ...process.env, TZ: "Asia/Tokyo" },
      });
      expect(child.stderr).toBe("");
      expect(child.stdout).toBe(sha(rendered[name].pdf));
    }
  });

  it("should draw a copy as a fresh process does after drawing its siblings (shared font programs and pages)", async () => {
    // Copies differ only in the label: the process compresses their repeated pages and font
    // subsets once. A copy drawn after its siblings must equal one drawn by a process that drew
    // nothing before it.
    const label = (k: number) =>
      `Exemplar ${k} av 3 – Brottsofferjouren Västerort ${"x".repeat(k)}`;
    await renderPdf(longTree(), { ...pdfOptions, copyLabel: label(1) });
    await renderPdf(longTree(), { ...pdfOptions, copyLabel: label(2) });
    const third = await renderPdf(longTree(), { ...pdfOptions, copyLabel: label(3) });
    const script = join(import.meta.dirname, "fixtures", "render-hash.ts");
    const child = spawnSync(process.execPath, ["--import", "tsx", script, "long", label(3)], {
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe(sha(third));
  });

  it("should derive the document /ID from the content, and change it with the content", async () => {
    const id = async (pdf: Uint8Array) =>
      String((await PDFDocument.load(pdf)).context.trailerInfo.ID);
    const other = await renderPdf(sampleTree(), { ...pdfOptions, fingerprint: "0000" });
    expect(await id(rendered.sample.pdf)).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/);
    expect(await id(other)).not.toBe(await id(rendered.sample.pdf));
  });

  // The hash of a tree and of an attachment's bytes is kept by object (src/render/pdf/document.ts):
  // another tree or other bytes, with the same name, must still give another /ID.
  it("should change the /ID with the text of the tree and the bytes of an attachment", async () => {
    const id = async (pdf: Uint8Array) =>
      String((await PDFDocument.load(pdf)).context.trailerInfo.ID);
    const options = { ...pdfOptions, signatureFields: false, copyLabel: undefined };
    const [attachment] = pdfOptions.attachments ?? [];
    if (!attachment) throw new Error("pdfOptions has no attachment");
    const withData = (data: Uint8Array) => ({ ...options, attachments: [{ ...attachment, data }] });
    const otherText = sampleTree();
    otherText.children.push({
      type: "paragraph",
      children: [{ type: "text", value: "Ett stycke till." }],
    });
    const first = await id(await renderPdf(sampleTree(), withData(attachment.data)));
    // Equal content in new objects: the same /ID.
    expect(await id(await renderPdf(sampleTree(), withData(attachment.data.slice())))).toBe(first);
    expect(await id(await renderPdf(otherText, withData(attachment.data)))).not.toBe(first);
    const otherBytes = attachment.data.slice();
    otherBytes[0] = (otherBytes[0] as number) ^ 1;
    expect(await id(await renderPdf(sampleTree(), withData(otherBytes)))).not.toBe(first);
  });

  // PDF/A and tagging add about a quarter: the ICC profile, the XMP packet and a structure element
  // per paragraph, list item and table cell.
  it("should keep a ten-page agreement under 150 KB", () => {
    expect(rendered.long.pdf.length).toBeLessThan(150 * 1024);
  });
});

describe.runIf(needProgram("pdftoppm"))("PDF output: rasterising", () => {
  it("should render every page with pdftoppm without a warning", () => {
    const result = run("pdftoppm", ["-png", "-r", "20", rendered.long.path, join(tmp.dir, "page")]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

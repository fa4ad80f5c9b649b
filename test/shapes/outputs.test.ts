import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needProgram } from "../helpers/external.js";
import { convertWithLibreOffice } from "../helpers/libreoffice.js";
import { iop, pdfPages } from "../readers/outputs.js";
import { EXPECTED, FIXTURES, flatten, SHAPES } from "./expected.js";

const out = mkdtempSync(join(tmpdir(), "iop-shapes-out-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const documents = SHAPES.flatMap((shape) =>
  Object.keys(EXPECTED[shape]).map((name) => ({
    shape,
    name,
    phrases: EXPECTED[shape][name] as string[],
    base: join(out, shape, name),
  })),
);

beforeAll(() => {
  const r = iop(["build", FIXTURES, "--out", out]);
  if (r.status !== 0) throw new Error(`iop build failed (${r.status}):\n${r.stderr}`);
}, 120_000);

describe("the shapes built by iop build", () => {
  it("should write every document of every shape, with its signing copies", () => {
    for (const d of documents) {
      for (const ext of ["md", "docx", "pdf"]) {
        expect(existsSync(`${d.base}.${ext}`), `${d.base}.${ext}`).toBe(true);
      }
    }
    // Ten parties signing electronically: one PDF with a field per signatory.
    expect(readdirSync(join(out, "tio-parter", "exemplar"))).toEqual([
      "overenskommelse-elektronisk.pdf",
    ]);
    // A way of signing marked missing is made as paper: one original per party.
    expect(readdirSync(join(out, "saknade-uppgifter", "exemplar"))).toHaveLength(2);
  });

  it.runIf(needProgram("pdftotext"))("should show each shape's data in the PDF", () => {
    for (const d of documents) {
      const text = flatten(pdfPages(`${d.base}.pdf`).join(" "));
      for (const phrase of d.phrases)
        expect(text, `${d.shape}/${d.name}.pdf: ${phrase}`).toContain(phrase);
    }
  });

  it.runIf(needProgram("soffice"))(
    "should show each shape's data in the Word file, as LibreOffice reads it",
    () => {
      const work = mkdtempSync(join(tmpdir(), "iop-shapes-soffice-"));
      try {
        // Every shape has an overenskommelse.docx: copy them under unique names for one run.
        const inputs = documents.map((d) => {
          const file = join(work, `${d.shape}--${d.name}.docx`);
          copyFileSync(`${d.base}.docx`, file);
          return file;
        });
        // One LibreOffice run; it throws when an output is missing or empty.
        const txts = convertWithLibreOffice(inputs, "txt", join(work, "txt"));
        for (const [k, d] of documents.entries()) {
          const path = txts[k] as string;
          const text = flatten(readFileSync(path, "utf8"));
          for (const phrase of d.phrases) {
            expect(text, `${d.shape}/${d.name}.docx: ${phrase}`).toContain(phrase);
          }
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

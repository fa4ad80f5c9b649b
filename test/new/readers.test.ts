import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { needProgram } from "../helpers/external.js";
import { convertWithLibreOffice } from "../helpers/libreoffice.js";
import { pdfPages, run } from "../readers/outputs.js";
import { flat } from "../readers/words.js";
import { NEW_FLAGS } from "./flags.js";

const NAMES = ["overenskommelse", "bilaga-1", "bilaga-2"];
const work = mkdtempSync(join(tmpdir(), "iop-new-readers-"));
const out = join(work, "out", "exempel-iop-2027");

beforeAll(async () => {
  const dir = join(work, "exempel-iop-2027");
  const made = await runCli(["new", dir, ...NEW_FLAGS]);
  if (made.code !== 0) throw new Error(made.stderr);
  const built = await runCli(["build", dir, "--out", join(work, "out")]);
  if (built.code !== 0) throw new Error(built.stderr);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(needProgram("qpdf") && needProgram("pdftotext"))("skeleton PDFs", () => {
  for (const name of NAMES) {
    it(`${name}.pdf passes qpdf --check and extracts with pdftotext`, () => {
      const pdf = join(out, `${name}.pdf`);
      expect(run("qpdf", ["--check", pdf])).toContain("No syntax or stream encoding errors");
      const text = flat(pdfPages(pdf).join("\n"));
      expect(text).toContain("Uppgift saknas.");
      if (name === "overenskommelse") {
        expect(text).toContain("12 Brister och återkrav");
        expect(text).toContain("Föreningen Exempel (organisationsnummer 802490-7720)");
      }
    });
  }
});

describe.runIf(needProgram("soffice"))("skeleton Word files", () => {
  it("open in LibreOffice as Word documents, with their text", () => {
    const txt = join(work, "txt");
    const files = convertWithLibreOffice(
      NAMES.map((n) => join(out, `${n}.docx`)),
      "txt",
      txt,
    );
    NAMES.forEach((name, k) => {
      const text = flat(readFileSync(files[k] as string, "utf8"));
      expect(text).toContain("Uppgift saknas.");
      if (name === "bilaga-2") expect(text).toContain("Bilaga 2, Brottsofferjouren Västerort");
    });
  }, 160_000);
});

import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../../src/package/manifest.js";
import { runIop } from "../../helpers/cli.js";

const root = new URL("../../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "iop-build-"));
const iop = (args: string[], env: Record<string, string> = {}) => runIop(args, { env });
const manifest = (out: string, id: string): Manifest =>
  JSON.parse(readFileSync(join(out, id, "manifest.json"), "utf8"));
const walk = (dir: string, base = ""): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`],
  );

/** Text a reader sees in each output format (Markdown as is, Word document.xml text, PDF content). */
function outputTexts(dir: string): { file: string; text: string }[] {
  return walk(dir).flatMap((file) => {
    const path = join(dir, file);
    if (file.endsWith(".md")) return [{ file, text: readFileSync(path, "utf8") }];
    if (file.endsWith(".docx")) {
      const xml = new TextDecoder().decode(unzipSync(readFileSync(path))["word/document.xml"]);
      return [{ file, text: xml.replace(/<[^>]+>/g, "") }];
    }
    return [];
  });
}

describe("iop build", () => {
  const out = join(work, "out");
  const tokyo = join(work, "out-tokyo");
  let first: ReturnType<typeof iop>;

  beforeAll(() => {
    first = iop(["build", "agreements", "--out", out]);
    iop(["build", "agreements", "--out", tokyo], { TZ: "Asia/Tokyo" });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("should build every example agreement and say so in Swedish", () => {
    expect(first.stderr).toContain("Byggde stockholm-brottsofferstod-2025:");
    expect(first.stderr).toContain("varningar; visa med iop check");
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "kalmar-brottsofferstod-2018",
      "stockholm-brottsofferstod-2022",
      "stockholm-brottsofferstod-2025",
    ]);
  });

  it("should write Markdown, Word and PDF for the agreement and every bilaga, and the copies", () => {
    const files = walk(join(out, "stockholm-brottsofferstod-2025")).sort();
    for (const name of ["overenskommelse", "bilaga-1", "bilaga-2", "bilaga-3"]) {
      for (const ext of ["md", "docx", "pdf"]) expect(files).toContain(`${name}.${ext}`);
    }
    expect(files.filter((f) => f.startsWith("exemplar/overenskommelse-"))).toHaveLength(4);
    for (const n of [1, 2, 3])
      expect(files.filter((f) => f.startsWith(`exemplar/bilaga-${n}-`))).toHaveLength(2);
  });

  it("should list every file with its SHA-256 in manifest.json", () => {
    for (const id of readdirSync(out)) {
      const dir = join(out, id);
      const m = manifest(out, id);
      const listed = m.files.map((f) => f.path);
      expect(listed).toEqual(
        walk(dir)
          .filter((f) => f !== "manifest.json")
          .sort(),
      );
      for (const f of m.files) {
        expect(
          createHash("sha256")
            .update(readFileSync(join(dir, f.path)))
            .digest("hex"),
          f.path,
        ).toBe(f.sha256);
      }
      expect(m.agreement).toBe(id);
    }
  });

  it("should give byte-identical files in another time zone and on a second build", () => {
    const again = join(work, "again");
    iop(["build", "agreements/stockholm-brottsofferstod-2025", "--out", again]);
    for (const id of readdirSync(out)) {
      expect(manifest(tokyo, id), id).toEqual(manifest(out, id));
    }
    expect(manifest(again, "stockholm-brottsofferstod-2025")).toEqual(
      manifest(out, "stockholm-brottsofferstod-2025"),
    );
  });

  it("should never write Error!, undefined, NaN or an unrendered {{ into an output", () => {
    for (const id of readdirSync(out)) {
      for (const { file, text } of outputTexts(join(out, id))) {
        expect(text, `${id}/${file}`).not.toMatch(/Error!|undefined|NaN|\{\{|\[object Object\]/);
      }
    }
  });

  it("should write nothing and keep what out/ had when the input has errors", () => {
    const target = join(work, "kept");
    const broken = join(work, "src", "stockholm-brottsofferstod-2025");
    cpSync(join(root, "agreements/stockholm-brottsofferstod-2025"), broken, { recursive: true });
    const yaml = join(broken, "bilaga-1.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("summa: 830000", "summa: 830001"));
    mkdirSync(join(target, "stockholm-brottsofferstod-2025"), { recursive: true });
    writeFileSync(join(target, "stockholm-brottsofferstod-2025", "gammal.txt"), "kvar");
    const r = iop(["build", broken, "--out", target]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("[budget-summa]");
    expect(r.stderr).toContain("Inget skrevs eftersom det finns fel.");
    expect(readdirSync(target)).toEqual(["stockholm-brottsofferstod-2025"]);
    expect(readdirSync(join(target, "stockholm-brottsofferstod-2025"))).toEqual(["gammal.txt"]);
  });

  it("should build only the formats asked for", () => {
    const only = join(work, "only");
    const r = iop([
      "build",
      "agreements/kalmar-brottsofferstod-2018",
      "--out",
      only,
      "--format",
      "md,docx",
    ]);
    expect(r.status).toBe(0);
    expect(walk(join(only, "kalmar-brottsofferstod-2018")).sort()).toEqual([
      "manifest.json",
      "overenskommelse.docx",
      "overenskommelse.md",
    ]);
    expect(existsSync(join(only, "kalmar-brottsofferstod-2018", "exemplar"))).toBe(false);
  });

  it("should reject an unknown format with exit code 2", () => {
    const r = iop(["build", "agreements/kalmar-brottsofferstod-2018", "--format", "odt"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Okänt format "odt"');
  });
});

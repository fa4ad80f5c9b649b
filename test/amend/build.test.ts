/**
 * `iop build` on an amended bilaga, through the bundled CLI on a temporary copy of the Stockholm
 * 2025 agreement: the change log entry it asks for, the redline it writes, `--only` keeping every
 * other file, `--since` against git; the outputs judged by LibreOffice, pandoc, poppler and qpdf.
 */
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/package/manifest.js";
import { runIop } from "../helpers/cli.js";
import { needProgram } from "../helpers/external.js";
import { fileHashes } from "../helpers/files.js";
import { convertWithLibreOffice } from "../helpers/libreoffice.js";

const root = new URL("../../", import.meta.url).pathname;
const ID = "stockholm-brottsofferstod-2025";
const work = mkdtempSync(join(tmpdir(), "iop-amend-"));
const agreement = join(work, ID);
const bilaga1 = join(agreement, "bilaga-1.yaml");

const iop = (args: string[], env: Record<string, string> = {}) => runIop(args, { cwd: work, env });
/** SHA-256 of every file in an output folder, by path (in path order). */
const hashes = (dir: string): Record<string, string> =>
  Object.fromEntries([...fileHashes(dir)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const manifestOf = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));

const OLD = "    - Hjälp vid myndighetskontakter\n";
const NEW = "    - Hjälp vid myndighetskontakter, även digitalt.\n";
const ENTRY = `
ändringslogg:
  - datum: "2026-03-15"
    beslut: Styrgruppens protokoll 2026-03-15, § 4
    beslutat_av: Styrgruppen
    beskrivning: Stödet vid myndighetskontakter ges även digitalt.
`;
const changeCommitment = () => {
  const text = readFileSync(bilaga1, "utf8");
  expect(text).toContain(OLD);
  writeFileSync(bilaga1, text.replace(OLD, NEW));
};

describe("iop build with an amended bilaga", () => {
  const out = join(work, "out");
  const folder = join(out, ID);
  let original: Record<string, string>;
  let originalManifest: Manifest;
  let missing: ReturnType<typeof iop>;
  let afterMissing: Record<string, string>;
  let amended: ReturnType<typeof iop>;
  let after: Record<string, string>;

  beforeAll(() => {
    cpSync(join(root, "agreements", ID), agreement, { recursive: true });
    expect(iop(["build", ID]).status).toBe(0);
    original = hashes(folder);
    originalManifest = manifestOf(folder);
    // A copy of the first build, to repeat the amendment in another time zone.
    cpSync(out, join(work, "out-tokyo"), { recursive: true });
    changeCommitment();
    missing = iop(["build", ID]);
    afterMissing = hashes(folder);
    appendFileSync(bilaga1, ENTRY);
    amended = iop(["build", ID, "--only", "bilaga-1"]);
    after = hashes(folder);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("should record each document's sources and each bilaga's data hash in the manifest", () => {
    const bilaga = originalManifest.documents.find((d) => d.name === "bilaga-1");
    expect(bilaga?.sources?.map((s) => s.name)).toEqual(["bilaga-1.yaml", "overenskommelse.yaml"]);
    expect(bilaga?.dataSha256).toMatch(/^[0-9a-f]{64}$/);
    const texts = new Map(originalManifest.sources?.map((s) => [s.name, s.text]));
    expect(texts.get("bilaga-1.yaml")).toContain(OLD);
    expect([...texts.keys()]).toEqual([
      "bilaga-1.yaml",
      "bilaga-2.yaml",
      "bilaga-3.yaml",
      "overenskommelse.yaml",
    ]);
  });

  it("should ask for the change log entry at the bilaga's line, in Swedish, and write nothing", () => {
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `${ID}/bilaga-1.yaml:3:1: fel: Bilaga 1 har ändrats sedan den senast byggdes (out/${ID}/manifest.json), men ändringsloggen har ingen ny post. Lägg till nyckeln ändringslogg med en post: datum, beslut, beslutat_av och beskrivning (vad som ändrades). [andringslogg-ny-post]`,
    );
    expect(missing.stderr).not.toMatch(/\bat \w+ \(|Error:/);
    expect(afterMissing).toEqual(original);
  });

  it("should rebuild the bilaga, its copies and its redline, and leave every other file as it was", () => {
    expect(amended.status, amended.stderr).toBe(0);
    expect(amended.stderr).toContain(`Byggde om bilaga-1 i out/${ID}; övriga filer är oförändrade`);
    expect(amended.stderr).toContain(`out/${ID}/bilaga-1-andringar.docx`);
    const rebuilt = (f: string) => f.startsWith("bilaga-1") || f.startsWith("exemplar/bilaga-1-");
    for (const [file, hash] of Object.entries(original)) {
      if (file === "manifest.json") continue;
      if (rebuilt(file)) expect(after[file], file).not.toBe(hash);
      else expect(after[file], file).toBe(hash);
    }
    expect(Object.keys(after).filter((f) => !(f in original))).toEqual([
      "bilaga-1-andringar.docx",
      "bilaga-1-andringar.html",
    ]);
  });

  it("should keep the other documents' manifest entries and list the redline", () => {
    const manifest = manifestOf(folder);
    const others = (m: Manifest) => m.documents.filter((d) => d.name !== "bilaga-1");
    expect(others(manifest)).toEqual(others(originalManifest));
    const otherFiles = (m: Manifest) => m.files.filter((f) => !f.path.includes("bilaga-1"));
    expect(otherFiles(manifest)).toEqual(otherFiles(originalManifest));
    const bilaga = manifest.documents.find((d) => d.name === "bilaga-1");
    expect(bilaga?.redline).toEqual({
      files: ["bilaga-1-andringar.docx", "bilaga-1-andringar.html"],
      against: "manifest.json",
      previousContentSha256: originalManifest.documents.find((d) => d.name === "bilaga-1")
        ?.contentSha256,
    });
    expect(manifest.files.map((f) => f.path)).toContain("bilaga-1-andringar.html");
    const verify = iop(["verify", `out/${ID}`]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  it("should print the change log under Ändringshistorik in the bilaga", () => {
    const md = readFileSync(join(folder, "bilaga-1.md"), "utf8");
    expect(md).toContain("## 7 Ändringshistorik");
    expect(md).toMatch(
      /\| 2026-03-15 +\| Styrgruppens protokoll 2026-03-15, § 4 \| Styrgruppen +\| Stödet vid myndighetskontakter ges även digitalt\. \|/,
    );
  });

  it("should mark the change in the Word redline as a tracked change by iop diff, dated by the decision", () => {
    const xml = new TextDecoder().decode(
      unzipSync(readFileSync(join(folder, "bilaga-1-andringar.docx")))["word/document.xml"],
    );
    const insertions = [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)];
    expect(insertions.map((m) => m[1]?.replace(/<[^>]+>/g, "")).join("|")).toContain(
      "även digitalt",
    );
    expect(insertions[0]?.[0]).toMatch(/w:author="iop diff"/);
    expect(insertions[0]?.[0]).toMatch(/w:date="2026-03-15T00:00:00Z"/);
  });

  it("should open the Word redline with the summary page of the diff's per-document redline", () => {
    const xml = new TextDecoder().decode(
      unzipSync(readFileSync(join(folder, "bilaga-1-andringar.docx")))["word/document.xml"],
    );
    const text = xml.replace(/<w:tab\/>/g, " ").replace(/<[^>]+>/g, "");
    // The first page (untracked): the versions compared and this bilaga's summary items.
    expect(text).toContain("Sammanfattning av ändringarna");
    expect(text).toContain("förra bygget (manifest.json)");
    expect(text).toContain(
      "Åtagande ändrat, Brottsofferjouren Stockholm-Gotland: Hjälp vid myndighetskontakter → Hjälp vid myndighetskontakter, även digitalt.",
    );
    // Headings numbered by Word's own list, not typed.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:numPr>/);
  });

  it("should show the change and the summary on the HTML page", () => {
    const html = readFileSync(join(folder, "bilaga-1-andringar.html"), "utf8");
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(
      'Hjälp vid myndighetskontakter<ins title="Tillagt">, även digitalt.</ins>',
    );
    expect(html).toMatch(/<ins class="block"><h2 [^>]*>.*Ändringshistorik<\/h2><\/ins>/);
    expect(html).toContain("förra bygget (manifest.json)");
    expect(html).toContain(
      "Åtagande ändrat, Brottsofferjouren Stockholm-Gotland: Hjälp vid myndighetskontakter → Hjälp vid myndighetskontakter, även digitalt.",
    );
  });

  it("should give byte-identical files in another time zone", () => {
    const tokyo = iop(["build", ID, "--only", "bilaga-1", "--out", "out-tokyo"], {
      TZ: "Asia/Tokyo",
    });
    expect(tokyo.status, tokyo.stderr).toBe(0);
    expect(hashes(join(work, "out-tokyo", ID))).toEqual(after);
  });

  it("should keep the redline on a later full build while the bilaga stays as amended", () => {
    const again = iop(["build", ID]);
    expect(again.status, again.stderr).toBe(0);
    const now = hashes(folder);
    expect(now["bilaga-1-andringar.docx"]).toBe(after["bilaga-1-andringar.docx"]);
    expect(now["bilaga-1-andringar.html"]).toBe(after["bilaga-1-andringar.html"]);
    expect(now["bilaga-1.pdf"]).toBe(after["bilaga-1.pdf"]);
  });

  it("should rebuild an unchanged bilaga alone, keeping files the manifest does not list", () => {
    const before = hashes(folder);
    writeFileSync(join(folder, "anteckning.txt"), "egen fil\n");
    const r = iop(["build", ID, "--only", "bilaga-2"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("Ändringarna mot förra versionen");
    expect(readFileSync(join(folder, "anteckning.txt"), "utf8")).toBe("egen fil\n");
    const now = hashes(folder);
    delete now["anteckning.txt"];
    // The same data gives the same bytes: nothing changed, the amended bilaga-1 kept its redline.
    expect(now).toEqual(before);
    expect(manifestOf(folder).files.map((f) => f.path)).not.toContain("anteckning.txt");
  });

  it("should document --since and --only in the Swedish help", () => {
    const help = iop(["build", "--help"]).stdout;
    expect(help).toContain("--since REVISION");
    expect(help).toContain("--only bilaga-N");
    expect(help).toContain("bilaga-N-andringar.docx");
  });

  it("should refuse --only without a previous build, for an unknown bilaga, and for a non-bilaga", () => {
    const none = iop(["build", ID, "--only", "bilaga-1", "--out", "out-none"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("--only kräver ett tidigare bygge");
    expect(existsSync(join(work, "out-none"))).toBe(false);
    const unknown = iop(["build", ID, "--only", "bilaga-9"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Välj bland bilaga-1, bilaga-2, bilaga-3");
    const other = iop(["build", ID, "--only", "overenskommelse"]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain("--only tar en bilaga");
  });

  it.runIf(needProgram("soffice"))(
    "should open the Word redline in LibreOffice",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "iop-amend-soffice-"));
      try {
        const [txt] = convertWithLibreOffice([join(folder, "bilaga-1-andringar.docx")], "txt", dir);
        expect(readFileSync(txt as string, "utf8")).toContain(
          "Hjälp vid myndighetskontakter, även digitalt.",
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it.runIf(needProgram("pandoc"))("should show pandoc the insertion in the Word redline", () => {
    const text = execFileSync(
      "pandoc",
      ["--track-changes=all", "-t", "markdown", join(folder, "bilaga-1-andringar.docx")],
      { encoding: "utf8" },
    );
    expect(text).toMatch(/\[, även digitalt\.\]\{\.insertion/);
  });

  it.runIf(needProgram("pdftotext") && needProgram("qpdf"))(
    "should write PDFs of the amended bilaga that qpdf accepts and poppler reads",
    () => {
      for (const pdf of [
        "bilaga-1.pdf",
        "exemplar/bilaga-1-exemplar-2-av-2-bo-stockholm-gotland.pdf",
      ]) {
        execFileSync("qpdf", ["--check", join(folder, pdf)]);
        const text = execFileSync("pdftotext", ["-layout", join(folder, pdf), "-"], {
          encoding: "utf8",
        });
        expect(text).toContain("Ändringshistorik");
        expect(text).toContain("Hjälp vid myndighetskontakter, även digitalt.");
      }
    },
  );
});

describe("iop build --since <rev>", () => {
  const repo = mkdtempSync(join(tmpdir(), "iop-amend-git-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.org",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.org",
      },
    });
  const run = (args: string[]) => runIop(args, { cwd: repo });
  const file = join(repo, ID, "bilaga-1.yaml");

  beforeAll(() => {
    cpSync(join(root, "agreements", ID), join(repo, ID), { recursive: true });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "start");
    writeFileSync(file, readFileSync(file, "utf8").replace(OLD, NEW));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("should compare with the git revision, without any previous build", () => {
    const missing = run(["build", ID, "--since", "HEAD", "--format", "md"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      "bilaga-1.yaml:3:1: fel: Bilaga 1 har ändrats sedan git-versionen HEAD, men ändringsloggen har ingen ny post.",
    );
    appendFileSync(file, ENTRY);
    const done = run(["build", ID, "--since", "HEAD", "--format", "md"]);
    expect(done.status, done.stderr).toBe(0);
    const manifest = manifestOf(join(repo, "out", ID));
    expect(manifest.documents.find((d) => d.name === "bilaga-1")?.redline?.against).toBe("HEAD");
    expect(readFileSync(join(repo, "out", ID, "bilaga-1-andringar.html"), "utf8")).toContain(
      "git-versionen HEAD",
    );
    // The other bilagor did not change: no redline for them.
    expect(existsSync(join(repo, "out", ID, "bilaga-2-andringar.html"))).toBe(false);
  });

  it("should point at the change log when it has no new entry for a further change", () => {
    git("commit", "-qam", "amended");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        "    - Information om rättsprocessen.\n",
        "    - Information om rättsprocessen och om stöd i domstol.\n",
      ),
    );
    const line = text.split("\n").indexOf("ändringslogg:") + 1;
    const r = run(["build", ID, "--since", "HEAD", "--format", "md"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `bilaga-1.yaml:${line}:1: fel: Bilaga 1 har ändrats sedan git-versionen HEAD, men ändringsloggen har ingen ny post. Lägg till en ny post sist i ändringslogg: datum, beslut, beslutat_av och beskrivning (vad som ändrades). [andringslogg-ny-post]`,
    );
  });

  it("should refuse a revision git cannot read", () => {
    const r = run(["build", ID, "--since", "no-such-rev", "--format", "md"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Git-versionen kan inte läsas");
  });
});

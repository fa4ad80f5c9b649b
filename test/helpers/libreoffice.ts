/**
 * The one way tests start LibreOffice, as an independent reader of Word files.
 *
 * - `readWithLibreOffice` opens each file (headless, its own profile), optionally accepts or
 *   rejects every tracked change with LibreOffice's own commands
 *   (`.uno:AcceptAllTrackedChanges` / `.uno:RejectAllTrackedChanges`), and writes what it then
 *   reads: the text (LibreOffice's plain-text export, list and heading numbers included), the
 *   number of rows of each table in the body, and on request the document as PDF or flat ODF. All
 *   files and formats go through one LibreOffice process (a Basic macro run over a job list),
 *   since starting LibreOffice is most of the time.
 * - `convertWithLibreOffice` is `soffice --convert-to` for one format: one start, no macro.
 *
 * Both check that every output exists, since soffice exits 0 even when it cannot read a file.
 * Tests guard themselves with `needProgram("soffice")` (test/helpers/external.ts): skipped locally
 * without LibreOffice, a failure when `CI` is set.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export type Decision = "accept" | "reject" | "none";

/** Extra files LibreOffice can write of what it read: PDF, or flat ODF (lists tracked changes). */
export type Export = "pdf" | "fodt";

export interface Job {
  file: string;
  decision: Decision;
  /** Files to write besides the text, after the decision (none by default). */
  exports?: readonly Export[];
}

export interface Reading {
  /** Non-empty lines of the plain-text export, whitespace collapsed. */
  lines: string[];
  /** Rows of each table in the document body, in order. */
  rows: number[];
  /** The plain-text export as written (UTF-8, LF line ends). */
  txt: string;
  /** Paths of the requested exports. */
  exports: Partial<Record<Export, string>>;
}

const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(jobs As String)
  Dim f As Integer, line As String, parts
  f = FreeFile
  Open jobs For Input As #f
  Do While Not EOF(f)
    Line Input #f, line
    If Len(line) &gt; 0 Then
      parts = Split(line, "|")
      ResolveOne(parts(0), parts(1), parts(2), parts(3))
    End If
  Loop
  Close #f
End Sub

Sub ResolveOne(decision As String, inPath As String, outBase As String, exports As String)
  Dim args(1) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  args(1).Name = "FilterName" : args(1).Value = "MS Word 2007 XML"
  Dim doc
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  Dim dispatcher
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim none() As New com.sun.star.beans.PropertyValue
  If decision = "accept" Then dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, none())
  If decision = "reject" Then dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:RejectAllTrackedChanges", "", 0, none())
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName" : out(0).Value = "Text (encoded)"
  out(1).Name = "FilterOptions" : out(1).Value = "UTF8,LF"
  doc.storeToURL(ConvertToURL(outBase &amp; ".txt"), out())
  Dim filter(0) As New com.sun.star.beans.PropertyValue
  filter(0).Name = "FilterName"
  If InStr(exports, "pdf") &gt; 0 Then
    filter(0).Value = "writer_pdf_Export"
    doc.storeToURL(ConvertToURL(outBase &amp; ".pdf"), filter())
  End If
  If InStr(exports, "fodt") &gt; 0 Then
    filter(0).Value = "OpenDocument Text Flat XML"
    doc.storeToURL(ConvertToURL(outBase &amp; ".fodt"), filter())
  End If
  Dim g As Integer, i As Integer, tables, t
  tables = doc.getTextTables()
  g = FreeFile
  Open outBase &amp; ".rows" For Output As #g
  For i = 0 To tables.getCount() - 1
    t = tables.getByIndex(i)
    If EqualUnoObjects(t.getAnchor().getText(), doc.getText()) Then Print #g, t.getRows().getCount()
  Next i
  Close #g
  doc.close(True)
End Sub
</script:module>
`;

const soffice = (profile: string, args: string[]) =>
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args],
    { stdio: "ignore", timeout: 600_000 },
  );

/**
 * Reads every file with LibreOffice after the given decision, in one LibreOffice run; `dir` is a
 * scratch folder (the profile and the outputs go there). Throws, naming the file, when an output
 * is missing or empty.
 */
export function readWithLibreOffice(dir: string, jobs: readonly Job[]): Reading[] {
  const profile = join(dir, "profile");
  if (!existsSync(join(profile, "user"))) {
    // A fresh profile is filled from LibreOffice's presets on first start, Basic library included;
    // the macro is written over the preset module afterwards.
    soffice(profile, ["--terminate_after_init"]);
  }
  const module = join(profile, "user/basic/Standard/Module1.xba");
  writeFileSync(module, MACRO);
  const outputs = jobs.map((_, k) => join(dir, `reading-${k}`));
  const list = join(dir, "jobs.txt");
  writeFileSync(
    list,
    jobs
      .map(
        (job, k) => `${job.decision}|${job.file}|${outputs[k]}|${(job.exports ?? []).join(",")}\n`,
      )
      .join(""),
  );
  soffice(profile, [`macro:///Standard.Module1.Resolve("${list}")`]);
  return outputs.map((base, k) => {
    const job = jobs[k] as Job;
    const exports = Object.fromEntries((job.exports ?? []).map((e) => [e, `${base}.${e}`]));
    // soffice exits 0 even when it could not read a file: the outputs must exist.
    for (const path of [`${base}.txt`, ...Object.values(exports)]) {
      if (!existsSync(path) || (path !== `${base}.txt` && statSync(path).size === 0)) {
        throw new Error(`LibreOffice wrote no ${path} for ${job.file}`);
      }
    }
    const txt = readFileSync(`${base}.txt`, "utf8").replace(/^\uFEFF/, "");
    return {
      lines: txt
        .split("\n")
        .map((line) => line.split(/\s+/u).filter(Boolean).join(" "))
        .filter((line) => line !== ""),
      rows: readFileSync(`${base}.rows`, "utf8").split(/\s+/).filter(Boolean).map(Number),
      txt,
      exports,
    };
  });
}

/**
 * Converts Word files with LibreOffice into `outdir`, as UTF-8 text (whatever the machine's
 * locale) or PDF, in one run with a throwaway profile, and returns the written files in the order
 * of `files`. soffice exits 0 even when it cannot load a file, so a missing or empty output
 * throws, naming the files.
 */
export function convertWithLibreOffice(
  files: readonly string[],
  format: "txt" | "pdf",
  outdir: string,
): string[] {
  const profile = mkdtempSync(join(tmpdir(), "iop-soffice-"));
  try {
    const r = spawnSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${profile}`,
        // Without it a file LibreOffice cannot read as Word could be opened as plain text.
        "--infilter=MS Word 2007 XML",
        "--convert-to",
        format === "txt" ? "txt:Text (encoded):UTF8" : "pdf",
        "--outdir",
        outdir,
        ...files,
      ],
      { encoding: "utf8", timeout: 150_000 },
    );
    const outputs = files.map((f) => join(outdir, `${basename(f, ".docx")}.${format}`));
    const missing = outputs.filter((f) => !existsSync(f) || statSync(f).size === 0);
    if (r.status !== 0 || missing.length > 0) {
      throw new Error(
        `soffice --convert-to ${format} (exit ${r.status}) did not write:\n${missing.join("\n")}\n${r.stderr}`,
      );
    }
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Makes a folder (and its parents). */
export const folder = (path: string): string => {
  mkdirSync(path, { recursive: true });
  return path;
};

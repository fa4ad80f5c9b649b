import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { BatchResult } from "../../batch/one.js";
import { defaultJobs, runPool } from "../../batch/pool.js";
import { hasErrors } from "../../diagnostics.js";
import { AGREEMENT_FILE } from "../../load/agreement.js";
import { checkOutsideInputs } from "../../package/location.js";
import {
  ensureFolder,
  OutputError,
  prepareFolder,
  recoverLeftovers,
  writeFolderAtomically,
} from "../../package/write.js";
import type { BuildOptions } from "../../pipeline.js";
import { buildAgreement, FORMATS, type Format } from "../../pipeline.js";
import { PDFA_LEVELS, type PdfALevel } from "../../render/pdf/levels.js";
import { parse } from "../args.js";
import type { Io } from "../command.js";
import { type Command, EXIT, type ExitCode, UsageError } from "../command.js";
import { progressBar } from "../progress.js";
import { reportDiagnostics } from "../report.js";
import { BUILD_OPTIONS } from "./build-args.js";

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** An agreement folder, or a folder of agreement folders (`iop build agreements`). */
export async function expand(path: string): Promise<string[]> {
  if (await exists(join(path, AGREEMENT_FILE))) return [path];
  try {
    const names = (await readdir(path)).sort();
    const found: string[] = [];
    for (const name of names) {
      if (await exists(join(path, name, AGREEMENT_FILE))) found.push(join(path, name));
    }
    return found.length > 0 ? found : [path];
  } catch {
    return [path];
  }
}

/** Runs a step on the output folder; a location that cannot be used is a usage error. */
async function usable(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    throw error instanceof OutputError ? new UsageError(error.message) : error;
  }
}

export function parseFormats(value: string): Set<Format> {
  const formats = new Set<Format>();
  for (const f of value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`Okänt format "${f}"; välj bland ${FORMATS.join(", ")}.`);
    }
    formats.add(f as Format);
  }
  if (formats.size === 0) throw new UsageError("Ange minst ett format.");
  return formats;
}

export const build: Command = {
  name: "build",
  summary:
    "bygg överenskommelse och bilagor som Markdown, Word och PDF med exemplar för underskrift",
  help: `Användning: iop build <mapp> [<mapp> …] [--out MAPP] [--format ${FORMATS.join(",")}]
                 [--since REVISION] [--only bilaga-N]

Kontrollerar överenskommelsen och skriver den och varje bilaga till <out>/<id>/:
  <namn>.md, <namn>.docx, <namn>.pdf   dokumentet i Markdown, Word och PDF
  exemplar/                            PDF-exemplar för underskrift (ett per part vid
                                       papperssignering, ett gemensamt vid elektronisk)
  manifest.json                        varje fil med sin SHA-256 och dokumentens innehållshash

<mapp> kan också vara en mapp med flera överenskommelser (t.ex. agreements). Med flera
överenskommelser byggs de samtidigt, en per processorkärna, och var och en skrivs så snart
den är klar; en överenskommelse med fel skrivs inte (dess mapp i <out> behåller det den
hade) men de övriga skrivs, och felen listas. På en terminal visas en förloppsindikator.
För en enda överenskommelse gäller: om något fel hittas skrivs ingenting och <out> behåller
det den hade. <out> får inte vara,
innehålla eller ligga i en indatamapp, och en befintlig <out>/<id> ersätts bara om den
innehåller enbart filer som ett tidigare bygge har skrivit.

Ändrade bilagor: varje bilaga jämförs med versionen i förra bygget (manifest.json i
<out>/<id>/), eller med git-versionen som anges med --since. Om bilagans uppgifter har
ändrats (allt utom ändringsloggen; kommentarer och radbrytningar räknas inte) krävs en ny
post i bilagans ändringslogg med datum, beslut, beslutat_av och beskrivning. Saknas den
blir det ett fel vid bilagans fil. Med en ny post skrivs bilagan med sin ändringshistorik
och ändringarna mot förra versionen bredvid den:
  bilaga-N-andringar.docx              ändringarna som spårade ändringar i Word
  bilaga-N-andringar.html              ändringarna som webbsida

Flaggor:
  --out MAPP        utdatamapp (standard: out)
  --format LISTA    kommaseparerade format: ${FORMATS.join(", ")} (standard: alla)
  --since REVISION  jämför bilagorna med git-versionen REVISION (t.ex. HEAD eller main)
                    i stället för med förra bygget
  --only bilaga-N   bygg bara om bilaga N och dess exemplar; övriga filer i <out>/<id>/
                    och deras rader i manifest.json lämnas som de är (kräver ett tidigare
                    bygge och en enda överenskommelse)
  --pdfa NIVÅ       PDF/A-nivå för alla PDF-filer: 3b (standard; YAML-källfilerna bifogas)
                    eller 2b (för arkiv som bara tar PDF/A-2; utan bifogade källfiler)
  --jobs N          antal överenskommelser som byggs samtidigt (standard: en per
                    processorkärna, men högst en per fyra överenskommelser)
  --warnings        visa varningarna, inte bara hur många de är
  -h, --help        visa denna hjälp

Slutkod: 0 lyckades, 1 fel i indata, 2 felaktig användning eller mapp som inte kan läsas.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, BUILD_OPTIONS);
    if (positionals.length === 0) throw new UsageError("Ange mappen med överenskommelsen.");
    const formats = parseFormats(values.format);
    const pdfa = pdfaOf(values.pdfa);
    const dirs = (await Promise.all(positionals.map(expand))).flat();
    await usable(() => checkOutsideInputs(values.out, [...positionals, ...dirs]));
    const { since, only } = values;
    checkOnly(only, dirs.length);
    const options = {
      out: values.out,
      pdfa,
      ...(since !== undefined ? { since } : {}),
      ...(only !== undefined ? { only } : {}),
    };
    if (dirs.length > 1) {
      return buildMany(
        io,
        dirs,
        formats,
        options,
        jobsOf(values.jobs, dirs.length),
        values.warnings,
      );
    }
    // A single agreement's PDFs are rendered meanwhile by the helper the launcher started.
    const helper = io.pdfHelper ? { pdfHelper: io.pdfHelper } : {};
    return buildOne(io, dirs, formats, { ...options, ...helper }, values.warnings);
  },
};

/** The --pdfa value as a PDF/A level; an unknown one is a usage error. */
export function pdfaOf(value: string): PdfALevel {
  if (!(PDFA_LEVELS as readonly string[]).includes(value)) {
    throw new UsageError(`Okänd PDF/A-nivå "${value}"; välj bland ${PDFA_LEVELS.join(", ")}.`);
  }
  return value as PdfALevel;
}

/** --only names one bilaga and needs exactly one agreement. */
function checkOnly(only: string | undefined, count: number): void {
  if (only !== undefined && !/^bilaga-\d+$/.test(only)) {
    throw new UsageError(`--only tar en bilaga, t.ex. --only bilaga-2, inte "${only}".`);
  }
  if (only !== undefined && count !== 1) {
    throw new UsageError("--only bygger om en bilaga i en enda överenskommelse; ange en mapp.");
  }
}

/** The note after a "Byggde" line telling how many warnings were hidden, or "". */
function warningsNote(warnings: number): string {
  return warnings
    ? ` (${warnings} ${warnings === 1 ? "varning" : "varningar"}; visa med iop check)`
    : "";
}

/** Tells that PDF/A-2b leaves the YAML sources out, when PDFs are made at that level. */
function notePdfA2b(io: Io, formats: ReadonlySet<Format>, pdfa: PdfALevel | undefined): void {
  if (pdfa === "2b" && (formats.has("pdf") || formats.has("exemplar"))) {
    io.stderr("PDF/A-2b: YAML-källfilerna bifogas inte i PDF-filerna (PDF/A-2 tillåter inga).\n");
  }
}

type Built = Awaited<ReturnType<typeof buildAgreement>>;

/** The exit code of single builds: usage before input errors, ok when neither. */
function exitOf(results: Built[]): ExitCode {
  if (results.some((r) => r.usageError)) return EXIT.usage;
  if (results.some((r) => hasErrors(r.diagnostics) || !r.files)) return EXIT.input;
  return EXIT.ok;
}

/**
 * One agreement: built in memory first, so nothing is written when it has errors; every output
 * location is checked before any is written.
 */
async function buildOne(
  io: Io,
  dirs: string[],
  formats: ReadonlySet<Format>,
  options: BuildOptions & { out: string },
  showWarnings: boolean,
): Promise<ExitCode> {
  const results: Built[] = [];
  for (const dir of dirs) results.push(await buildAgreement(dir, formats, options));
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === "fel");
  if (showWarnings || errors.length > 0) {
    reportDiagnostics(io, showWarnings ? diagnostics : errors, "text");
  }
  const code = exitOf(results);
  if (code !== EXIT.ok) {
    io.stderr("Inget skrevs eftersom det finns fel.\n");
    return code;
  }
  notePdfA2b(io, formats, options.pdfa);
  for (const { id, files } of results) {
    if (id) await usable(() => prepareFolder(join(options.out, id), files));
  }
  for (const r of results) await writeBuilt(io, r, options.out, options.only);
  return EXIT.ok;
}

/** Writes one built agreement to its folder in `out` and tells where. */
async function writeBuilt(io: Io, r: Built, out: string, only: string | undefined): Promise<void> {
  if (!r.files || !r.id) return;
  const target = join(out, r.id);
  await usable(() => writeFolderAtomically(target, r.files ?? []));
  const note = warningsNote(r.diagnostics.length);
  const where = shownPath(target);
  io.stderr(
    only
      ? `Byggde om ${only} i ${where}; övriga filer är oförändrade${note}\n`
      : `Byggde ${r.id}: ${r.files.length} filer i ${where}${note}\n`,
  );
  for (const path of r.redlines ?? [])
    io.stderr(`Ändringarna mot förra versionen: ${join(where, path)}\n`);
}

function jobsOf(value: string | undefined, count: number): number {
  if (value === undefined) return defaultJobs(count);
  if (!/^[1-9]\d{0,2}$/.test(value)) {
    throw new UsageError(`--jobs tar ett heltal från 1, inte "${value}".`);
  }
  return Number(value);
}

const shownPath = (target: string) => {
  const shown = relative(process.cwd(), target);
  return shown.startsWith("..") ? target : shown;
};

/**
 * Many agreements: built on a pool of worker processes, each written as soon as it is done.
 * An agreement with errors is not written (its folder keeps what it had) and the others are:
 * a run over a whole country should not lose thousands of valid agreements to one bad one.
 */
async function buildMany(
  io: Io,
  dirs: string[],
  formats: ReadonlySet<Format>,
  options: BuildOptions,
  jobs: number,
  showWarnings: boolean,
): Promise<ExitCode> {
  // The pool's workers render their agreements' PDFs themselves: the PDF helper the launcher
  // started (src/helper/) can go now, not hold its memory through the whole run.
  io.pdfHelper?.close();
  notePdfA2b(io, formats, options.pdfa);
  // The output root is made, and leftovers of killed builds in it recovered, once and before the
  // worker processes start: workers doing it at the same time would race.
  const out = options.out ?? "out";
  await usable(async () => {
    await ensureFolder(out);
    await recoverLeftovers(out);
  });
  const bar = progressBar(io, dirs.length);
  const failed: BatchResult[] = [];
  let written = 0;
  const tasks = dirs.map((dir) => ({ dir, formats: [...formats], options }));
  await runPool(tasks, jobs, (r) => {
    bar.tick();
    reportBatchDiagnostics(io, bar, r, showWarnings);
    if (r.outputError) bar.log(`iop build: ${r.outputError}\n`);
    if (!r.target) {
      failed.push(r);
      bar.log(`Skrev inte ${r.id ?? r.dir} eftersom det finns fel.\n`);
      return;
    }
    written++;
    logWritten(bar, r, r.target);
  });
  bar.done();
  if (failed.length === 0) return EXIT.ok;
  io.stderr(
    `${written} av ${dirs.length} överenskommelser skrevs; ${failed.length} hade fel och skrevs inte: ${failed.map((r) => r.id ?? r.dir).join(", ")}\n`,
  );
  return failed.some((r) => r.usageError) ? EXIT.usage : EXIT.input;
}

type Bar = ReturnType<typeof progressBar>;

/** Shows one pooled agreement's errors (and warnings when asked) above the progress bar. */
function reportBatchDiagnostics(io: Io, bar: Bar, r: BatchResult, showWarnings: boolean): void {
  const errors = r.diagnostics.filter((d) => d.severity === "fel");
  if (!showWarnings && errors.length === 0) return;
  const lines: string[] = [];
  reportDiagnostics(
    { ...io, stderr: (s) => lines.push(s) },
    showWarnings ? r.diagnostics : errors,
    "text",
  );
  bar.log(lines.join(""));
}

/** Tells above the progress bar where a pooled agreement was written. */
function logWritten(bar: Bar, r: BatchResult, target: string): void {
  const note = warningsNote(r.diagnostics.length);
  const where = shownPath(target);
  bar.log(`Byggde ${r.id}: ${r.files} filer i ${where}${note}\n`);
  for (const path of r.redlines ?? []) {
    bar.log(`Ändringarna mot förra versionen: ${join(where, path)}\n`);
  }
}

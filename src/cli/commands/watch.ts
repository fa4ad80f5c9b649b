import { type FSWatcher, watch as watchPath } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { readPreviousBuild } from "../../amend/previous.js";
import { hasErrors } from "../../diagnostics.js";
import { longRun } from "../../jit.js";
import { checkOutsideInputs } from "../../package/location.js";
import type { OutputFile } from "../../package/manifest.js";
import { SyncRecord, syncFolder } from "../../package/sync.js";
import { OutputError } from "../../package/write.js";
import {
  type BuildOptions,
  buildAgreement,
  createBuildCache,
  FORMATS,
  pruneBuildCache,
} from "../../pipeline.js";
import { parse } from "../args.js";
import { type Command, EXIT, type Io, UsageError } from "../command.js";
import { reportDiagnostics } from "../report.js";
import { parseFormats, pdfaOf } from "./build.js";

/** Saves closer together than this are one change (an editor writes a file in several steps). */
const DEBOUNCE_MS = 80;

const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
};

/** The folder and its subfolders (fs.watch is not recursive on Linux in Node 20). */
async function folders(dir: string): Promise<string[]> {
  const out = [dir];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && !entry.name.startsWith(".")) {
      out.push(...(await folders(join(dir, entry.name))));
    }
  }
  return out;
}

export const watch: Command = {
  name: "watch",
  summary: "bygg om överenskommelsen vid varje sparad ändring (förhandsvisning)",
  help: `Användning: iop watch <mapp> [--out MAPP] [--format ${FORMATS.join(",")}] [--pdfa NIVÅ]

Bygger överenskommelsen i <mapp> som iop build gör och bygger sedan om den varje gång en
fil i mappen sparas. Bara de filer i <out>/<id>/ vars innehåll ändrades skrivs om (var och en
atomiskt) och manifest.json sist; en ändrad bilaga rör alltså bara bilagans filer och
manifestet. Felen och varningarna för varje sparning skrivs ut; vid fel skrivs ingenting och
iop watch väntar på nästa sparning. Bilagorna jämförs med bygget som fanns när iop watch
startade. Avsluta med Ctrl-C.

Flaggor:
  --out MAPP        utdatamapp (standard: out)
  --format LISTA    kommaseparerade format: ${FORMATS.join(", ")} (standard: alla)
  --pdfa NIVÅ       PDF/A-nivå: 3b (standard) eller 2b
  -h, --help        visa denna hjälp

Slutkod: 0 när den avslutas med Ctrl-C, 2 vid felaktig användning.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      out: { type: "string", default: "out" },
      format: { type: "string", default: FORMATS.join(",") },
      pdfa: { type: "string", default: "3b" },
    });
    if (positionals.length !== 1) throw new UsageError("Ange en mapp med en överenskommelse.");
    const dir = positionals[0] as string;
    const formats = parseFormats(values.format);
    const pdfa = pdfaOf(values.pdfa);
    try {
      await checkOutsideInputs(values.out, [dir]);
    } catch (error) {
      throw error instanceof OutputError ? new UsageError(error.message) : error;
    }

    longRun(); // every save runs the same code again (src/jit.ts)
    // The build there was when watching started: every save is compared with it.
    let previous: BuildOptions["previous"];
    // Files and documents an edit did not change are not parsed or rendered again.
    const cache = createBuildCache();
    // Output files known to hold their bytes already are not read again.
    const record = new SyncRecord();
    const rebuild = async () => {
      const options: BuildOptions = {
        out: values.out,
        pdfa,
        cache,
        ...(previous ? { previous } : {}),
      };
      const result = await buildAgreement(dir, formats, options);
      pruneBuildCache(cache);
      if (!previous && result.id) previous = await readPreviousBuild(join(values.out, result.id));
      const errors = result.diagnostics.filter((d) => d.severity === "fel");
      reportDiagnostics(io, result.diagnostics, "text");
      if (result.usageError || hasErrors(result.diagnostics) || !result.files || !result.id) {
        io.stderr(`${errorCount(errors.length)}: inget skrevs. Väntar på nästa sparning.\n`);
        return;
      }
      await syncBuilt(io, join(values.out, result.id), result.files, record);
    };

    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let pending = false;
    let stopped = false;
    const run = async (): Promise<void> => {
      if (running) {
        pending = true;
        return;
      }
      running = rebuild()
        .catch((error: unknown) => {
          io.stderr(`Internt fel vid bygget: ${(error as Error).message ?? error}\n`);
        })
        .finally(() => {
          running = undefined;
          if (pending && !stopped) {
            pending = false;
            void run();
          }
        });
      await running;
    };
    const schedule = () => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), DEBOUNCE_MS);
    };

    await run();
    const watchers: FSWatcher[] = [];
    for (const folder of await folders(dir)) {
      watchers.push(
        watchPath(folder, (_event, name) => {
          if (name && !String(name).startsWith(".")) schedule();
        }),
      );
    }
    io.stderr(`Bevakar ${shown(dir)}; avsluta med Ctrl-C.\n`);

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        stopped = true;
        clearTimeout(timer);
        for (const w of watchers) w.close();
        // A build under way finishes its writes before the command ends.
        void Promise.resolve(running).then(() => {
          io.stderr("Slutade bevaka.\n");
          resolve();
        });
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return EXIT.ok;
  },
};

/** "Ett fel" or "N fel". */
const errorCount = (count: number) => (count === 1 ? "Ett fel" : `${count} fel`);

/**
 * Writes the files that changed to the agreement's output folder and tells which; a location
 * that cannot be used is told and watching goes on.
 */
async function syncBuilt(
  io: Io,
  target: string,
  files: readonly OutputFile[],
  record: SyncRecord,
): Promise<void> {
  try {
    const { written, removed } = await syncFolder(target, files, record);
    if (written.length === 0 && removed.length === 0) {
      io.stderr(`Inga filer ändrades i ${shown(target)}.\n`);
    } else {
      io.stderr(
        `Skrev ${written.length} ${written.length === 1 ? "fil" : "filer"} i ${shown(target)}: ${written.join(", ")}${removed.length ? `; tog bort ${removed.join(", ")}` : ""}\n`,
      );
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    io.stderr(`fel: ${error.message}\n`);
  }
}

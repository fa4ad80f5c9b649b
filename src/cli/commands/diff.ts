import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Diagnostic, hasErrors } from "../../diagnostics.js";
import type { Version, VersionDiff } from "../../diff/index.js";
import { writeFileAtomically } from "../../package/write.js";
import { loadAgreement } from "../../validate/index.js";
import { parse } from "../args.js";
import { type Command, EXIT, type ExitCode, type Io, UsageError } from "../command.js";
import { reportDiagnostics } from "../report.js";

const FORMATS = ["text", "html", "docx", "json"] as const;
type Format = (typeof FORMATS)[number];

export const diff: Command = {
  name: "diff",
  summary: "jämför två versioner av en överenskommelse: sammanfattning och ändringar i texten",
  help: `Användning: iop diff <tidigare> <ny> [--format text|html|docx|json] [-o FIL] [--exit-code]
       iop diff <tidigare> <ny> --format docx|html --split -o MAPP

Jämför två versioner av en överenskommelse med bilagor. Varje version anges som
  - en mapp med overenskommelse.yaml och bilaga-N.yaml,
  - en YAML-fil (bilagorna i samma mapp läses med), eller
  - en git-version <revision>:<sökväg>, t.ex. HEAD~3:agreements/stockholm-brottsofferstod-2025
    (läses direkt ur git, utan att något checkas ut).

Först visas en sammanfattning av vad som ändrats i uppgifterna (perioden, belopp, parter,
bilagor, åtaganden, avsnitt som lagts till, tagits bort eller flyttats), sedan ändringarna i
texten ord för ord. Avsnitt jämförs efter sitt id (annars rubriken), så ett avsnitt som bara
fått ett nytt nummer räknas inte som ändrat.

Format:
  text   för terminalen (standard): färg i en terminal, annars [-borttaget-]{+tillagt+}
         (färgen stängs av med miljövariabeln NO_COLOR)
  html   en fristående webbsida på svenska: sammanfattning och ändringsmarkerad text
         (tillagt understruket, borttaget överstruket), som också går att skriva ut
  docx   Word-dokument med en sammanfattning på första sidan och sedan den nya versionen
         med spårade ändringar ("iop diff", daterade med den nya versionens datum): ändrad
         text, titel, rubriknummer (Words egen numrering), flyttade avsnitt och tabellrader;
         godkänn alla ändringar för den nya versionen, avvisa alla för den tidigare. Kräver
         -o FIL när standard ut är en terminal
  json   sammanfattning och ändringar för andra program (formatet har versionsnummer)

Flaggor:
  --format FORMAT  utdataformat (standard: text)
  -o, --output FIL skriv till filen i stället för standard ut
  --split          ett dokument per överenskommelse och bilaga i mappen -o MAPP
                   (<namn>.docx eller <namn>.html), i stället för ett gemensamt
  --side-by-side   html: visa också varje ändrat avsnitt med tidigare och ny text sida vid sida
  --exit-code      slutkod 1 när versionerna skiljer sig, som git diff --exit-code
  -h, --help       visa denna hjälp

Slutkod: 0 lyckades (med --exit-code: inga skillnader), 1 fel i indata (eller skillnader
med --exit-code), 2 felaktig användning eller filer som inte kan läsas.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      format: { type: "string", default: "text" },
      output: { type: "string", short: "o" },
      "exit-code": { type: "boolean", default: false },
      split: { type: "boolean", default: false },
      "side-by-side": { type: "boolean", default: false },
    });
    const choice = choiceOf(values, positionals, io);
    const report = (diagnostics: Diagnostic[]) =>
      reportDiagnostics(io, diagnostics, choice.format === "json" ? "json" : "text");

    // Loaded here, so other commands do not load the comparison and its formats.
    const diffModule = await import("../../diff/index.js");
    const versions = await versionsOf(positionals, report);
    if (typeof versions === "number") return versions;
    const result = diffModule.diffVersions(...versions);
    const code = choice.split
      ? await writeSplit(io, diffModule, result, choice)
      : await writeWhole(io, diffModule, result, choice);
    if (code !== undefined) return code;
    return values["exit-code"] && !result.identical ? EXIT.input : EXIT.ok;
  },
};

type DiffModule = typeof import("../../diff/index.js");

/** What to write and where, from the flags. */
interface Choice {
  format: Format;
  output: string | undefined;
  split: boolean;
  sideBySide: boolean;
}

/** The flags checked against each other; a combination that does not fit is a usage error. */
function choiceOf(
  values: {
    format: string;
    output?: string | undefined;
    split?: boolean;
    "side-by-side"?: boolean;
  },
  positionals: string[],
  io: Io,
): Choice {
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`Okänt format "${values.format}"; välj text, html, docx eller json.`);
  }
  if (positionals.length !== 2) {
    throw new UsageError("Ange två versioner att jämföra: iop diff <tidigare> <ny>.");
  }
  const output = values.output;
  const split = values.split === true;
  const sideBySide = values["side-by-side"] === true;
  if (split && (format === "text" || format === "json")) {
    throw new UsageError("--split gäller formaten docx och html.");
  }
  if (split && !output) {
    throw new UsageError("Ange mappen att skriva dokumenten till: --split -o MAPP.");
  }
  if (sideBySide && format !== "html") {
    throw new UsageError("--side-by-side gäller formatet html.");
  }
  if (format === "docx" && !output && io.isTTY) {
    throw new UsageError("Formatet docx skrivs inte till en terminal; ange -o FIL.");
  }
  return { format, output, split, sideBySide };
}

/**
 * Both versions loaded with their documents, or the exit code after reporting why not. Only the
 * versions with problems are reported (warnings of a good version are noise here).
 */
async function versionsOf(
  positionals: string[],
  report: (diagnostics: Diagnostic[]) => void,
): Promise<[Version, Version] | ExitCode> {
  const { documentsOf } = await import("../../diff/documents.js");
  const loaded = await Promise.all(positionals.map((spec) => loadAgreement(spec)));
  const failing = loaded.filter((l) => l.usageError || hasErrors(l.diagnostics));
  if (failing.length > 0) {
    report(failing.flatMap((l) => l.diagnostics));
    return failing.some((l) => l.usageError) ? EXIT.usage : EXIT.input;
  }
  const versions: Version[] = [];
  const buildDiagnostics: Diagnostic[] = [];
  loaded.forEach(({ agreement }, k) => {
    if (!agreement) return;
    const { documents, diagnostics } = documentsOf(agreement);
    buildDiagnostics.push(...diagnostics);
    versions.push({ label: positionals[k] as string, agreement, documents });
  });
  if (hasErrors(buildDiagnostics) || versions.length !== 2) {
    report(buildDiagnostics);
    return EXIT.input;
  }
  return versions as [Version, Version];
}

/**
 * --split: one redline per document in the folder, with its own summary items (those about the
 * agreement as a whole go with the agreement). A folder that cannot be written is a usage error.
 */
async function writeSplit(
  io: Io,
  { renderRedlineOf }: DiffModule,
  result: VersionDiff,
  { format, output, sideBySide }: Choice,
): Promise<ExitCode | undefined> {
  if (!output) return undefined;
  const date = result.date;
  try {
    await mkdir(output, { recursive: true });
    for (const doc of result.documents) {
      const summary = result.summary.filter((item) =>
        item.document ? item.document === doc.name : doc.kind === "overenskommelse",
      );
      const rendered = await renderRedlineOf(doc, {
        date,
        versions: { old: result.old, new: result.new },
        summary,
        sideBySide,
      });
      const file = join(output, `${doc.name}.${format}`);
      await writeFileAtomically(file, format === "docx" ? rendered.docx : rendered.html);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`iop diff: mappen ${output} kunde inte skrivas: ${message}\n`);
    return EXIT.usage;
  }
  return undefined;
}

/** The whole comparison in one format. */
async function rendered(
  io: Io,
  diffModule: DiffModule,
  result: VersionDiff,
  { format, output, sideBySide }: Choice,
): Promise<string | Uint8Array> {
  switch (format) {
    case "text":
      return diffModule.renderText(result, { color: !output && io.isTTY && !io.env.NO_COLOR });
    case "json":
      return diffModule.renderJson(result);
    case "html":
      return diffModule.renderHtmlDiff(result, { sideBySide });
    case "docx":
      return await diffModule.renderDocxDiff(result);
  }
}

/** The whole comparison to -o FIL or standard out; a file that cannot be written is a usage error. */
async function writeWhole(
  io: Io,
  diffModule: DiffModule,
  result: VersionDiff,
  choice: Choice,
): Promise<ExitCode | undefined> {
  const data = await rendered(io, diffModule, result, choice);
  const { output } = choice;
  if (output) {
    try {
      await writeFileAtomically(output, data);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`iop diff: filen ${output} kunde inte skrivas: ${message}\n`);
      return EXIT.usage;
    }
  } else if (typeof data === "string") {
    io.stdout(data);
  } else {
    io.stdoutBytes(data);
  }
  return undefined;
}

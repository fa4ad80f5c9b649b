import { hasErrors } from "../../diagnostics.js";
import { applyFixes, type FixChange } from "../../lint/fix.js";
import { readAgreement } from "../../load/agreement.js";
import { buildDocuments } from "../../pipeline.js";
import { loadAgreement } from "../../validate/index.js";
import { parse } from "../args.js";
import { type Command, EXIT, type Io, UsageError } from "../command.js";
import { reportDiagnostics } from "../report.js";

export const check: Command = {
  name: "check",
  summary: "kontrollera en eller flera överenskommelser och visa alla fel och varningar",
  help: `Användning: iop check <mapp> [<mapp> …] [--fix] [--format text|json]

Kontrollerar överenskommelsens YAML-filer (overenskommelse.yaml och bilaga-N.yaml) mot
schemana och reglerna: organisationsnummer, datum i ordning, summor, undertecknare,
hänvisningar, bilagornas numrering. Granskningen varnar dessutom för avsnitt som saknas,
egen insats som inte anges, ålderdomligt språk och stavfel, och partnamn som skrivs på olika
sätt (se docs/granskning.md). Varje problem visas som

  fil:rad:kolumn: fel|varning: meddelande [regel]

Varje regels kod förklaras i docs/regler.md. En granskningsregel stängs av för en överenskommelse med avstängda_regler (regel och skäl)
i overenskommelse.yaml.

Flaggor:
  --fix               byt ut de ord som kan bytas säkert (t.ex. ”skall” till ”ska”)
                      direkt i YAML-filerna, med kommentarer och layout orörda, och
                      visa vad som ändrades
  --format text|json  utdataformat (standard: text; json skrivs till standard ut)
  -h, --help          visa denna hjälp

Slutkod: 0 inga fel (varningar tillåts), 1 fel i indata, 2 felaktig användning eller mapp som
inte kan läsas.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      format: { type: "string", default: "text" },
      fix: { type: "boolean", default: false },
    });
    const format = values.format;
    if (format !== "text" && format !== "json") {
      throw new UsageError(`Okänt format "${format}"; välj text eller json.`);
    }
    if (positionals.length === 0)
      throw new UsageError("Ange minst en mapp med en överenskommelse.");
    if (values.fix) await fix(positionals, io);
    const results = await Promise.all(positionals.map((dir) => loadAgreement(dir)));
    // Valid data can still fail to compose (a reference that only breaks inside a bilaga):
    // compose and build the documents too, so check finds everything build would.
    const diagnostics = results.flatMap((r) => [
      ...r.diagnostics,
      ...(r.agreement ? buildDocuments(r.agreement).diagnostics : []),
    ]);
    reportDiagnostics(io, diagnostics, format);
    if (results.some((r) => r.usageError)) return EXIT.usage;
    if (hasErrors(diagnostics)) return EXIT.input;
    if (format === "text") {
      io.stderr(
        `${positionals.length === 1 ? "Överenskommelsen" : "Överenskommelserna"} är utan fel.\n`,
      );
    }
    return EXIT.ok;
  },
};

/**
 * `--fix`: applies the safe suggestions of the plain-Swedish list to each folder whose YAML files
 * parse (a folder with syntax errors is left as it is; the check then reports them), and lists
 * each change on standard error.
 */
async function fix(dirs: string[], io: Io): Promise<void> {
  const changes: FixChange[] = [];
  for (const dir of dirs) {
    const read = await readAgreement(dir);
    // A git version is not on disk: there is nothing to rewrite.
    if (read.sources && !read.sources.fromGit) changes.push(...(await applyFixes(read.sources)));
  }
  for (const c of changes) {
    io.stderr(`${c.file}:${c.line}:${c.col}: ändrat ”${c.from}” till ”${c.to}” [${c.rule}]\n`);
  }
  const files = new Set(changes.map((c) => c.file)).size;
  io.stderr(
    changes.length === 0
      ? "Inget att rätta.\n"
      : `${changes.length} ${changes.length === 1 ? "ändring" : "ändringar"} i ${files} ${files === 1 ? "fil" : "filer"}.\n`,
  );
}

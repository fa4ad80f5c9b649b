import { hasErrors } from "../../diagnostics.js";
import { buildDocuments } from "../../pipeline.js";
import { loadAgreement } from "../../validate/index.js";
import { parse } from "../args.js";
import { type Command, EXIT, UsageError } from "../command.js";
import { reportDiagnostics } from "../report.js";

export const check: Command = {
  name: "check",
  summary: "kontrollera en eller flera överenskommelser och visa alla fel och varningar",
  help: `Användning: iop check <mapp> [<mapp> …] [--format text|json]

Kontrollerar överenskommelsens YAML-filer (overenskommelse.yaml och bilaga-N.yaml) mot
schemana och reglerna: organisationsnummer, datum i ordning, summor, undertecknare,
hänvisningar, bilagornas numrering. Varje problem visas som

  fil:rad:kolumn: fel|varning: meddelande [regel]

Flaggor:
  --format text|json  utdataformat (standard: text; json skrivs till standard ut)
  -h, --help          visa denna hjälp

Slutkod: 0 inga fel (varningar tillåts), 1 fel i indata, 2 felaktig användning eller mapp som
inte kan läsas.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { format: { type: "string", default: "text" } });
    const format = values.format;
    if (format !== "text" && format !== "json") {
      throw new UsageError(`Okänt format "${format}"; välj text eller json.`);
    }
    if (positionals.length === 0)
      throw new UsageError("Ange minst en mapp med en överenskommelse.");
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

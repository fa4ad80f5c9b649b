import type { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Finding, VerifyReport } from "../../verify/folder.js";
import { parse } from "../args.js";
import { type Command, EXIT, type Io, UsageError } from "../command.js";

export const verify: Command = {
  name: "verify",
  summary: "kontrollera en byggd mapp: filer, exemplar och underskrifter",
  help: `Användning: iop verify <mapp>|<pdf> [--trust <pem>] [--format text|json]

Kontrollerar en mapp som iop build har skrivit (t.ex. out/stockholm-brottsofferstod-2025):

  - att varje fil finns och har den SHA-256 som manifest.json anger, och att inga filer
    saknas eller har tillkommit;
  - att manifestet hänger ihop (fingeravtryck, exemplarens nummer, parter och sökvägar);
  - att alla exemplar av ett dokument har samma text, sida för sida, läst ur PDF-filerna
    (utom raden "Exemplar k av N – …"), och bär fingeravtrycket på varje sida;
  - underskrifter: vem som skrivit under (certifikatets namn), den uppgivna tiden,
    tidsstämpelns tid och tidsstämpeltjänst, vilken PAdES-nivå underskriften når (B-B, B-T,
    B-LT), om certifikatet kedjar till en betrodd utfärdare (med --trust) och vad som har
    ändrats i filen efter den: fler underskrifter, valideringsdata (DSS), ifyllda
    formulärfält eller innehållet;
  - en fristående underskrift av manifestet (manifest.json.p7s, iop sign --manifest) när
    den finns: en ogiltig underskrift är ett fel.

Med en PDF-fil i stället för en mapp kontrolleras bara filens underskrifter.

En PDF som har skrivits under efter bygget (iop sign) godtas när den byggda filen står kvar
oförändrad i början och allt som lagts till är underskrifter.

Kräver pdftotext (poppler-utils).

Flaggor:
  --trust <pem>       betrodda utfärdare (ett eller flera certifikat i PEM): varje
                      underskrifts certifikatkedja ska leda till något av dem
  --format text|json  utdataformat (standard: text)
  -h, --help          visa denna hjälp

Slutkod: 0 allt stämmer, 1 något stämmer inte, 2 felaktig användning, mapp som inte kan
läsas eller pdftotext saknas.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      format: { type: "string", default: "text" },
      trust: { type: "string" },
    });
    const format = values.format;
    if (format !== "text" && format !== "json") {
      throw new UsageError(`Okänt format "${format}"; välj text eller json.`);
    }
    if (positionals.length !== 1) {
      throw new UsageError("Ange exakt en mapp (eller PDF-fil) att kontrollera.");
    }
    const dir = positionals[0] as string;
    const trust = await trustOf(io, values.trust);
    if (trust === EXIT.usage) return EXIT.usage;
    const report = /\.pdf$/i.test(dir)
      ? await verifyPdf(io, dir, trust)
      : await verifyDir(dir, trust);
    if (report === EXIT.usage) return EXIT.usage;
    if (report.usageError) {
      io.stderr(`iop verify: ${report.usageError}\n`);
      return EXIT.usage;
    }
    if (report.missingProgram) {
      io.stderr(`iop verify: ${report.missingProgram}.\n`);
      return EXIT.usage;
    }
    const errors = report.findings.filter((f) => f.level === "fel").length;
    print(io, format, dir, errors, report.findings);
    return errors === 0 ? EXIT.ok : EXIT.input;
  },
};

/** The certificates of --trust, undefined without it, or the usage exit code after telling why. */
async function trustOf(
  io: Io,
  path: string | undefined,
): Promise<X509Certificate[] | undefined | typeof EXIT.usage> {
  if (path === undefined) return undefined;
  const { readTrustStore } = await import("../../verify/trust.js");
  const read = await readTrustStore(path);
  if (!read.ok) {
    io.stderr(`iop verify: ${read.error}\n`);
    return EXIT.usage;
  }
  return read.value;
}

/** One PDF: its signatures only (none is an error), or the usage exit code when unreadable. */
async function verifyPdf(
  io: Io,
  path: string,
  trust: X509Certificate[] | undefined,
): Promise<VerifyReport | typeof EXIT.usage> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch {
    io.stderr(`iop verify: PDF-filen ${path} kan inte läsas.\n`);
    return EXIT.usage;
  }
  const { inspectSignatures, signatureFindings } = await import("../../verify/signatures.js");
  const signatures = await inspectSignatures(data, trust ? { trust } : {});
  const findings = signatureFindings(basename(path), signatures, (field) => field, true);
  if (signatures.signatures.length === 0) {
    findings.push({
      level: "fel",
      file: basename(path),
      message: "filen har inga underskrifter",
    });
  }
  return { findings };
}

/** A built folder, checked whole. */
async function verifyDir(dir: string, trust: X509Certificate[] | undefined): Promise<VerifyReport> {
  // Loaded here, so other commands do not load the signature and PDF readers.
  const { verifyFolder } = await import("../../verify/folder.js");
  return verifyFolder(dir, trust ? { trust } : {});
}

/** The findings and a closing line as text, or all of it as JSON. */
function print(
  io: Io,
  format: "text" | "json",
  dir: string,
  errors: number,
  findings: Finding[],
): void {
  if (format === "json") {
    io.stdout(`${JSON.stringify({ dir, errors, findings }, null, 2)}\n`);
    return;
  }
  io.stdout(findings.map((f) => `${formatFinding(f)}\n`).join(""));
  io.stdout(
    errors === 0
      ? `${dir}: allt stämmer.\n`
      : `${dir}: ${errors} ${errors === 1 ? "fel" : "fel"} hittades.\n`,
  );
}

const formatFinding = (f: Finding): string =>
  `${f.level}: ${f.file ? `${f.file}: ` : ""}${f.message}`;

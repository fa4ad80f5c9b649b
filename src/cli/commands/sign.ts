import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { writeFileAtomically } from "../../package/write.js";
import { parse } from "../args.js";
import { type Command, EXIT, UsageError } from "../command.js";

export const PASSPHRASE_ENV = "IOP_P12_PASSPHRASE";

export const sign: Command = {
  name: "sign",
  summary: "skriv under en PDF elektroniskt för en part med ett PKCS#12-certifikat",
  help: `Användning: iop sign <pdf> --party <id> --p12 <fil> [-o <fil>]

Skriver under partens underskriftsfält i PDF-filen med certifikatet och nyckeln i en
PKCS#12-fil (.p12/.pfx). Underskriften läggs till i slutet av filen som en inkrementell
uppdatering: allt som stod i filen före står kvar oförändrat, så tidigare underskrifter
förblir giltiga och en och samma PDF kan bära alla parters underskrifter. Filen skrivs om på
plats om inte -o anges.

Lösenfrasen till PKCS#12-filen läses från miljövariabeln ${PASSPHRASE_ENV}, annars frågar
iop efter den (utan att visa den). Den kan aldrig anges som argument på kommandoraden, där
den skulle synas i processlistan och i skalets historik.

Flaggor:
  --party <id>        partens id (underskriftsfältets namn), t.ex. socialnamnden
  --p12 <fil>         PKCS#12-filen med certifikat och privat nyckel
  -o, --output <fil>  skriv den underskrivna PDF-filen hit i stället för på plats
  --reason <text>     skäl till underskriften (valfritt, sparas i underskriften)
  --location <ort>    ort (valfritt, sparas i underskriften)
  -h, --help          visa denna hjälp

Slutkod: 0 underskriven, 1 kunde inte skriva under (fel part, fel lösenfras, redan
underskriven …), 2 felaktig användning eller fil som inte kan läsas.
`,
  async run(args, io) {
    if (args.some((a) => /^--?(pass|password|passphrase|pin|lösen)/i.test(a))) {
      throw new UsageError(
        `Lösenfrasen får inte anges på kommandoraden. Använd miljövariabeln ${PASSPHRASE_ENV} eller svara på frågan.`,
      );
    }
    const { values, positionals } = parse(args, {
      party: { type: "string" },
      p12: { type: "string" },
      output: { type: "string", short: "o" },
      reason: { type: "string" },
      location: { type: "string" },
    });
    if (positionals.length !== 1) throw new UsageError("Ange exakt en PDF-fil.");
    if (!values.party) throw new UsageError("Ange parten med --party <id>.");
    if (!values.p12) throw new UsageError("Ange PKCS#12-filen med --p12 <fil>.");
    const input = positionals[0] as string;
    const output = values.output ?? input;

    let pdf: Uint8Array;
    let p12: Uint8Array;
    try {
      pdf = await readFile(input);
    } catch {
      io.stderr(`iop sign: PDF-filen ${input} kan inte läsas.\n`);
      return EXIT.usage;
    }
    try {
      p12 = await readFile(values.p12);
    } catch {
      io.stderr(`iop sign: PKCS#12-filen ${values.p12} kan inte läsas.\n`);
      return EXIT.usage;
    }
    const passphrase =
      io.env[PASSPHRASE_ENV] ?? (await io.prompt?.(`Lösenfras för ${basename(values.p12)}: `));
    if (passphrase === undefined) {
      throw new UsageError(
        `Ingen lösenfras: sätt miljövariabeln ${PASSPHRASE_ENV} eller kör iop sign i en terminal.`,
      );
    }

    // Loaded here: signing and reading signatures are large, and only this command needs them.
    const { signPdf } = await import("../../sign/sign.js");
    const signed = await signPdf(pdf, {
      party: values.party,
      p12,
      passphrase,
      ...(values.reason ? { reason: values.reason } : {}),
      ...(values.location ? { location: values.location } : {}),
    });
    if (!signed.ok) {
      io.stderr(`iop sign: ${input}: ${signed.error}\n`);
      return EXIT.input;
    }

    try {
      await writeFileAtomically(output, signed.value, { keepMode: true });
    } catch {
      io.stderr(`iop sign: ${output} kan inte skrivas.\n`);
      return EXIT.usage;
    }

    // Read back what was written, as a check and to tell the user who signed.
    const { inspectSignatures } = await import("../../verify/signatures.js");
    const report = await inspectSignatures(signed.value);
    const mine = report.signatures.find((s) => s.field === values.party);
    const who = mine?.certificate?.commonName ?? mine?.certificate?.subject ?? "okänd";
    io.stdout(
      `${output}: underskriven för ${values.party} av ${who}; underskriften är ${mine?.valid ? "giltig" : "OGILTIG"}.\n`,
    );
    if (report.unsignedFields.length > 0) {
      io.stdout(`Återstår att skriva under: ${report.unsignedFields.join(", ")}.\n`);
    }
    return mine?.valid ? EXIT.ok : EXIT.input;
  },
};

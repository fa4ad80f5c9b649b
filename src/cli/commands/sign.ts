import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { MANIFEST_FILE } from "../../package/manifest.js";
import { writeFileAtomically } from "../../package/write.js";
import { MANIFEST_SIGNATURE_FILE } from "../../sign/manifest-signature.js";
import { parse } from "../args.js";
import { type Command, EXIT, type ExitCode, type Io, UsageError } from "../command.js";

export const PASSPHRASE_ENV = "IOP_P12_PASSPHRASE";

export const sign: Command = {
  name: "sign",
  summary: "skriv under en PDF elektroniskt (PAdES) för en part med ett PKCS#12-certifikat",
  help: `Användning: iop sign <pdf> --party <id> --p12 <fil> [--tsa <url> [--lt]] [-o <fil>]
       iop sign <mapp> --manifest --p12 <fil> [--tsa <url>]

Skriver under partens underskriftsfält i PDF-filen med certifikatet och nyckeln i en
PKCS#12-fil (.p12/.pfx), som en PAdES-underskrift (ETSI EN 319 142-1, typen
ETSI.CAdES.detached), så som svenska myndigheters e-underskriftstjänster gör. Underskriften
läggs till i slutet av filen som en inkrementell uppdatering: allt som stod i filen före står
kvar oförändrat, så tidigare underskrifter förblir giltiga och en och samma PDF kan bära alla
parters underskrifter. Filen skrivs om på plats om inte -o anges.

Nivåer:
  B-B   standard: underskrift med certifikatet; tidpunkten är den som datorn uppger.
  B-T   med --tsa: dessutom en tidsstämpel (RFC 3161) från en tidsstämpeltjänst.
  B-LT  med --tsa och --lt: dessutom certifikatkedjan och spärrlistor (CRL) i filen (DSS),
        så att underskriften kan kontrolleras långt senare. Går spärrinformationen inte att
        hämta stannar underskriften på B-T, och iop säger det.

Ett pappersexemplar ("Exemplar k av N") av ett avtal som skrivs under på papper kan inte
skrivas under elektroniskt; det är exemplar/<namn>-elektronisk.pdf som skrivs under.

Med --manifest skrivs i stället en fristående underskrift av mappens manifest.json till
manifest.json.p7s (CAdES, DER), som iop verify kontrollerar.

Lösenfrasen till PKCS#12-filen läses från miljövariabeln ${PASSPHRASE_ENV}, annars frågar
iop efter den (utan att visa den). Den kan aldrig anges som argument på kommandoraden, där
den skulle synas i processlistan och i skalets historik. Nyckeln skrivs aldrig till disk.

Flaggor:
  --party <id>        partens id (underskriftsfältets namn), t.ex. socialnamnden
  --p12 <fil>         PKCS#12-filen med certifikat och privat nyckel
  --tsa <url>         tidsstämpeltjänst (RFC 3161, http eller https): nivå B-T
  --lt                lägg till valideringsdata (DSS): nivå B-LT; kräver --tsa
  --manifest          skriv under mappens manifest.json (manifest.json.p7s)
  -o, --output <fil>  skriv den underskrivna PDF-filen hit i stället för på plats
  --reason <text>     skäl till underskriften (valfritt, sparas i underskriften)
  --location <ort>    ort (valfritt, sparas i underskriften)
  -h, --help          visa denna hjälp

Slutkod: 0 underskriven, 1 kunde inte skriva under (fel part, fel lösenfras, redan
underskriven, pappersexemplar, tidsstämpeltjänsten svarar inte …), 2 felaktig användning
eller fil som inte kan läsas.
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
      tsa: { type: "string" },
      lt: { type: "boolean" },
      manifest: { type: "boolean" },
    });
    const p12Path = checkFlags(values, positionals);
    const input = positionals[0] as string;
    const target = values.manifest ? join(input, MANIFEST_FILE) : input;
    const read = await readInputs(io, input, target, p12Path, values.manifest === true);
    if (typeof read === "number") return read;
    if (!values.manifest) {
      const refused = await paperRefusal(io, input);
      if (refused !== undefined) return refused;
    }
    const passphrase = await passphraseOf(io, p12Path);
    const key = { p12: read.p12, passphrase };
    if (values.manifest) return signManifest(io, input, target, read.data, key, values.tsa);
    return signPdfFile(io, input, read.data, key, values);
  },
};

/** The flags of iop sign. */
interface SignFlags {
  party?: string | undefined;
  p12?: string | undefined;
  output?: string | undefined;
  reason?: string | undefined;
  location?: string | undefined;
  tsa?: string | undefined;
  lt?: boolean | undefined;
  manifest?: boolean | undefined;
}

/** The signer's key: the PKCS#12 file's bytes and its passphrase. */
interface Key {
  p12: Uint8Array;
  passphrase: string;
}

/** The flags checked against each other; returns the PKCS#12 path. Misuse is a usage error. */
function checkFlags(values: SignFlags, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(values.manifest ? "Ange exakt en byggd mapp." : "Ange exakt en PDF-fil.");
  }
  if (!values.p12) throw new UsageError("Ange PKCS#12-filen med --p12 <fil>.");
  if (values.tsa !== undefined && !/^https?:\/\/[^\s]+$/i.test(values.tsa)) {
    throw new UsageError("--tsa ska vara en adress som börjar med http:// eller https://.");
  }
  if (values.lt && !values.tsa) {
    throw new UsageError("--lt (nivå B-LT) kräver en tidsstämpel: ange också --tsa <url>.");
  }
  if (values.manifest) {
    for (const flag of ["party", "output", "reason", "location", "lt"] as const) {
      if (values[flag] !== undefined) {
        throw new UsageError(`--${flag} kan inte användas med --manifest.`);
      }
    }
  } else if (!values.party) {
    throw new UsageError("Ange parten med --party <id>.");
  }
  return values.p12;
}

/** The file to sign and the PKCS#12 file, or the usage exit code after telling which fails. */
async function readInputs(
  io: Io,
  input: string,
  target: string,
  p12Path: string,
  manifest: boolean,
): Promise<{ data: Uint8Array; p12: Uint8Array } | ExitCode> {
  let data: Uint8Array;
  try {
    data = await readFile(target);
  } catch {
    io.stderr(
      manifest
        ? `iop sign: ${input} är ingen byggd mapp med manifest.json.\n`
        : `iop sign: PDF-filen ${input} kan inte läsas.\n`,
    );
    return EXIT.usage;
  }
  try {
    return { data, p12: await readFile(p12Path) };
  } catch {
    io.stderr(`iop sign: PKCS#12-filen ${p12Path} kan inte läsas.\n`);
    return EXIT.usage;
  }
}

/** A copy for signing on paper cannot be signed electronically: the input exit code, told why. */
async function paperRefusal(io: Io, input: string): Promise<ExitCode | undefined> {
  const { paperCopyOf } = await import("../../sign/paper.js");
  const paper = await paperCopyOf(input);
  if (!paper) return undefined;
  io.stderr(
    `iop sign: ${input}: detta är exemplar ${paper.number} av ${paper.of} (${paper.partyName}) av "${paper.title}", som skrivs under på papper. Ett pappersexemplar kan inte skrivas under elektroniskt; ändra underskriftssättet till elektronisk i avtalet och bygg om, så skrivs exemplar/…-elektronisk.pdf.\n`,
  );
  return EXIT.input;
}

/** The passphrase from the environment or asked on the terminal; without either, a usage error. */
async function passphraseOf(io: Io, p12Path: string): Promise<string> {
  const passphrase =
    io.env[PASSPHRASE_ENV] ?? (await io.prompt?.(`Lösenfras för ${basename(p12Path)}: `));
  if (passphrase === undefined) {
    throw new UsageError(
      `Ingen lösenfras: sätt miljövariabeln ${PASSPHRASE_ENV} eller kör iop sign i en terminal.`,
    );
  }
  return passphrase;
}

/** --manifest: a detached signature of manifest.json beside it, read back and told. */
async function signManifest(
  io: Io,
  input: string,
  target: string,
  data: Uint8Array,
  key: Key,
  tsa: string | undefined,
): Promise<ExitCode> {
  const { signDetached } = await import("../../sign/detached.js");
  const signed = await signDetached(data, { ...key, ...(tsa ? { tsa } : {}) });
  if (!signed.ok) {
    io.stderr(`iop sign: ${target}: ${signed.error}\n`);
    return EXIT.input;
  }
  const output = join(input, MANIFEST_SIGNATURE_FILE);
  try {
    await writeFileAtomically(output, signed.value);
  } catch {
    io.stderr(`iop sign: ${output} kan inte skrivas.\n`);
    return EXIT.usage;
  }
  const { verifyDetachedPkcs7 } = await import("../../verify/pkcs7.js");
  const check = verifyDetachedPkcs7(signed.value, data);
  const who = check.certificate?.commonName ?? check.certificate?.subject ?? "okänd";
  io.stdout(
    `${output}: manifest.json underskrivet av ${who}; underskriften är ${check.problems.length === 0 ? "giltig" : "OGILTIG"}.\n`,
  );
  return check.problems.length === 0 ? EXIT.ok : EXIT.input;
}

/** The party's signature field signed in the PDF, written to -o or in place. */
async function signPdfFile(
  io: Io,
  input: string,
  data: Uint8Array,
  key: Key,
  values: SignFlags,
): Promise<ExitCode> {
  const output = values.output ?? input;
  // Loaded here: signing and reading signatures are large, and only this command needs them.
  const { signPdf } = await import("../../sign/sign.js");
  const signed = await signPdf(data, {
    party: values.party as string,
    ...key,
    ...(values.reason ? { reason: values.reason } : {}),
    ...(values.location ? { location: values.location } : {}),
    ...(values.tsa ? { tsa: values.tsa } : {}),
    ...(values.lt ? { lt: true } : {}),
  });
  if (!signed.ok) {
    io.stderr(`iop sign: ${input}: ${signed.error}\n`);
    return EXIT.input;
  }
  for (const note of signed.value.notes) io.stderr(`iop sign: varning: ${note}\n`);
  try {
    await writeFileAtomically(output, signed.value.pdf, { keepMode: true });
  } catch {
    io.stderr(`iop sign: ${output} kan inte skrivas.\n`);
    return EXIT.usage;
  }
  return reportSigned(io, output, signed.value.pdf, values.party);
}

/** Reads back what was written, as a check and to tell the user who signed. */
async function reportSigned(
  io: Io,
  output: string,
  pdf: Uint8Array,
  party: string | undefined,
): Promise<ExitCode> {
  const { inspectSignatures } = await import("../../verify/signatures.js");
  const report = await inspectSignatures(pdf);
  const mine = report.signatures.find((s) => s.field === party);
  const who = mine?.certificate?.commonName ?? mine?.certificate?.subject ?? "okänd";
  io.stdout(
    `${output}: underskriven för ${party} av ${who} (PAdES ${mine?.level ?? "okänd nivå"}); underskriften är ${mine?.valid ? "giltig" : "OGILTIG"}.\n`,
  );
  if (report.unsignedFields.length > 0) {
    io.stdout(`Återstår att skriva under: ${report.unsignedFields.join(", ")}.\n`);
  }
  return mine?.valid ? EXIT.ok : EXIT.input;
}

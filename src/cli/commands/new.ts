import { readdir } from "node:fs/promises";
import { basename, posix, resolve } from "node:path";
import { hasErrors } from "../../diagnostics.js";
import { AGREEMENT_FILE, bilagaFiles } from "../../load/agreement.js";
import type { SourceFile } from "../../load/source.js";
import type { Agreement } from "../../model.js";
import { nextEdition } from "../../new/next-edition.js";
import { type PartyInput, skeleton } from "../../new/skeleton.js";
import { writeFolderAtomically } from "../../package/write.js";
import { loadAgreement } from "../../validate/index.js";
import { luhnValid } from "../../validate/rules/organisationsnummer.js";
import { parse } from "../args.js";
import { type Command, EXIT, type ExitCode, type Io, UsageError } from "../command.js";
import { reportDiagnostics } from "../report.js";

const ID = /^[a-z0-9][a-z0-9-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ORGNR = /^\d{6}-\d{4}$/;

/** Why an organisationsnummer is not valid, or undefined when it is. */
function orgnrProblem(value: string): string | undefined {
  if (!ORGNR.test(value))
    return `"${value}" är inte ett organisationsnummer på formen NNNNNN-NNNN.`;
  if (!luhnValid(value.replace("-", "")))
    return `Organisationsnumret ${value} har fel kontrollsiffra.`;
  return undefined;
}

const validDate = (s: string) =>
  DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** "Namn (NNNNNN-NNNN)" or "Namn": a party as given with --kommun and --part. */
function partyArg(flag: string, value: string): PartyInput {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(value);
  const namn = (match ? match[1] : value)?.trim() ?? "";
  if (namn === "") throw new UsageError(`${flag} behöver ett namn.`);
  if (!match) return { namn };
  const orgnr = (match[2] ?? "").trim();
  const problem = orgnrProblem(orgnr);
  if (problem) throw new UsageError(`${flag} "${value}": ${problem}`);
  return { namn, organisationsnummer: orgnr };
}

/** The proposed period when none is given: the next calendar year in Sweden. */
function nextYear(): { start: string; slut: string } {
  const year =
    Number(
      new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" }).format(
        new Date(),
      ),
    ) + 1;
  return { start: `${year}-01-01`, slut: `${year}-12-31` };
}

/** Asks until the answer passes `check` (which returns a problem or undefined). */
async function askValid(
  io: Io,
  ask: (q: string) => Promise<string>,
  question: string,
  check: (answer: string) => string | undefined,
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const answer = (await ask(question)).trim();
    const problem = check(answer);
    if (problem === undefined) return answer;
    io.stderr(`${problem}\n`);
  }
  throw new UsageError("För många felaktiga svar; ingenting skrevs.");
}

/** The essentials, asked on the terminal: kommun, parties with organisationsnummer, period. */
async function interview(io: Io, ask: (q: string) => Promise<string>) {
  io.stdout("Ny överenskommelse. Svara på frågorna; lämna tomt där det står att det går.\n\n");
  const optionalOrgnr = (a: string) => (a === "" ? undefined : orgnrProblem(a));
  const kommunNamn = await askValid(io, ask, "Kommun eller nämnd (den offentliga parten): ", (a) =>
    a === "" ? "Ange den offentliga partens namn." : undefined,
  );
  const kommunNr = await askValid(
    io,
    ask,
    `Organisationsnummer för ${kommunNamn} (tomt om okänt): `,
    optionalOrgnr,
  );
  const parter: PartyInput[] = [];
  for (;;) {
    const n = parter.length + 1;
    const namn = await askValid(
      io,
      ask,
      n === 1 ? "Idéburen part 1, namn: " : `Idéburen part ${n}, namn (tomt när alla är angivna): `,
      (a) => (a === "" && n === 1 ? "Ange minst en idéburen part." : undefined),
    );
    if (namn === "") break;
    const nr = await askValid(
      io,
      ask,
      `Organisationsnummer för ${namn} (tomt om okänt): `,
      optionalOrgnr,
    );
    parter.push(nr ? { namn, organisationsnummer: nr } : { namn });
  }
  const start = await askValid(
    io,
    ask,
    "Periodens första dag, ÅÅÅÅ-MM-DD (tomt: nästa kalenderår): ",
    (a) => (a === "" || validDate(a) ? undefined : `"${a}" är inte ett datum ÅÅÅÅ-MM-DD.`),
  );
  let period: { start: string; slut: string } | undefined;
  if (start !== "") {
    const slut = await askValid(io, ask, "Den inledande periodens sista dag, ÅÅÅÅ-MM-DD: ", (a) =>
      !validDate(a)
        ? `"${a}" är inte ett datum ÅÅÅÅ-MM-DD.`
        : a < start
          ? "Sista dagen ligger före den första."
          : undefined,
    );
    period = { start, slut };
  }
  return {
    kommun: kommunNr ? { namn: kommunNamn, organisationsnummer: kommunNr } : { namn: kommunNamn },
    parter,
    period,
  };
}

/** The files of a loaded agreement, as read: agreement first, bilagor by file name's number. */
function agreementFiles(agreement: Agreement): { name: string; text: string }[] {
  const bilagor = new Map(agreement.bilagor.map((b) => [posix.basename(b.file.path), b.file]));
  return [
    { name: AGREEMENT_FILE, text: agreement.file.text },
    ...bilagaFiles([...bilagor.keys()]).map((name) => ({
      name,
      text: (bilagor.get(name) as SourceFile).text,
    })),
  ];
}

export const newCommand: Command = {
  name: "new",
  summary:
    "starta en ny överenskommelse: ett skelett att fylla i, eller nästa upplaga av en befintlig",
  help: `Användning: iop new <mapp> --kommun <namn> --part <namn> [--part <namn> …] [--start DATUM --slut DATUM]
       iop new <mapp> --from <mapp med förra upplagan>
       iop new <mapp>                (i en terminal: frågar efter uppgifterna)

Skapar <mapp> med overenskommelse.yaml och en bilaga-N.yaml per idéburen part. Mappens namn
blir överenskommelsens id (små bokstäver a–z, siffror och bindestreck). Mappen får inte finnas
med innehåll; ingenting skrivs om något går fel.

Ett nytt skelett har alla avsnitt en IOP bör ha (bakgrund, parter, utgångspunkt och
värdegrund, syfte och mål, målgrupp, organisation med styrgrupp, åtaganden, uppföljning,
ekonomi, period och uppsägning, ändringar och tillägg, brister och återkrav, oenighet,
bilagor, signering) med klausulbibliotekets text. Varje uppgift som ska fyllas i är markerad
{ saknas: "…" }; iop check visar en varning för varje.

Med --from skapas nästa upplaga: samma parter, avsnitt, ordalydelse och bilagor; status blir
utkast, datum och belopp markeras att bekräfta ({ saknas: "… (förra upplagan: …)" }; periodens
datum och underskriftsåret, som inte kan markeras så, får en kommentar), och bilagornas
ändringslogg töms. iop diff <förra mappen> <mapp> visar sedan vad som ändrats.

Flaggor:
  --kommun <namn>     den offentliga parten, gärna med organisationsnummer:
                      --kommun "Socialnämnden i Exempelstad (212000-0142)"
  --part <namn>       en idéburen part (upprepa för flera), gärna med organisationsnummer:
                      --part "Föreningen Exempel (802490-7720)"
  --start DATUM       periodens första dag, ÅÅÅÅ-MM-DD (standard: 1 januari nästa år)
  --slut DATUM        den inledande periodens sista dag (standard: 31 december samma år)
  --from <mapp>       skapa nästa upplaga av överenskommelsen i <mapp>
  -h, --help          visa denna hjälp

Slutkod: 0 lyckades, 1 fel i förra upplagan (--from), 2 felaktig användning eller en mapp
som redan har innehåll.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      kommun: { type: "string" },
      part: { type: "string", multiple: true },
      start: { type: "string" },
      slut: { type: "string" },
      from: { type: "string" },
    });
    if (positionals.length !== 1) throw new UsageError("Ange en mapp att skapa.");
    const dir = positionals[0] as string;
    const id = basename(resolve(dir));
    if (!ID.test(id)) {
      throw new UsageError(
        `Mappens namn "${id}" blir överenskommelsens id och får bara ha små bokstäver a–z, siffror och bindestreck.`,
      );
    }
    const unusable = await folderProblem(dir);
    if (unusable) {
      io.stderr(unusable);
      return EXIT.usage;
    }
    const write = async (files: NewFile[]) => {
      await writeFolderAtomically(
        dir,
        files.map((f) => ({ path: f.name, data: Buffer.from(f.text, "utf8") })),
      );
      io.stderr(`Skrev ${dir}: ${files.map((f) => f.name).join(", ")}.\n`);
    };
    if (values.from !== undefined) return newEdition(io, values, values.from, { id, dir }, write);
    const input =
      values.kommun === undefined && values.part === undefined
        ? await interviewed(io)
        : inputOf(values);
    await write(
      skeleton({
        id,
        dir,
        kommun: input.kommun,
        parter: input.parter,
        period: input.period ?? nextYear(),
        periodGiven: input.period !== undefined,
      }),
    );
    io.stderr(`Fyll i uppgifterna som är markerade saknas; iop check ${dir} visar var de finns.\n`);
    return EXIT.ok;
  },
};

/** A file of the new folder. */
type NewFile = { name: string; text: string };

/** The flags of iop new that give the agreement's essentials. */
interface EssentialFlags {
  kommun?: string | undefined;
  part?: string[] | undefined;
  start?: string | undefined;
  slut?: string | undefined;
}

/** The essentials of a new agreement, from flags or the interview. */
interface Input {
  kommun: PartyInput;
  parter: PartyInput[];
  period: { start: string; slut: string } | undefined;
}

/** Why `dir` cannot be the new folder (a message line), or undefined when it can. */
async function folderProblem(dir: string): Promise<string | undefined> {
  try {
    if ((await readdir(dir)).length > 0) {
      return `iop new: mappen ${dir} finns redan och är inte tom; välj en ny mapp. Ingenting skrevs.\n`;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") return `iop new: ${dir} kan inte användas som mapp (${code}).\n`;
  }
  return undefined;
}

/** --from: the next edition of an agreement, written to the new folder with what was changed. */
async function newEdition(
  io: Io,
  values: EssentialFlags,
  from: string,
  target: { id: string; dir: string },
  write: (files: NewFile[]) => Promise<void>,
): Promise<ExitCode> {
  if (
    values.kommun !== undefined ||
    values.part !== undefined ||
    values.start !== undefined ||
    values.slut !== undefined
  ) {
    throw new UsageError("--from kan inte kombineras med --kommun, --part, --start eller --slut.");
  }
  const loaded = await loadAgreement(from);
  if (hasErrors(loaded.diagnostics)) {
    reportDiagnostics(
      io,
      loaded.diagnostics.filter((d) => d.severity === "fel"),
      "text",
    );
    io.stderr(`iop new: förra upplagan i ${from} har fel; rätta dem först. Ingenting skrevs.\n`);
    return loaded.usageError ? EXIT.usage : EXIT.input;
  }
  const next = nextEdition(agreementFiles(loaded.agreement as Agreement), target);
  await write(next.files);
  io.stderr(
    `Nästa upplaga: ${editionChanges(next.changes).join(", ")}. Periodens datum är kvar med en kommentar: bekräfta dem. Kör iop check ${target.dir}.\n`,
  );
  return EXIT.ok;
}

/** What making the next edition did, as phrases for the closing line. */
function editionChanges(changes: { what: string }[]): string[] {
  const count = (what: string) => changes.filter((c) => c.what === what).length;
  const sums = count("summa");
  const logs = count("ändringslogg");
  return [
    "status utkast",
    `${count("bekräfta")} datum och belopp att bekräfta (markerade saknas)`,
    ...(sums
      ? [
          `${sums} ${sums === 1 ? "angiven summa borttagen" : "angivna summor borttagna"} (räknas fram)`,
        ]
      : []),
    ...(logs ? [`${logs} ändringslogg${logs === 1 ? "" : "ar"} tömd${logs === 1 ? "" : "a"}`] : []),
  ];
}

/** The essentials asked on the terminal; without one, a usage error naming the flags. */
async function interviewed(io: Io): Promise<Input> {
  if (!io.ask) {
    throw new UsageError(
      "Ange --kommun och minst en --part, eller --from. Utan flaggor frågar iop new efter uppgifterna, men bara i en terminal.",
    );
  }
  return interview(io, io.ask);
}

/** The essentials from --kommun, --part, --start and --slut. */
function inputOf(values: EssentialFlags): Input {
  if (values.kommun === undefined) throw new UsageError("Ange den offentliga parten med --kommun.");
  if (!values.part?.length) throw new UsageError("Ange minst en idéburen part med --part.");
  const period = periodOf(values.start, values.slut);
  return {
    kommun: partyArg("--kommun", values.kommun),
    parter: values.part.map((p) => partyArg("--part", p)),
    period,
  };
}

/** The period from --start and --slut: both or neither, valid dates, slut not before start. */
function periodOf(
  start: string | undefined,
  slut: string | undefined,
): { start: string; slut: string } | undefined {
  if ((start === undefined) !== (slut === undefined))
    throw new UsageError("Ange både --start och --slut, eller ingen av dem.");
  if (start === undefined || slut === undefined) return undefined;
  for (const [flag, v] of [
    ["--start", start],
    ["--slut", slut],
  ] as const) {
    if (!validDate(v)) throw new UsageError(`${flag} ska vara ett datum ÅÅÅÅ-MM-DD, inte "${v}".`);
  }
  if (slut < start) throw new UsageError("--slut ligger före --start.");
  return { start, slut };
}

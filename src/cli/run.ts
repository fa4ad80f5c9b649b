import { type Command, EXIT, type ExitCode, type Io, UsageError } from "./command.js";
import { commands } from "./commands/index.js";

const HELP = `iop – verktyg för överenskommelser om idéburet offentligt partnerskap (IOP)

Användning: iop <kommando> [flaggor]

Kommandon:
${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join("\n")}

Flaggor:
  -h, --help     visa hjälp (även: iop <kommando> --help)
  -v, --version  visa version

Slutkoder: 0 lyckades, 1 fel i indata, 2 felaktig användning eller filer som inte kan läsas.
`;

/** Runs the CLI with the given arguments; never throws for bad input. */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.stdout(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "-v" || name === "--version") {
    io.stdout("iop 0.1.0\n");
    return EXIT.ok;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`iop: okänt kommando "${name}". Se iop --help.\n`);
    return EXIT.usage;
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(command, error, io);
  }
}

/** A command that threw: a usage error in Swedish, or a bug reported briefly; exit code 2. */
function reportFailure(command: Command, error: unknown, io: Io): ExitCode {
  if (error instanceof UsageError) {
    io.stderr(`iop ${command.name}: ${error.message}\nSe iop ${command.name} --help.\n`);
    return EXIT.usage;
  }
  // A bug, not bad input: report briefly; the stack only with IOP_DEBUG.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`iop ${command.name}: internt fel: ${message}\n`);
  if (io.env.IOP_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.usage;
}
